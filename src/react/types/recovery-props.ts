import type { ReactNode } from 'react';
import type { AppearanceProps } from './appearance-props';

export interface ForgotPasswordProps extends AppearanceProps {
  /**
   * The page the emailed link opens, where a `ResetPassword` reads the token. better-auth appends
   * `token` (or `error=INVALID_TOKEN`) to it, and accepts it only on an origin in its `trustedOrigins`.
   * Default: this page, marked so that `AuthGate`'s default fallback opens the reset form.
   */
  redirectTo?: string;
  /** Called once the request is answered (the same answer whether or not the account exists). */
  onSent?: (email: string) => void;
  /** Called with the error code when the request fails. */
  onError?: (code: string) => void;
  /** Shows a "Back to sign in" button that calls this. */
  onSwitchToSignIn?: () => void;
  /** Fills the email field, e.g. with what the person typed into the sign-in form. */
  defaultEmail?: string;
  /** Replaces the heading. */
  title?: ReactNode;
  /** Moves focus to the heading when the form appears (as when a person switches to it). */
  autoFocus?: boolean;
}

export interface ResetPasswordProps extends AppearanceProps {
  /** The token from the reset link. Default: the `token` query parameter of this page. */
  token?: string;
  /** Must match better-auth's `minPasswordLength`, as for the sign-up. Default 8. */
  minPasswordLength?: number;
  /**
   * Called once the password is changed. better-auth ends every session of the person, this browser's
   * too, so the person signs in next with the new password.
   */
  onSuccess?: () => void;
  /** Called with the error code when the reset fails. */
  onError?: (code: string) => void;
  /** Shows a "Sign in" button after the change that calls this (or use `signInHref`). */
  onSwitchToSignIn?: () => void;
  /** Shows a "Sign in" link after the change. */
  signInHref?: string;
  /** Shows a "Send me a new link" button when the link is dead that calls this (or use `forgotPasswordHref`). */
  onRequestNewLink?: () => void;
  /** Shows a "Send me a new link" link when the link is dead. */
  forgotPasswordHref?: string;
  /** Replaces the heading. */
  title?: ReactNode;
  /** Moves focus to the heading when the form appears. */
  autoFocus?: boolean;
}

/** @internal The password-reset steps of `AuthGate`'s default fallback. */
export interface PasswordRecoveryProps {
  appearance: AppearanceProps;
  view: 'forgot' | 'reset';
  setView: (view: 'signIn' | 'forgot') => void;
}
