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
import type { ProfileEditorProps } from '../types/profile-props';
import type { ForgotPasswordProps, PasswordRecoveryProps, ResetPasswordProps } from '../types/recovery-props';
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
