import type { PasswordRecoveryProps } from '../types/recovery-props';
import { ForgotPassword } from './forgot-password';
import { forgetResetLink } from './reset-link';
import { ResetPassword } from './reset-password';

/**
 * The password-reset steps of `AuthGate`'s default fallback, loaded when a person asks for them. The page
 * a reset link opens starts at `reset`; "Sign in" goes back to the sign-in form.
 */
export function PasswordRecovery({ appearance, view, setView }: PasswordRecoveryProps) {
  // Leaving the reset, the address forgets its link: signing in and out later shows the sign-in, not it.
  const leave = (next: 'signIn' | 'forgot') => {
    forgetResetLink();
    setView(next);
  };
  return view === 'forgot' ? (
    <ForgotPassword {...appearance} autoFocus onSwitchToSignIn={() => leave('signIn')} />
  ) : (
    <ResetPassword
      {...appearance}
      onSwitchToSignIn={() => leave('signIn')}
      onRequestNewLink={() => leave('forgot')}
    />
  );
}
