import type { BetterAuthOptions } from 'better-auth';

/**
 * better-auth options that map its models onto profilekit's schema: `users` with UUID ids and snake_case
 * columns, `sessions`, `accounts` (the credential hash in `password_hash`) and `verifications`.
 * Spread the result into your own `betterAuth({...})`; if you also set `user`, `session`, `account`,
 * `verification` or `advanced`, pass yours in and they are merged.
 *
 * @example
 * export const auth = betterAuth({
 *   ...profileKitAuthOptions(),
 *   database: { db: kysely, type: 'postgres' },
 *   emailAndPassword: { enabled: true },
 * });
 */
export function profileKitAuthOptions(overrides: ProfileKitAuthOverrides = {}) {
  return {
    user: {
      ...overrides.user,
      modelName: 'users',
      fields: {
        emailVerified: 'email_verified',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
        ...overrides.user?.fields,
      },
    },
    session: {
      ...overrides.session,
      modelName: 'sessions',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
        ...overrides.session?.fields,
      },
    },
    account: {
      ...overrides.account,
      modelName: 'accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        password: 'password_hash',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
        ...overrides.account?.fields,
      },
    },
    verification: {
      ...overrides.verification,
      modelName: 'verifications',
      fields: {
        expiresAt: 'expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
        ...overrides.verification?.fields,
      },
    },
    advanced: {
      ...overrides.advanced,
      database: { ...overrides.advanced?.database, generateId: 'uuid' as const },
    },
  } satisfies Partial<BetterAuthOptions>;
}

/** The parts of better-auth's options that {@link profileKitAuthOptions} merges with its own. */
export type ProfileKitAuthOverrides = Pick<
  BetterAuthOptions,
  'user' | 'session' | 'account' | 'verification' | 'advanced'
>;
