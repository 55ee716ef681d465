import { lazy, Suspense, useState } from 'react';
import type { AppearanceProps } from './context';
import type { QuestionnaireDefinition } from './fields';
import { Loading, SignIn, SignUpWithBackground } from './on-demand';
import { openedFromResetLink } from './recovery';

const PasswordRecovery = lazy(() =>
  import('./password-recovery').then((m) => ({ default: m.PasswordRecovery })),
);

/**
 * `AuthGate`'s fallback when the host gives none: the sign-in, with switches to the sign-up and to the
 * password reset (opened directly by a reset link). Loaded on demand: signed-in visitors never need it.
 */
export function DefaultFallback({
  appearance,
  questionnaire,
}: {
  appearance: AppearanceProps;
  questionnaire?: QuestionnaireDefinition;
}) {
  const [view, setView] = useState<View | null>(() => (openedFromResetLink() ? 'reset' : null));
  // After a switch the button that was pressed is gone: the new form takes focus.
  if (view === 'forgot' || view === 'reset') {
    return (
      <Suspense fallback={<Loading {...appearance} />}>
        <PasswordRecovery appearance={appearance} view={view} setView={setView} />
      </Suspense>
    );
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
