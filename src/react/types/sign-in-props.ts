import type { ReactNode } from 'react';
import type { AppearanceProps } from './appearance-props';
import type { SocialProvider } from './auth-client';

export interface SignInProps extends AppearanceProps {
  /** Called once the person is signed in. The session updates by itself. */
  onSuccess?: () => void;
  /** Called with the error code when signing in fails. */
  onError?: (code: string) => void;
  /** Shows a "Create an account" button that calls this. */
  onSwitchToSignUp?: () => void;
  /** Shows a "Forgot your password?" button that calls this (or use `forgotPasswordHref`). */
  onForgotPassword?: () => void;
  /** Shows a "Forgot your password?" link to the page with your `ForgotPassword`. */
  forgotPasswordHref?: string;
  /** Replaces the heading. */
  title?: ReactNode;
  /** Moves focus to the heading when the form appears (as when a person switches to it). */
  autoFocus?: boolean;
  /** "Continue with …" buttons above the form; defaults to the provider's `socialProviders`. */
  socialProviders?: readonly SocialProvider[];
}
