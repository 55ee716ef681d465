import type { BetterAuthOptions, BetterAuthPlugin } from 'better-auth';
import { genericOAuth } from 'better-auth/plugins';

/** A provider as the components take it (`socialProviders` on ProfileKitProvider). */
export interface SocialProviderInfo {
  id: string;
  name: string;
}

/** better-auth options for social and OpenID sign-in, and the providers to show as buttons. */
export interface SocialSettings {
  providers: SocialProviderInfo[];
  options: Pick<BetterAuthOptions, 'socialProviders' | 'onAPIError'>;
  plugins: BetterAuthPlugin[];
}

/**
 * Social sign-in from settings, each provider enabled by its own variables:
 * - GitHub: GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET (callback `<BASE_URL>/api/auth/callback/github`).
 * - Google: GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET (callback `<BASE_URL>/api/auth/callback/google`).
 * - Any OpenID Connect provider: OIDC_DISCOVERY_URL (its `/.well-known/openid-configuration`),
 *   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, optionally OIDC_PROVIDER_ID (default `oidc`, the callback is
 *   `<BASE_URL>/api/auth/callback/<id>`: better-auth 1.7 serves generic providers like built-in ones) and OIDC_NAME (the button's text, default "OpenID").
 * SOCIAL_ERROR_URL is where better-auth sends a sign-in it could not tie to a page (a tampered or expired
 * state) with `?error=`; default the React example.
 */
export function socialFromEnv(env: Record<string, string | undefined>, baseURL: string): SocialSettings {
  const providers: SocialProviderInfo[] = [];
  const socialProviders: NonNullable<BetterAuthOptions['socialProviders']> = {};
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    socialProviders.github = { clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET };
    providers.push({ id: 'github', name: 'GitHub' });
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    socialProviders.google = { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET };
    providers.push({ id: 'google', name: 'Google' });
  }
  const plugins: BetterAuthPlugin[] = [];
  if (env.OIDC_DISCOVERY_URL && env.OIDC_CLIENT_ID) {
    const providerId = env.OIDC_PROVIDER_ID || 'oidc';
    plugins.push(
      genericOAuth({
        config: [
          {
            providerId,
            discoveryUrl: env.OIDC_DISCOVERY_URL,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            scopes: ['openid', 'email', 'profile'],
            pkce: true,
            // Signing out of this site leaves the person signed in at their provider, as with GitHub.
            disableProviderLogout: true,
          },
        ],
      }) as BetterAuthPlugin,
    );
    providers.push({ id: providerId, name: env.OIDC_NAME || 'OpenID' });
  }
  return {
    providers,
    options: {
      socialProviders,
      onAPIError: { errorURL: env.SOCIAL_ERROR_URL || `${baseURL}/react-app/` },
    },
    plugins,
  };
}
