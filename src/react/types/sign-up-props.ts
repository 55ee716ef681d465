import type { ElementType, ReactElement, ReactNode } from 'react';
import type { Question, QuestionnaireDefinition, QuestionStep } from '../../client/questionnaire';
import type { Profile } from '../../client/schema';
import type { AppearanceProps, Cx } from './appearance-props';
import type { SessionUser, SocialProvider } from './auth-client';
import type { SignUpValues } from './form-values';
import type { Translate } from './message-keys';

/** A step of the sign-up: the built-in ones, or the id of a step the questionnaire adds (`steps`). */
export type SignUpStep = 'account' | QuestionStep | 'review' | (string & {});

export interface SignUpWithBackgroundProps extends AppearanceProps {
  /** The questionnaire; defaults to the provider's. */
  questionnaire?: QuestionnaireDefinition;
  /** `inline` renders in place; `dialog` renders a trigger that opens the form in a modal dialog. */
  mode?: 'inline' | 'dialog';
  /** Dialog mode: the button that opens the dialog. Default: a "Sign up" button. */
  trigger?: ReactElement<TriggerProps>;
  /** Dialog mode: controlled open state. */
  open?: boolean;
  /** Dialog mode: open state at first render when uncontrolled. */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Keep the answers (never the password) in sessionStorage across reloads. Default true. */
  persistDraft?: boolean;
  /** The sessionStorage key of the draft. Default `profilekit:sign-up`. */
  draftKey?: string;
  /** Must match better-auth's `minPasswordLength`. Default 8. */
  minPasswordLength?: number;
  /** Called when the account (if needed) and the background are saved. */
  onSuccess?: (result: { user: SessionUser | null; profile: Profile }) => void;
  /** Called when sign-up or the profile save fails; the form keeps every answer. */
  onError?: (error: { code: string; step: SignUpStep }) => void;
  /** Shows an "Already have an account?" button that calls this. */
  onSwitchToSignIn?: () => void;
  /** Replaces the heading. */
  title?: ReactNode;
  /** Moves focus to the first step's heading when the form appears (as when a person switches to it). */
  autoFocus?: boolean;
  /**
   * What a person who is signed in and already has a saved background gets. They are never offered the
   * questionnaire from empty, so a saved background is never replaced by one.
   * - `hide` (default): nothing renders, neither the form nor the dialog's trigger.
   * - `edit`: the profile editor, prefilled with the saved answers: in place when inline; in dialog mode the
   *   trigger reads "Edit your background" and opens the editor.
   */
  whenProfileExists?: 'hide' | 'edit';
  /**
   * "Continue with …" buttons on the account step; defaults to the provider's `socialProviders`. The person
   * comes back to this page signed in and goes on with the questionnaire; answers typed before leaving are
   * kept in the draft (unless `persistDraft` is false).
   */
  socialProviders?: readonly SocialProvider[];
  /**
   * When better-auth requires a verified email (`requireEmailVerification`), sign-up signs nobody in: the
   * form then says to check the inbox, keeps the answers in the draft, and saves them once the person
   * follows the link and is back signed in. Seconds before the link can be sent again. Default 60.
   */
  resendCooldown?: number;
}

export type TriggerProps = {
  onClick?: (event: MouseEvent) => void;
  onPointerEnter?: (event: PointerEvent) => void;
  onFocus?: (event: FocusEvent) => void;
  ref?: unknown;
  'aria-haspopup'?: 'dialog';
  'aria-expanded'?: boolean;
};

export interface ReviewProps {
  values: SignUpValues;
  questions: readonly Question[];
  showAccount: boolean;
  t: Translate;
  cx: Cx;
}

export interface CheckInboxProps {
  appearance: AppearanceProps;
  /** The title: the dialog's title part, or a heading at the sign-up's level. */
  Title: ElementType;
  /** In a dialog, its corner close button. */
  corner?: ReactNode;
  email: string;
  /** When the last link went out, in milliseconds since the epoch. */
  sentAt: number;
  /** Seconds to wait between two links. */
  cooldown: number;
  /** Where the link leads back to. */
  callbackURL: string;
  /** What a followed link brought back: an error code, or `''` for a confirmed address but no session. */
  link: string | null | undefined;
  /** Moves focus to the title when the screen appears. */
  focus: boolean;
  onSent(at: number): void;
  onChangeEmail(): void;
  onSwitchToSignIn?: (() => void) | undefined;
}

/** @internal The sign-up without its dialog trigger: what it shows inline, or inside the dialog. */
export type SignUpFormProps = Omit<
  SignUpWithBackgroundProps,
  'mode' | 'trigger' | 'open' | 'defaultOpen' | 'onOpenChange'
> & {
  /** In dialog mode, the dialog's own title part. */
  TitleTag?: ElementType;
  /** In dialog mode, the dialog's close part. */
  Close?: ElementType;
  /** In dialog mode, the close button for the dialog's corner. */
  corner?: ElementType<{ label: string; className: string | undefined }>;
};
