// The CORS settings a page on another origin needs to use profilekit's API with its session cookie.

/** Request headers the components and the client send: `if-none-match` is the sign-up's create-only save. */
export const PROFILEKIT_CORS_ALLOW_HEADERS: readonly string[] = Object.freeze([
  'content-type',
  'authorization',
  'if-match',
  'if-none-match',
]);
/** Methods of `/api/auth/*` and `/api/profile`. */
export const PROFILEKIT_CORS_ALLOW_METHODS: readonly string[] = Object.freeze([
  'GET',
  'HEAD',
  'PUT',
  'PATCH',
  'POST',
  'OPTIONS',
]);
/**
 * Response headers the components read: `etag` (the profile's version), `set-auth-token` (bearer
 * sessions), `retry-after` and `x-retry-after` (the resend countdown and rate limits).
 */
export const PROFILEKIT_CORS_EXPOSE_HEADERS: readonly string[] = Object.freeze([
  'etag',
  'set-auth-token',
  'retry-after',
  'x-retry-after',
]);

/** Options in the shape of `hono/cors` (`cors(profileKitCors([...]))`); the lists map onto any CORS library. */
export interface ProfileKitCorsOptions {
  /** Answers the request's `Origin` when it is trusted, `null` otherwise (no CORS headers then). */
  origin: (origin: string) => string | null;
  credentials: true;
  allowHeaders: string[];
  allowMethods: string[];
  exposeHeaders: string[];
  /** Seconds a browser may cache a preflight. */
  maxAge: number;
}

/**
 * The CORS settings for pages on other origins: only `trustedOrigins` (exact origins such as
 * `http://localhost:5173`, or a function) get credentialed access; every other origin gets no CORS
 * headers at all. Use the same list as better-auth's `trustedOrigins`.
 *
 * @example
 * app.use('/api/*', cors(profileKitCors(['http://localhost:5173'])));
 */
export function profileKitCors(
  trustedOrigins: readonly string[] | ((origin: string) => boolean),
): ProfileKitCorsOptions {
  if (typeof trustedOrigins !== 'function' && !Array.isArray(trustedOrigins)) {
    throw new TypeError('profileKitCors: pass the list of trusted origins, e.g. ["http://localhost:5173"]');
  }
  const trusted =
    typeof trustedOrigins === 'function'
      ? trustedOrigins
      : (origin: string) => trustedOrigins.some((o) => o.replace(/\/+$/, '') === origin);
  return {
    origin: (origin) => (origin && origin !== 'null' && trusted(origin) ? origin : null),
    credentials: true,
    allowHeaders: [...PROFILEKIT_CORS_ALLOW_HEADERS],
    allowMethods: [...PROFILEKIT_CORS_ALLOW_METHODS],
    exposeHeaders: [...PROFILEKIT_CORS_EXPOSE_HEADERS],
    maxAge: 600,
  };
}
