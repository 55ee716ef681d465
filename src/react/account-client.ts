import type { AuthClientError, AuthClientResult, ProfileKitAuthClient } from './context';

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
  listAccounts?(): Promise<{ data: { providerId: string }[] | null; error: AuthClientError | null }>;
  signIn: ProfileKitAuthClient['signIn'] & {
    social?(body: { provider: string } & SocialRedirects): Promise<AuthClientResult>;
  };
}

export const accountClient = (client: ProfileKitAuthClient) => client as AccountAuthClient;
