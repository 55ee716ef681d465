import { type Attributes, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { type AppearanceProps, useAppearance } from './context';
import type { DeleteAccountProps } from './delete-account';
import type { DownloadDataProps } from './download-data';
import type { ForgotPasswordProps } from './forgot-password';
import type { ProfileEditorProps } from './profile-editor';
import type { ResetPasswordProps } from './reset-password';
import type { SignInProps } from './sign-in';
import type { ReviewProps } from './sign-up-review';
import type { SignUpWithBackgroundProps } from './sign-up-with-background';
import type { SocialButtonsProps } from './social-buttons';
import type { UserMenuProps } from './user-menu';

/** What the components show while their code or their data loads. */
export function Loading(appearance: AppearanceProps) {
  const { t, cx, rootProps } = useAppearance('profilekit', appearance);
  return (
    <div {...rootProps} aria-busy="true">
      <p role="status" className={cx('description')}>
        {t('loading')}
      </p>
    </div>
  );
}

/**
 * A component whose code loads the first time it renders, so a page pays for the forms (react-hook-form,
 * zod, Radix) only where it shows them. Bundlers split each into its own chunk.
 */
function onDemand<P extends object>(
  displayName: string,
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => ReactNode = (props) => <Loading {...(props as AppearanceProps)} />,
) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function OnDemand(props: P) {
    return (
      <Suspense fallback={placeholder(props)}>
        <Lazy {...(props as P & Attributes)} />
      </Suspense>
    );
  }
  OnDemand.displayName = displayName;
  return OnDemand;
}

/** Email and password sign-in through your better-auth client. The default fallback of `AuthGate`. */
export const SignIn = /* @__PURE__ */ onDemand<SignInProps>('SignIn', () =>
  import('./sign-in').then((m) => m.SignIn),
);

/**
 * Email and password sign-up followed by the software and hardware background questionnaire:
 * Account → Software background → Hardware background → Review. A person who is already signed in only
 * answers the questionnaire. `mode="dialog"` opens it in a modal dialog from a trigger.
 */
export const SignUpWithBackground = /* @__PURE__ */ onDemand<SignUpWithBackgroundProps>(
  'SignUpWithBackground',
  () => import('./sign-up-with-background').then((m) => m.SignUpWithBackground),
  // A dialog's trigger appears with its code; an inline form shows that it is loading.
  (props) => (props.mode === 'dialog' ? null : <Loading {...props} />),
);

/**
 * Edits the signed-in person's background. Saves only what changed, conditional on the version it loaded;
 * when someone saved in between, it says so and lets the person reload while keeping their changes.
 */
export const ProfileEditor = /* @__PURE__ */ onDemand<ProfileEditorProps>('ProfileEditor', () =>
  import('./profile-editor').then((m) => m.ProfileEditor),
);

/**
 * Asks for an account's email and has better-auth mail it a password-reset link; answers the same whether
 * or not the account exists.
 */
export const ForgotPassword = /* @__PURE__ */ onDemand<ForgotPasswordProps>('ForgotPassword', () =>
  import('./forgot-password').then((m) => m.ForgotPassword),
);

/** Sets a new password with the token of a reset link (read from the page's URL by default). */
export const ResetPassword = /* @__PURE__ */ onDemand<ResetPasswordProps>('ResetPassword', () =>
  import('./reset-password').then((m) => m.ResetPassword),
);

/**
 * Who is signed in, with a menu to edit the background, download one's data, delete the account and sign
 * out; a "Sign up" button while nobody is signed in.
 */
export const UserMenu = /* @__PURE__ */ onDemand<UserMenuProps>(
  'UserMenu',
  () => import('./user-menu').then((m) => m.UserMenu),
  // Header space stays empty while the menu's code loads.
  () => null,
);

/**
 * Deletes the signed-in person's account after they confirm with their email (and password, when they have
 * one); offers "Download my data" first.
 */
export const DeleteAccount = /* @__PURE__ */ onDemand<DeleteAccountProps>('DeleteAccount', () =>
  import('./delete-account').then((m) => m.DeleteAccount),
);

/** "Download my data": the signed-in person's account and profile as a JSON file. */
export const DownloadData = /* @__PURE__ */ onDemand<DownloadDataProps>(
  'DownloadData',
  () => import('./download-data').then((m) => m.DownloadData),
  () => null,
);

/**
 * "Continue with …" buttons for the social and OpenID providers configured in better-auth; they explain a
 * sign-in the provider refused when the browser comes back.
 */
export const SocialButtons = /* @__PURE__ */ onDemand<SocialButtonsProps>(
  'SocialButtons',
  () => import('./social-buttons').then((m) => m.SocialButtons),
  () => null,
);

/** @internal The sign-up's review step: the answers, listed when a person first reaches it. */
export const Review = /* @__PURE__ */ onDemand<ReviewProps>(
  'Review',
  () => import('./sign-up-review').then((m) => m.Review),
  () => null,
);
