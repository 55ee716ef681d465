import type { PasswordRecoveryProps } from '../types/recovery-props';
import { ForgotPassword } from './forgot-password';
import { ResetPassword } from './reset-password';

/**
 * The password-reset steps of `AuthGate`'s default fallback, loaded when a person asks for them. The page
 * a reset link opens starts at `reset`; "Sign in" goes back to the sign-in form.
 */
export function PasswordRecovery({ appearance, view, setView }: PasswordRecoveryProps) {
  return view === 'forgot' ? (
    <ForgotPassword {...appearance} autoFocus onSwitchToSignIn={() => setView('signIn')} />
  ) : (
    <ResetPassword
      {...appearance}
      onSwitchToSignIn={() => setView('signIn')}
      onRequestNewLink={() => setView('forgot')}
    />
  );
}
