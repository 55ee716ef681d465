import type { ReactNode } from 'react';
import type { PersonalData } from '../../client/personal-data';
import type { AppearanceProps } from './appearance-props';
import type { SocialProvider, SocialRedirects } from './auth-client';
import type { AccountSettingsProps } from './settings-props';

export interface DeleteAccountProps extends AppearanceProps {
  /** Called once the account is deleted; the session ends by itself. */
  onDeleted?: () => void;
  /** Called with the error code when deleting fails; nothing is deleted then. */
  onError?: (code: string) => void;
  /** Replaces the heading. */
  title?: ReactNode;
  /** Shows the confirmation form at once instead of a "Delete account…" button first. */
  defaultOpen?: boolean;
  /** Offers "Download my data" beside the deletion. Default true. */
  showDownload?: boolean;
}

export interface DownloadDataProps extends AppearanceProps {
  /** Called with what was downloaded. */
  onSuccess?: (data: PersonalData) => void;
  /** Called with the error code when the export fails. */
  onError?: (code: string) => void;
}

export interface SocialButtonsProps extends AppearanceProps, SocialRedirects {
  /** The providers, in order; defaults to the provider's `socialProviders`. */
  providers?: readonly SocialProvider[];
  /** Called with the error code when a sign-in through a provider failed or was refused. */
  onError?: (code: string) => void;
  /** Shows "or" after the buttons, before a form that follows. Default true. */
  separator?: boolean;
  /** @internal Inside another component's root: no root of its own. */
  nested?: boolean;
}

export interface UserMenuProps extends AppearanceProps {
  /** "Edit background" calls this instead of opening the profile editor in a dialog. */
  onEditProfile?: () => void;
  /** Called after the person signs out from the menu. */
  onSignedOut?: () => void;
  /** Called after the person deletes their account from the menu. */
  onDeleted?: () => void;
  /** Shown while nobody is signed in. Default: the sign-up dialog's "Sign up" button. Pass `null` for nothing. */
  signedOut?: ReactNode;
  /** Offers "Download my data". Default true. */
  showDownload?: boolean;
  /** Offers "Delete account". Default true. */
  showDelete?: boolean;
  /** Offers "Manage account", which opens `AccountSettings` in a dialog (or goes to `accountHref`). Default true. */
  showManageAccount?: boolean;
  /** "Manage account" goes to this page of yours instead of opening a dialog. */
  accountHref?: string;
  /** Props of the `AccountSettings` the "Manage account" dialog shows (sections, uploadImage…). */
  accountSettings?: Omit<AccountSettingsProps, 'title'>;
}
