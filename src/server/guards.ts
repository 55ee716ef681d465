// Checks the profile handler runs around its own logic: where a write may come from, and how failures that
// are the client's (a value the database cannot store, a request the client gave up on) are answered.

/** Decides whether an origin (`scheme://host[:port]`) may make cookie-authenticated writes. */
export type OriginPolicy = (origin: string, request: Request) => boolean | Promise<boolean>;

/** The parts of a better-auth instance the default origin policy reads (any `betterAuth(...)` result fits). */
interface AuthWithOrigins {
  $context?: Promise<{ isTrustedOrigin(url: string, settings?: { allowRelativePaths: boolean }): boolean }>;
  options?: { baseURL?: unknown; trustedOrigins?: unknown };
}

/** Where better-auth reads its base URL and extra trusted origins from the environment. */
const BASE_URL_VARIABLES = [
  'BETTER_AUTH_URL',
  'NEXT_PUBLIC_BETTER_AUTH_URL',
  'PUBLIC_BETTER_AUTH_URL',
  'NUXT_PUBLIC_BETTER_AUTH_URL',
  'NUXT_PUBLIC_AUTH_URL',
];

function environment(name: string): string | undefined {
  const value = typeof process === 'undefined' ? undefined : process.env?.[name];
  return value?.trim() ? value : undefined;
}

/**
 * Whether the better-auth instance names at least one origin to trust: a `baseURL` (in its options or
 * better-auth's environment variables) or `trustedOrigins`. Without one, every cookie write would be
 * refused, so the handler refuses to start instead.
 */
export function authNamesAnOrigin(auth: unknown): boolean {
  const options = (auth as AuthWithOrigins).options;
  const baseURL = options?.baseURL;
  if ((typeof baseURL === 'string' && baseURL.trim()) || (baseURL && typeof baseURL === 'object'))
    return true;
  const trusted = options?.trustedOrigins;
  if (typeof trusted === 'function' || (Array.isArray(trusted) && trusted.length > 0)) return true;
  if (BASE_URL_VARIABLES.some(environment) || environment('BETTER_AUTH_TRUSTED_ORIGINS')) return true;
  const base = environment('BASE_URL');
  return base !== undefined && base !== '/';
}

function patternMatcher(pattern: string): (origin: string) => boolean {
  if (!pattern.includes('*')) return (origin) => origin === pattern.replace(/\/+$/, '');
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  const regex = new RegExp(`^${escaped}$`);
  return (origin) => regex.test(origin);
}

/** A policy over a fixed list of origins; `*` matches within one part (`https://*.example.com`). */
export function originList(origins: readonly string[]): OriginPolicy {
  const matchers = origins.map(patternMatcher);
  return (origin) => matchers.some((match) => match(origin));
}

/**
 * The default: what better-auth itself trusts (its `baseURL` plus `trustedOrigins`, a function included).
 * Without a better-auth context to read, only the origin the request was addressed to is trusted.
 * `createProfileHandler` uses it only when `authNamesAnOrigin` holds.
 */
export function originsOfAuth(auth: unknown): OriginPolicy {
  const source = auth as AuthWithOrigins;
  return async (origin, request) => {
    const context = source.$context ? await source.$context : undefined;
    if (!context) return origin === new URL(request.url).origin;
    if (context.isTrustedOrigin(origin)) return true;
    const dynamic = source.options?.trustedOrigins;
    if (typeof dynamic === 'function') {
      const list = (await (dynamic as (request: Request) => unknown)(request)) as unknown;
      return Array.isArray(list) && originList(list.filter((o) => typeof o === 'string'))(origin, request);
    }
    return false;
  };
}

/**
 * Why a write must be refused for where it came from, or `undefined` to let it through. Only requests that
 * carry an ambient credential (a cookie) and no `Authorization` header are checked: a bearer token is sent
 * on purpose by script, never by the browser on its own, so it cannot be forged by another site.
 */
export async function originRefusal(request: Request, policy: OriginPolicy): Promise<string | undefined> {
  const headers = request.headers;
  if (headers.has('authorization') || !headers.has('cookie')) return undefined;
  const origin = headers.get('origin');
  // Browsers send Origin on every PUT and PATCH; a missing or opaque one is not a page we can trust.
  if (!origin || origin === 'null') return 'The request has no Origin header; send it from a trusted page';
  if (!(await policy(origin, request))) {
    return headers.get('sec-fetch-site') === 'cross-site'
      ? `Cross-site writes from ${origin} are not allowed`
      : `Writes from ${origin} are not allowed`;
  }
  return undefined;
}

/** A PostgreSQL data exception (SQLSTATE class 22: bad encoding, NUL in text, a value out of range...). */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** True when the failure is the client going away (a disconnect mid-body), not the server failing. */
export function isClientAbort(error: unknown, request: Request): boolean {
  if (request.signal?.aborted) return true;
  const name = (error as { name?: unknown } | null)?.name;
  const code = (error as { code?: unknown } | null)?.code;
  return name === 'AbortError' || code === 'ERR_STREAM_PREMATURE_CLOSE';
}
