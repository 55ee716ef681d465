import type { UserMenuProps } from '../types/account-props';
import type { DefaultFallbackProps, ProfileGateProps } from '../types/gate-props';
import { onDemand } from './on-demand';

/**
 * Who is signed in, with a menu to edit the background, download one's data, delete the account and sign
 * out; a "Sign up" button while nobody is signed in.
 */
export const UserMenu = /* @__PURE__ */ onDemand<UserMenuProps>(
  'UserMenu',
  () => import('../account/user-menu').then((m) => m.UserMenu),
  // Header space stays empty while the menu's code loads.
  () => null,
);

/** @internal The `requireProfile` half of `AuthGate`: a signed-in visitor with a profile never loads a form. */
export const ProfileGate = /* @__PURE__ */ onDemand<ProfileGateProps>(
  'ProfileGate',
  () => import('../gate/profile-gate').then((m) => m.ProfileGate),
  (props) => props.loading,
);

/** @internal `AuthGate`'s default fallback; the sign-in it shows starts loading with it, not after it. */
export const DefaultFallback = /* @__PURE__ */ onDemand<DefaultFallbackProps>(
  'DefaultFallback',
  () => {
    void import('../sign-in/sign-in');
    return import('../gate/default-fallback').then((m) => m.DefaultFallback);
  },
  (props) => props.loading,
);
