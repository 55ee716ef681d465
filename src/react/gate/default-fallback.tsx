import { useState } from 'react';
import { SignIn, SignUpWithBackground } from '../lazy/forms';
import { PasswordRecovery } from '../lazy/parts';
import { openedFromResetLink } from '../recovery/reset-link';
import type { DefaultFallbackProps } from '../types/gate-props';

/**
 * `AuthGate`'s fallback when the host gives none: the sign-in, with switches to the sign-up and to the
 * password reset (opened directly by a reset link). Loaded on demand: signed-in visitors never need it.
 */
export function DefaultFallback({ appearance, questionnaire }: DefaultFallbackProps) {
  const [view, setView] = useState<View | null>(() => (openedFromResetLink() ? 'reset' : null));
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
      onForgotPassword={() => setView('forgot')}
    />
  );
}

type View = 'signIn' | 'signUp' | 'forgot' | 'reset';
