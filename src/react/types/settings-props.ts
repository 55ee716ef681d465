import type { ReactNode } from 'react';
import type { AppearanceProps } from './appearance-props';
import type { SocialProvider } from './auth-client';

/** The sections of `AccountSettings`, in the order it shows them. */
export type AccountSection =
  | 'profile'
  | 'background'
  | 'email'
  | 'password'
  | 'sessions'
  | 'methods'
  | 'danger';

/** What a section reports when a change went through. */
export interface SettingsSuccess {
  section: AccountSection;
  /** What happened: `saved`, `email-link-sent`, `password-changed`, `password-link-sent`, `session-ended`, `others-ended`, `unlinked`, `linking`, `deleted`. */
  action: string;
}

/**
 * The contract every section keeps, alone or inside `AccountSettings`: it renders its own titled
 * `<section>` at `headingLevel` (default 2), announces what it did in a live region and moves focus only
 * to what it shows next (an error, a success message), says what went wrong in text, and calls
 * `onSuccess` or `onError` with a stable code. Nothing is lost on failure: typed values stay.
 */
export interface SettingsSectionProps extends AppearanceProps {
  /** Replaces the section's heading. */
  title?: ReactNode;
  /** Called when a change went through. */
  onSuccess?: (success: SettingsSuccess) => void;
  /** Called with the error code when a change failed; nothing changed then. */
  onError?: (code: string) => void;
}

/** Turns a picked file into the image URL your server stores; profilekit never uploads by itself. */
export type UploadImage = (file: File) => Promise<string>;

export interface ProfileSectionProps extends SettingsSectionProps {
  /** Offers "Upload a picture"; without it the person gives an image URL. */
  uploadImage?: UploadImage;
}

export interface EmailSectionProps extends SettingsSectionProps {
  /** Where the link mailed to the new address leads after the change. Default: this page. */
  callbackURL?: string;
}

export interface PasswordSectionProps extends SettingsSectionProps {
  /** Where the "set a password" link leads (a page with `ResetPassword` or an `AuthGate`). Default: this page, marked as a reset link. */
  redirectTo?: string;
}

export interface SignInMethodsSectionProps extends SettingsSectionProps {
  /** The providers a person can connect; defaults to the provider's `socialProviders`. */
  providers?: readonly SocialProvider[];
  /** Where the provider sends the person back after connecting. Default: this page. */
  callbackURL?: string;
}

export interface DangerZoneSectionProps extends SettingsSectionProps {
  /** Called once the account is deleted. */
  onDeleted?: () => void;
}

/**
 * Everything a signed-in person manages, as sections that also exist alone (`ProfileSection`,
 * `EmailSection`…): each loads its code the first time it shows.
 */
export interface AccountSettingsProps
  extends Omit<SettingsSectionProps, 'title'>,
    Pick<ProfileSectionProps, 'uploadImage'>,
    Pick<SignInMethodsSectionProps, 'providers'>,
    Pick<DangerZoneSectionProps, 'onDeleted'> {
  /** Which sections, in order. Default: all of them. */
  sections?: readonly AccountSection[];
  /** The page's heading; `null` for none (when the host's page has one). */
  title?: ReactNode;
  /** Where links mailed from the settings and providers lead back to. Default: this page. */
  callbackURL?: string;
}
