// The lazy boundary: a wrapper per component whose code loads the first time it renders (each `import()`
// becomes a chunk named after its file). These files import only types, the loading state and each other,
// never a component, so nothing here pulls a form into the gate's first chunk. A wrapper lives in the
// lowest of parts.tsx, forms.tsx and shells.tsx that the component it loads does not import: the import
// cycle rule fails the lint when one sits too low.
// parts.tsx: components that load no wrapper themselves.
import type { ReactNode } from 'react';
import type { QuestionnaireDefinition } from '../../client/questionnaire';
import { Loading } from '../elements/loading';
import type { DeleteAccountProps, DownloadDataProps, SocialButtonsProps } from '../types/account-props';
import type { DialogFrameProps } from '../types/dialog-props';
import type { InDialog, ProfileEditorProps } from '../types/profile-props';
import type { ForgotPasswordProps, PasswordRecoveryProps, ResetPasswordProps } from '../types/recovery-props';
import type {
  DangerZoneSectionProps,
  EmailSectionProps,
  PasswordSectionProps,
  ProfileSectionProps,
  SettingsSectionProps,
  SignInMethodsSectionProps,
} from '../types/settings-props';
import type { CheckInboxProps, ReviewProps } from '../types/sign-up-props';
import { onDemand } from './on-demand';

/**
 * Edits the signed-in person's background. Saves only what changed, conditional on the version it loaded;
 * when someone saved in between, it says so and lets the person reload while keeping their changes.
 */
export const ProfileEditor = /* @__PURE__ */ onDemand<ProfileEditorProps>('ProfileEditor', () =>
  import('../profile/profile-editor').then((m) => m.ProfileEditor),
) as (<Q extends QuestionnaireDefinition = QuestionnaireDefinition>(
  props: ProfileEditorProps<Q>,
) => ReactNode) & {
  displayName: string;
};

/**
 * Asks for an account's email and has better-auth mail it a password-reset link; answers the same whether
 * or not the account exists.
 */
export const ForgotPassword = /* @__PURE__ */ onDemand<ForgotPasswordProps>('ForgotPassword', () =>
  import('../recovery/forgot-password').then((m) => m.ForgotPassword),
);

/** Sets a new password with the token of a reset link (read from the page's URL by default). */
export const ResetPassword = /* @__PURE__ */ onDemand<ResetPasswordProps>('ResetPassword', () =>
  import('../recovery/reset-password').then((m) => m.ResetPassword),
);

/**
 * Deletes the signed-in person's account after they confirm with their email (and password, when they have
 * one); offers "Download my data" first.
 */
export const DeleteAccount = /* @__PURE__ */ onDemand<DeleteAccountProps>('DeleteAccount', () =>
  import('../account/delete-account').then((m) => m.DeleteAccount),
);

/** "Download my data": the signed-in person's account and profile as a JSON file. */
export const DownloadData = /* @__PURE__ */ onDemand<DownloadDataProps>(
  'DownloadData',
  () => import('../account/download-data').then((m) => m.DownloadData),
  () => null,
);

/**
 * "Continue with …" buttons for the social and OpenID providers configured in better-auth; they explain a
 * sign-in the provider refused when the browser comes back.
 */
export const SocialButtons = /* @__PURE__ */ onDemand<SocialButtonsProps>(
  'SocialButtons',
  () => import('../account/social-buttons').then((m) => m.SocialButtons),
  () => null,
);

/** @internal The sign-up's review step: the answers, listed when a person first reaches it. */
export const Review = /* @__PURE__ */ onDemand<ReviewProps>(
  'Review',
  () => import('../sign-up/sign-up-review').then((m) => m.Review),
  () => null,
);

/** @internal The password-reset steps of the default fallback, loaded when a person asks for them. */
export const PasswordRecovery = /* @__PURE__ */ onDemand<PasswordRecoveryProps>('PasswordRecovery', () =>
  import('../recovery/password-recovery').then((m) => m.PasswordRecovery),
);

/** Starts loading the dialog's code, as a person reaches for a trigger. */
export const preloadDialog = () => import('../elements/dialog-frame');

/** @internal The modal dialog of the sign-up and the account parts; its code loads on first open. */
export const DialogFrame = /* @__PURE__ */ onDemand<DialogFrameProps>(
  'DialogFrame',
  () => preloadDialog().then((m) => m.DialogFrame),
  () => null,
);

/** @internal The sign-up's "Check your inbox" screen, loaded only when a server requires verification. */
export const CheckInbox = /* @__PURE__ */ onDemand<CheckInboxProps>(
  'CheckInbox',
  () => import('../sign-up/check-inbox').then((m) => m.CheckInbox),
  (props) => <Loading {...props.appearance} />,
);

// The sections of the account settings, each its own chunk: a host that shows one section pays for it alone.

/** Name and picture (an image URL, or your `uploadImage`; initials otherwise). */
export const ProfileSection = /* @__PURE__ */ onDemand<ProfileSectionProps>('ProfileSection', () =>
  import('../account/profile-section').then((m) => m.ProfileSection),
);

/** The software and hardware background (the `ProfileEditor`), as a section. */
export const BackgroundSection = /* @__PURE__ */ onDemand<SettingsSectionProps>('BackgroundSection', () =>
  import('../account/background-section').then((m) => m.BackgroundSection),
);

/** Change of email: the current password first, then a link to the new address that applies it. */
export const EmailSection = /* @__PURE__ */ onDemand<EmailSectionProps>('EmailSection', () =>
  import('../account/email-section').then((m) => m.EmailSection),
);

/** Change of password (other devices signed out by default), or "set a password" by mail. */
export const PasswordSection = /* @__PURE__ */ onDemand<PasswordSectionProps>('PasswordSection', () =>
  import('../account/password-section').then((m) => m.PasswordSection),
);

/** Every device signed in, this one marked; end one or all others. No session token reaches the page. */
export const SessionsSection = /* @__PURE__ */ onDemand<SettingsSectionProps>('SessionsSection', () =>
  import('../account/sessions-section').then((m) => m.SessionsSection),
);

/** Email and password and each provider: connect and disconnect (never the last way in). */
export const SignInMethodsSection = /* @__PURE__ */ onDemand<SignInMethodsSectionProps>(
  'SignInMethodsSection',
  () => import('../account/sign-in-methods-section').then((m) => m.SignInMethodsSection),
);

/** Deleting the account, with "Download my data" first. */
export const DangerZoneSection = /* @__PURE__ */ onDemand<DangerZoneSectionProps>('DangerZoneSection', () =>
  import('../account/danger-zone-section').then((m) => m.DangerZoneSection),
);

/** @internal The editor in the user menu's dialog, titled by the dialog's own title. Same chunk as `ProfileEditor`. */
export const ProfileEditorInDialog = /* @__PURE__ */ onDemand<ProfileEditorProps & InDialog>(
  'ProfileEditorInDialog',
  () => import('../profile/profile-editor').then((m) => m.ProfileEditor),
);

/** @internal The deletion in the user menu's dialog, titled by the dialog's own title. */
export const DeleteAccountInDialog = /* @__PURE__ */ onDemand<DeleteAccountProps & InDialog>(
  'DeleteAccountInDialog',
  () => import('../account/delete-account').then((m) => m.DeleteAccount),
);
