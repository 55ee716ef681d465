// The contract with the host's better-auth React client: only what the components call, so a host's own
// client type fits.

/** A better-auth error as its client returns it: `{ data: null, error }`. */
export interface AuthClientError {
  code?: string | undefined;
  message?: string | undefined;
  status: number;
  statusText?: string | undefined;
}

/** What a better-auth client call resolves to. */
export type AuthClientResult = { data: unknown; error: AuthClientError | null };

/** The signed-in person, as better-auth reports them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  // `| undefined` as better-auth declares them, for hosts with exactOptionalPropertyTypes.
  image?: string | null | undefined;
  emailVerified?: boolean | undefined;
}

export interface SessionData {
  user: SessionUser;
  session: { id: string; expiresAt: Date | string };
}

/**
 * The parts of a better-auth React client (`createAuthClient` from `better-auth/react`) the components use.
 * Pass your own client: its session cache is shared with the rest of your app.
 */
export interface ProfileKitAuthClient {
  useSession(): { data: SessionData | null; isPending: boolean; isRefetching?: boolean; error: unknown };
  signIn: { email(body: { email: string; password: string }): Promise<AuthClientResult> };
  signUp: {
    email(body: {
      email: string;
      password: string;
      name: string;
      callbackURL?: string;
    }): Promise<AuthClientResult>;
  };
  signOut(): Promise<unknown>;
}

/**
 * A provider configured in your better-auth server, by id: a built-in social provider (`'github'`,
 * `'google'`, …) or the `providerId` of an OpenID Connect or OAuth provider of better-auth's `genericOAuth`
 * plugin. `name` is the button's text (default: the known name, else the id).
 */
export type SocialProvider = string | { id: string; name?: string };

/** Where a social or OpenID sign-in goes afterwards. */
export interface SocialRedirects {
  callbackURL?: string;
  errorCallbackURL?: string;
  newUserCallbackURL?: string;
}

/**
 * The better-auth client calls the account parts make beyond `ProfileKitAuthClient`. Every better-auth
 * client has them (its proxy turns `deleteUser` into `POST /delete-user`); they are optional so a host's
 * own client type still fits. better-auth's `genericOAuth` providers sign in through `signIn.social` too.
 */
export interface AccountAuthClient extends ProfileKitAuthClient {
  deleteUser?(body: { password?: string }): Promise<AuthClientResult>;
  listAccounts?(): Promise<{
    data: { id?: string; providerId: string; accountId?: string }[] | null;
    error: AuthClientError | null;
  }>;
  updateUser?(body: { name?: string; image?: string | null }): Promise<AuthClientResult>;
  /** `currentPassword` is profilekit's re-authentication (see `profileKitAuthOptions`). */
  changeEmail?(body: {
    newEmail: string;
    callbackURL?: string;
    currentPassword?: string;
  }): Promise<AuthClientResult>;
  changePassword?(body: {
    currentPassword: string;
    newPassword: string;
    revokeOtherSessions?: boolean;
  }): Promise<AuthClientResult>;
  requestPasswordReset?(body: { email: string; redirectTo?: string }): Promise<AuthClientResult>;
  revokeOtherSessions?(): Promise<AuthClientResult>;
  unlinkAccount?(body: { accountId: string; providerId?: string }): Promise<AuthClientResult>;
  linkSocial?(body: { provider: string; callbackURL?: string }): Promise<AuthClientResult>;
  /** better-auth's fetch for endpoints of plugins (`/profilekit/sessions`). */
  $fetch?(path: string, options?: { method?: string; body?: unknown }): Promise<AuthClientResult>;
  signIn: ProfileKitAuthClient['signIn'] & {
    social?(body: { provider: string } & SocialRedirects): Promise<AuthClientResult>;
  };
}

/** The better-auth client calls of a password reset (every better-auth React client has them). */
export interface PasswordResetAuthClient {
  requestPasswordReset(body: { email: string; redirectTo?: string }): Promise<AuthClientResult>;
  resetPassword(body: { newPassword: string; token: string }): Promise<AuthClientResult>;
}
