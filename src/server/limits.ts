import type { BetterAuthRateLimitOptions, DBAdapter } from 'better-auth';
import { APIError, isAPIError } from 'better-auth/api';

/** At most `max` in `window` seconds. */
export interface LimitRule {
  max: number;
  window: number;
}

/** Failed password sign-ins allowed per account, whatever the address: 10 in 15 minutes. */
export const DEFAULT_FAILED_SIGN_IN_LIMIT: LimitRule = { max: 10, window: 15 * 60 };

/**
 * Per-address rules for better-auth's limiter (its defaults: 3 sign-ins or sign-ups per 10 s, 3 reset
 * emails per minute, 100 requests per 10 s elsewhere). Every request counts, answered or refused.
 */
export const ADDRESS_RULES = {
  '/sign-in/email': { window: 15 * 60, max: 30 },
  '/sign-up/email': { window: 60 * 60, max: 10 },
  '/request-password-reset': { window: 60 * 60, max: 5 },
  '/send-verification-email': { window: 60 * 60, max: 5 },
  '/reset-password': { window: 15 * 60, max: 10 },
  // Endpoints that check the password of a signed-in person.
  '/change-password': { window: 15 * 60, max: 10 },
  '/verify-password': { window: 15 * 60, max: 10 },
  '/delete-user': { window: 15 * 60, max: 10 },
  // Read on every page load; counting it would cost more than answering it.
  '/get-session': false,
} satisfies NonNullable<BetterAuthRateLimitOptions['customRules']>;

/** better-auth's `rateLimit` model, mapped onto the `rate_limits` table of migration 0002. */
export const RATE_LIMIT_TABLE = {
  modelName: 'rate_limits',
  fields: { lastRequest: 'last_request' },
} as const;

/** The 429 profilekit answers: the wait in seconds in `Retry-After` and in the body, for the components. */
export function rateLimitedError(retryAfter: number, message: string): APIError {
  const seconds = Math.max(1, Math.ceil(retryAfter));
  return new APIError(
    'TOO_MANY_REQUESTS',
    { code: 'RATE_LIMITED', message, retryAfter: seconds },
    { 'Retry-After': String(seconds) },
  );
}

interface RateLimitRow {
  key: string;
  count: number | string;
  lastRequest: number | string;
}

/** The part of a better-auth hook context the sign-in limit reads. */
export interface SignInHookContext {
  path?: string;
  body?: unknown;
  context: { adapter: DBAdapter; rateLimit: { enabled: boolean }; returned?: unknown };
}

const MODEL = 'rateLimit';
const SIGN_IN = '/sign-in/email';

/**
 * The row of the account a sign-in names: `account:` and the SHA-256 of its email as better-auth looks it
 * up (lower-cased). Hashed, so that any text a client sends makes a short key the database can store, and
 * the table holds no email addresses, mistyped or other people's.
 */
export async function accountKey(email: string): Promise<string> {
  return `account:${await emailHash(email)}`;
}

/** The SHA-256 of an email, lower-cased, in hex: how the `rate_limits` keys of a person name them. */
export async function emailHash(email: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(email.toLowerCase()),
  );
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function signInKey(ctx: SignInHookContext): Promise<string> | undefined {
  if (ctx.path !== SIGN_IN || !ctx.context.rateLimit.enabled) return undefined;
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== 'string' || email === '') return undefined;
  return accountKey(email);
}

/**
 * Takes one place in the window of `key` in the `rate_limits` table, atomically, so parallel requests on any
 * number of instances cannot pass a stale count. A row holds the places taken in the current window and, in
 * `lastRequest`, when that window ends. Answers undefined when a place was taken, the seconds left in the
 * window when it is full, or `'busy'` when other instances kept winning the race to create the row.
 */
export async function reserveSlot(
  adapter: DBAdapter,
  key: string,
  rule: LimitRule,
  attempt = 0,
): Promise<number | 'busy' | undefined> {
  const now = Date.now();
  const windowMs = rule.window * 1000;
  const where = (...more: Parameters<DBAdapter['findOne']>[0]['where']) => [
    { field: 'key', value: key },
    ...more,
  ];
  // A live window with room left.
  if (
    await adapter.incrementOne({
      model: MODEL,
      where: where(
        { field: 'lastRequest', operator: 'gt', value: now },
        { field: 'count', operator: 'lt', value: rule.max },
      ),
      increment: { count: 1 },
    })
  ) {
    return undefined;
  }
  // A window that has ended starts again.
  if (
    await adapter.incrementOne({
      model: MODEL,
      where: where({ field: 'lastRequest', operator: 'lte', value: now }),
      increment: {},
      set: { count: 1, lastRequest: now + windowMs },
    })
  ) {
    return undefined;
  }
  const row = await adapter.findOne<RateLimitRow>({ model: MODEL, where: where() });
  if (row) {
    const ends = Number(row.lastRequest);
    if (ends > now && Number(row.count) >= rule.max) return (ends - now) / 1000;
  } else {
    try {
      await adapter.create({ model: MODEL, data: { key, count: 1, lastRequest: now + windowMs } });
      return undefined;
    } catch (error) {
      // Another instance created it first; take a place in that row.
      if (attempt >= 3) throw error;
    }
  }
  if (attempt >= 3) return 'busy';
  return reserveSlot(adapter, key, rule, attempt + 1);
}

/**
 * The limit on failed sign-ins per account, kept in the `rate_limits` table so every instance counts
 * together. A row holds the attempts of the current window and, in `lastRequest`, when that window ends.
 *
 * Each attempt takes a place before the password is checked, atomically, so a burst of parallel guesses
 * cannot pass a stale count; `after` gives the place back when no password was judged wrong, and clears the
 * account when the right one signs in. An email without an account counts the same way: the answer never
 * tells whether one exists.
 */
export function failedSignInLimit(rule: LimitRule) {
  async function reserve(adapter: DBAdapter, key: string): Promise<void> {
    const wait = await reserveSlot(adapter, key, rule);
    if (wait === 'busy') throw rateLimitedError(1, 'Too many sign-ins for this account at once');
    if (wait !== undefined) throw rateLimitedError(wait, 'Too many failed sign-ins for this account');
  }

  return {
    /** Before `/sign-in/email`: take a place in the account's window, or refuse with 429 `RATE_LIMITED`. */
    async before(ctx: SignInHookContext): Promise<void> {
      const key = await signInKey(ctx);
      if (key) await reserve(ctx.context.adapter, key);
    },
    /** After it: a wrong password keeps its place, a right one clears the account, anything else gives it back. */
    async after(ctx: SignInHookContext): Promise<void> {
      const key = await signInKey(ctx);
      if (!key) return;
      const { adapter, returned } = ctx.context;
      if (!isAPIError(returned)) {
        await adapter.deleteMany({ model: MODEL, where: [{ field: 'key', value: key }] });
        return;
      }
      if ((returned.body as { code?: unknown } | undefined)?.code === 'INVALID_EMAIL_OR_PASSWORD') return;
      await adapter.incrementOne({
        model: MODEL,
        where: [
          { field: 'key', value: key },
          { field: 'lastRequest', operator: 'gt', value: Date.now() },
          { field: 'count', operator: 'gt', value: 0 },
        ],
        increment: { count: -1 },
      });
    },
  };
}
