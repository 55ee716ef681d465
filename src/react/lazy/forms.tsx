// The forms, which load parts (see parts.tsx for the rule of these files).
import { Loading } from '../elements/loading';
import type { AccountSettingsProps } from '../types/settings-props';
import type { SignInProps } from '../types/sign-in-props';
import type { SignUpWithBackgroundProps } from '../types/sign-up-props';
import { onDemand } from './on-demand';

/** Email and password sign-in through your better-auth client. The default fallback of `AuthGate`. */
export const SignIn = /* @__PURE__ */ onDemand<SignInProps>('SignIn', () =>
  import('../sign-in/sign-in').then((m) => m.SignIn),
);

/**
 * Email and password sign-up followed by the software and hardware background questionnaire:
 * Account → Software background → Hardware background → Review. A person who is already signed in only
 * answers the questionnaire. `mode="dialog"` opens it in a modal dialog from a trigger.
 */
export const SignUpWithBackground = /* @__PURE__ */ onDemand<SignUpWithBackgroundProps>(
  'SignUpWithBackground',
  () => import('../sign-up/sign-up-with-background').then((m) => m.SignUpWithBackground),
  // A dialog's trigger appears with its code; an inline form shows that it is loading.
  (props) => (props.mode === 'dialog' ? null : <Loading {...props} />),
);

/**
 * Everything a signed-in person manages, as sections that each load on demand (and are exported alone:
 * `ProfileSection`, `EmailSection`…).
 */
export const AccountSettings = /* @__PURE__ */ onDemand<AccountSettingsProps>('AccountSettings', () =>
  import('../account/account-settings').then((m) => m.AccountSettings),
);
