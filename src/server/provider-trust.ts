import type { BetterAuthOptions } from 'better-auth';

type UserOptions = NonNullable<BetterAuthOptions['user']>;
type ValidateUserInfo = NonNullable<UserOptions['validateUserInfo']>;

/**
 * A provider identity claims an address only when the provider verified it: an OAuth or OpenID sign-in
 * whose `email_verified` is not true neither creates an account for that address nor links to one
 * (`EMAIL_NOT_VERIFIED`, which the sign-in shows). An identity already linked still signs in. Runs before
 * the host's own `validateUserInfo`, if any.
 */
export function trustVerifiedProviderEmails(host: ValidateUserInfo | undefined): ValidateUserInfo {
  return async (data, ctx) => {
    const { user, source } = data;
    const provider =
      source.method === 'oauth' || source.method === 'sso-oidc' || source.method === 'sso-saml';
    if (provider && source.action !== 'sign-in' && user.emailVerified !== true) {
      return {
        error: 'email_not_verified',
        errorDescription: 'The provider has not verified this email address',
      };
    }
    return host?.(data, ctx);
  };
}
