import { useState } from 'react';
import { useProfileKit } from '../context/provider';
import { SignIn, SignUpWithBackground } from '../lazy/forms';
import { PasswordRecovery } from '../lazy/parts';
import { openedFromResetLink } from '../recovery/reset-link';
import type { DefaultFallbackProps } from '../types/gate-props';
import { usePasswordResetOffered } from './server-capabilities';

/**
 * `AuthGate`'s fallback when the host gives none: the sign-in, with switches to the sign-up and to the
 * password reset (opened directly by a reset link; offered when the server can mail one). Loaded on demand: signed-in visitors never need it.
 */
export function DefaultFallback({ appearance, questionnaire }: DefaultFallbackProps) {
  const [view, setView] = useState<View | null>(() => (openedFromResetLink() ? 'reset' : null));
  // Offered only when the server can mail the link: without a sender it would be a dead end.
  const resetOffered = usePasswordResetOffered(useProfileKit('AuthGate'));
  // After a switch the button that was pressed is gone: the new form takes focus.
  if (view === 'forgot' || view === 'reset') {
    return <PasswordRecovery appearance={appearance} view={view} setView={setView} />;
  }
  return view === 'signUp' ? (
    <SignUpWithBackground
      {...appearance}
      questionnaire={questionnaire}
      autoFocus
      onSwitchToSignIn={() => setView('signIn')}
    />
  ) : (
    <SignIn
      {...appearance}
      autoFocus={view === 'signIn'}
      onSwitchToSignUp={() => setView('signUp')}
      {...(resetOffered ? { onForgotPassword: () => setView('forgot') } : {})}
    />
  );
}

type View = 'signIn' | 'signUp' | 'forgot' | 'reset';
