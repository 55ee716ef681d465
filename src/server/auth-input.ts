import { APIError } from 'better-auth/api';

/** Fields hashed rather than stored: any character is theirs to hold. */
const HASHED = new Set(['password', 'newPassword', 'currentPassword']);

/** The dotted path of the first string holding a NUL (which PostgreSQL text cannot store), if any. */
function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : undefined;
  if (!value || typeof value !== 'object' || depth > 8) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (depth === 0 && HASHED.has(key)) continue;
    const found = nulPath(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses, before better-auth reads it, a request whose body or query holds text the database cannot store
 * (a NUL byte): 400 `INVALID_CHARACTERS` naming the field, where PostgreSQL would fail with SQLSTATE 22021
 * and better-auth answer 500.
 */
export function refuseUnstorableText(ctx: { body?: unknown; query?: unknown }): void {
  const field = nulPath(ctx.body, '') ?? nulPath(ctx.query, '');
  if (!field) return;
  throw new APIError('BAD_REQUEST', {
    code: 'INVALID_CHARACTERS',
    message: `${field} holds a character that cannot be stored`,
    field,
  });
}

/** The fields better-auth redirects a browser to, in a query or a body. */
const REDIRECTS = ['callbackURL', 'errorCallbackURL', 'newUserCallbackURL', 'redirectTo'];

/** True for what better-auth can redirect to: a path from the root, or an absolute URL. */
function redirectable(value: string): boolean {
  if (value.startsWith('/')) {
    if (value.startsWith('//') || value.startsWith('/\\')) return false;
    return URL.canParse(value, 'https://profilekit.invalid');
  }
  return URL.canParse(value);
}

/**
 * Refuses, before better-auth reads it, a redirect target that is neither a path from the root nor an
 * absolute URL: 400 `INVALID_CALLBACK_URL` naming the field. better-auth's origin check refuses most of
 * them, but where it is off (under `NODE_ENV=test`) or lets one through, building the redirect throws and
 * the client got a 500.
 */
export function refuseMalformedRedirect(ctx: { body?: unknown; query?: unknown }): void {
  for (const source of [ctx.query, ctx.body]) {
    if (!source || typeof source !== 'object') continue;
    for (const field of REDIRECTS) {
      const value = (source as Record<string, unknown>)[field];
      if (typeof value !== 'string' || value === '' || redirectable(value)) continue;
      throw new APIError('BAD_REQUEST', {
        code: 'INVALID_CALLBACK_URL',
        message: `${field} must be a path from the root or an absolute URL`,
        field,
      });
    }
  }
}

/**
 * A database failure a client's input caused, as a 400 with a code: a data exception (SQLSTATE class 22:
 * bad encoding, a value out of range or of the wrong form) or an integrity violation a request can cause
 * (23505 a duplicate, 23502 a required value sent as null, 23503 a reference to something gone, 23514
 * a check), or undefined for anything else.
 */
export function clientDatabaseFailure(error: unknown): { code: string; message: string } | undefined {
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(sqlState)) return undefined;
  if (sqlState.startsWith('22')) {
    return { code: 'INVALID_INPUT', message: 'A value in this request cannot be stored' };
  }
  if (sqlState === '23505') return { code: 'CONFLICT', message: 'This request conflicts with existing data' };
  if (sqlState === '23502' || sqlState === '23503' || sqlState === '23514') {
    return { code: 'INVALID_INPUT', message: 'A value in this request refers to nothing or breaks a rule' };
  }
  return undefined;
}
