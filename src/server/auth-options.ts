import type { BetterAuthOptions } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { PROFILE_LIMITS } from '../client/constants';
import { textProblem } from '../client/text';
import {
  accountSettingsPlugin,
  changeEmailOption,
  type ProfileKitAccountSettingsOptions,
} from './account-settings';
import { refuseMalformedRedirect, refuseUnstorableText } from './auth-input';
import { ipAddressOptions, proxySetting, TRUST_PROXY_SETTING, type TrustProxy } from './client-address';
import { deletionDatabaseHooks } from './deletion';
import { lifecycleHooks } from './lifecycle';
import {
  ADDRESS_RULES,
  DEFAULT_FAILED_SIGN_IN_LIMIT,
  failedSignInLimit,
  type LimitRule,
  RATE_LIMIT_TABLE,
  type SignInHookContext,
} from './limits';
import { checkProductionSettings } from './production';
import { trustVerifiedProviderEmails } from './provider-trust';
import { type LifecycleState, type ProfileKitRecoveryOptions, recoveryAuthOptions } from './recovery';
import { type ProfileKitTwoFactorOptions, twoFactorPlugins } from './two-factor';

/** Endpoints that take the person's `name`: it must pass the same text rule as a profile, and a cap. */
const NAME_PATHS = new Set(['/sign-up/email', '/update-user']);

/**
 * The person's name, trimmed and NFC-normalised, or a 400 with a code the components translate:
 * `NAME_TOO_LONG` past {@link PROFILE_LIMITS.personNameLength} characters, `INVALID_NAME` for control,
 * bidi-control, unpaired-surrogate or invisible-only text.
 */
export function checkPersonName(value: unknown): string {
  if (typeof value !== 'string') {
    throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', message: 'The name must be text' });
  }
  const name = value.trim().normalize('NFC');
  if (name.length > PROFILE_LIMITS.personNameLength) {
    throw new APIError('BAD_REQUEST', {
      code: 'NAME_TOO_LONG',
      message: `The name is longer than ${PROFILE_LIMITS.personNameLength} characters`,
    });
  }
  if (textProblem(name)) {
    throw new APIError('BAD_REQUEST', {
      code: 'INVALID_NAME',
      message: 'The name holds control, bidirectional-control or invisible characters only',
    });
  }
  return name;
}

function nameRule(ctx: { path?: string; body?: unknown }) {
  const body = ctx.body as Record<string, unknown> | undefined;
  if (!ctx.path || !NAME_PATHS.has(ctx.path) || !body || typeof body !== 'object' || !('name' in body)) {
    return undefined;
  }
  return { context: { body: { ...body, name: checkPersonName(body.name) } } };
}

type Hook = NonNullable<NonNullable<BetterAuthOptions['hooks']>['before']>;

/**
 * Runs a host's hook from inside ours. better-auth calls hooks asking for their headers back, and a hook
 * answers `{ headers, response }`; ours passes the headers on and returns the bare response.
 */
async function runHostHook(
  hook: Hook | undefined,
  ctx: Parameters<Hook>[0] & { setHeader(key: string, value: string): void; responseHeaders?: Headers },
): Promise<unknown> {
  if (!hook) return undefined;
  const result: unknown = await hook(ctx);
  const wrapped = (ctx as { returnHeaders?: boolean }).returnHeaders;
  if (!wrapped || !result || typeof result !== 'object' || !('response' in result)) return result;
  const { headers, response } = result as { headers?: Headers; response: unknown };
  headers?.forEach((value, key) => {
    if (key.toLowerCase() === 'set-cookie') ctx.responseHeaders?.append(key, value);
    else ctx.setHeader(key, value);
  });
  return response;
}

/** True when a before hook's answer lets the endpoint run (no answer, or a change of context). */
function proceeds(result: unknown): boolean {
  return result === undefined || result === null || (typeof result === 'object' && 'context' in result);
}

function composeHooks(
  hooks: BetterAuthOptions['hooks'],
  limit: ReturnType<typeof failedSignInLimit> | undefined,
  lifecycle: ReturnType<typeof lifecycleHooks>,
): NonNullable<BetterAuthOptions['hooks']> {
  const before = createAuthMiddleware(async (ctx) => {
    const named = nameRule(ctx);
    // After the name rule, which names its own field's problems.
    refuseUnstorableText(ctx);
    refuseMalformedRedirect(ctx);
    const host = await runHostHook(hooks?.before, ctx);
    const result = host ?? named;
    if (!proceeds(result)) return result;
    const answered = await lifecycle.before(ctx);
    if (answered !== undefined) return answered;
    // Last, so an attempt counts only when the endpoint will run and its after hook give it back if need be.
    if (limit) await limit.before(ctx as unknown as SignInHookContext);
    return result;
  });
  const after = createAuthMiddleware(async (ctx) => {
    if (limit) await limit.after(ctx as unknown as SignInHookContext);
    await lifecycle.after(ctx);
    return runHostHook(hooks?.after, ctx);
  });
  return { ...hooks, before, after };
}

function rateLimitOptions(overrides: ProfileKitAuthOverrides, accountLimit: boolean) {
  const rateLimit = overrides.rateLimit;
  if (accountLimit && rateLimit?.storage && rateLimit.storage !== 'database') {
    throw new TypeError(
      'profileKitAuthOptions: the limit on failed sign-ins keeps its counters in the rate_limits table; keep `rateLimit.storage` at "database" or set `failedSignInLimit: false`',
    );
  }
  return {
    storage: 'database',
    ...RATE_LIMIT_TABLE,
    ...rateLimit,
    fields: { ...RATE_LIMIT_TABLE.fields, ...rateLimit?.fields },
    customRules: { ...ADDRESS_RULES, ...rateLimit?.customRules },
  } satisfies BetterAuthOptions['rateLimit'];
}

function checkRule(rule: LimitRule): LimitRule {
  if (!(Number.isInteger(rule.max) && rule.max > 0 && Number.isFinite(rule.window) && rule.window > 0)) {
    throw new TypeError(
      'profileKitAuthOptions: `failedSignInLimit` needs a positive whole `max` and a `window` in seconds',
    );
  }
  return rule;
}

/**
 * better-auth options that map its models onto profilekit's schema: `users` with UUID ids and snake_case
 * columns, `sessions`, `accounts` (the credential hash in `password_hash`) and `verifications`.
 * Spread the result into your own `betterAuth({...})`; if you also set `user`, `session`, `account`,
 * `verification`, `advanced` or `plugins`, pass yours in and they are merged (a `plugins` of your own
 * after the spread would drop the account settings' endpoints: pass it here, or add `...options.plugins`).
 *
 * Two-factor sign-in (`twoFactor: true`): an authenticator app and ten backup codes, the password asked
 * before any change, wrong codes limited per account; see docs/two-factor.md.
 *
 * Account settings: change of email (through a link to the new address, after the current password),
 * the sessions list without tokens (`/profilekit/sessions`), per-account limits on every change; see
 * {@link ProfileKitAccountSettingsOptions} and docs/account-settings.md.
 *
 * Password reset and email verification: pass `sendResetPassword`, `sendVerificationEmail` and
 * `requireEmailVerification` here (and any other `emailAndPassword` settings as `emailAndPassword`), not
 * in your own `emailAndPassword`, which would replace them.
 *
 * Production (`NODE_ENV=production`): throws unless the secret (`secret` here, else `BETTER_AUTH_SECRET`
 * or `AUTH_SECRET`) is at least 32 characters and not a publicly known value, and a base URL (`baseURL`
 * here, else `BETTER_AUTH_URL`) is set. Pass them here rather than to `betterAuth` directly, so they are checked.
 *
 * Rate limits (on in production, like better-auth's, or with `rateLimit: { enabled: true }`): better-auth's
 * limiter counts per client address in the `rate_limits` table (migration 0002), shared by every instance,
 * with tighter rules for sign-in, sign-up and recovery; failed sign-ins are also limited per account
 * (`failedSignInLimit`). The client address comes from the connection unless you set `trustProxy`; answer
 * `/api/auth/*` with {@link createAuthHandler}, which hands it over. Pass `rateLimit` here to change rules.
 *
 * @example
 * export const auth = betterAuth({
 *   ...profileKitAuthOptions({ trustProxy: 'cf-connecting-ip' }),
 *   database: { db: kysely, type: 'postgres' },
 * });
 * export const handleAuth = createAuthHandler(auth);
 */
export function profileKitAuthOptions(overrides: ProfileKitAuthOverrides = {}): ProfileKitAuthOptions {
  checkProductionSettings({ secret: overrides.secret, baseURL: overrides.baseURL });
  const proxy = proxySetting(overrides.trustProxy);
  const limitRule =
    overrides.failedSignInLimit === false
      ? undefined
      : checkRule({ ...DEFAULT_FAILED_SIGN_IN_LIMIT, ...overrides.failedSignInLimit });
  const state: LifecycleState = {};
  const recovery = recoveryAuthOptions(overrides, overrides, state);
  const changeEmail = changeEmailOption(overrides.user, recovery.emailVerification);
  const options = {
    ...(overrides.secret === undefined ? {} : { secret: overrides.secret }),
    ...(overrides.baseURL === undefined ? {} : { baseURL: overrides.baseURL }),
    ...recovery,
    user: {
      ...overrides.user,
      ...changeEmail,
      ...deleteUserOption(overrides.user),
      validateUserInfo: trustVerifiedProviderEmails(overrides.user?.validateUserInfo),
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
      ipAddress: { ...ipAddressOptions(proxy), ...overrides.advanced?.ipAddress },
    },
    rateLimit: rateLimitOptions(overrides, limitRule !== undefined),
    hooks: composeHooks(
      overrides.hooks,
      limitRule && failedSignInLimit(limitRule),
      lifecycleHooks(state, { changeEmail: changeEmail.changeEmail?.enabled === true }),
    ),
    databaseHooks: deletionDatabaseHooks(overrides.databaseHooks),
    // The account settings' endpoints and rules, the opt-in sign-in factors; a host's own plugins follow.
    plugins: [
      accountSettingsPlugin(overrides),
      ...twoFactorPlugins(overrides.twoFactor),
      ...(overrides.plugins ?? []),
    ],
  } satisfies Partial<BetterAuthOptions>;
  // For createAuthHandler, which reads it from `auth.options`; better-auth never looks at symbol keys.
  Object.defineProperty(options, TRUST_PROXY_SETTING, { value: proxy, enumerable: true });
  return options;
}

/**
 * Account deletion through better-auth's `POST /delete-user`, on unless the host turns it off: the
 * schema's ON DELETE CASCADE then removes the person's profile, sessions and accounts with the user row.
 */
function deleteUserOption(user: ProfileKitAuthOverrides['user']) {
  return { deleteUser: { enabled: true, ...user?.deleteUser } };
}

/**
 * What {@link profileKitAuthOptions} returns, in better-auth's own option types: the declarations then
 * hold under every host setting, `exactOptionalPropertyTypes` included.
 */
export type ProfileKitAuthOptions = Required<
  Pick<
    BetterAuthOptions,
    | 'user'
    | 'session'
    | 'account'
    | 'verification'
    | 'advanced'
    | 'hooks'
    | 'emailAndPassword'
    | 'rateLimit'
    | 'databaseHooks'
    | 'plugins'
  >
> &
  Pick<BetterAuthOptions, 'emailVerification' | 'secret' | 'baseURL'>;

/** The parts of better-auth's options that {@link profileKitAuthOptions} merges with its own. */
export type ProfileKitAuthOverrides = Pick<
  BetterAuthOptions,
  | 'user'
  | 'session'
  | 'account'
  | 'verification'
  | 'advanced'
  | 'hooks'
  | 'rateLimit'
  | 'databaseHooks'
  | 'plugins'
> &
  Pick<BetterAuthOptions, 'emailAndPassword' | 'emailVerification' | 'secret' | 'baseURL'> &
  ProfileKitRecoveryOptions &
  ProfileKitLimitOptions &
  ProfileKitAccountSettingsOptions &
  ProfileKitSignInOptions;

/** The sign-in factors a host can turn on; each is off by default and adds nothing while off. */
export interface ProfileKitSignInOptions {
  /**
   * Two-factor sign-in with an authenticator app and backup codes (better-auth's `twoFactor` plugin on
   * migration 0005's table): `true` for the defaults, or {@link ProfileKitTwoFactorOptions}. After the
   * password, no session exists until the code is given. Default off.
   */
  twoFactor?: boolean | ProfileKitTwoFactorOptions;
}

/** Where the client address comes from, and the limit on failed sign-ins. */
export interface ProfileKitLimitOptions {
  /**
   * Where the client's address comes from (rate limits, the address stored with each session).
   * Default `false`: the TCP connection, which {@link createAuthHandler} receives from your server; no
   * header is believed. `true` or a number: that many reverse proxies of yours append to `X-Forwarded-For`,
   * and the client is the entry that many places from the right. A header name (`'cf-connecting-ip'`,
   * `'fly-client-ip'`, `'x-real-ip'`): the one address your platform writes there. See {@link TrustProxy}.
   */
  trustProxy?: TrustProxy;
  /**
   * Failed password sign-ins allowed per account (the email, lower-cased), from any number of addresses
   * and instances, in `window` seconds; past it, sign-in answers 429 `RATE_LIMITED` with `Retry-After`
   * until the window that began with the first failure ends. A right password clears the count.
   * Default `{ max: 10, window: 900 }`; `false` turns it off. On when better-auth's limiter is on.
   */
  failedSignInLimit?: Partial<LimitRule> | false;
}
