// The write path in one round trip: a cookie-authenticated PATCH verifies the signed session cookie in
// process (as better-auth does: HMAC-SHA-256 with its secret) and checks the session inside the write
// itself, `UPDATE user_profiles … FROM sessions WHERE token = … AND expires_at >= now()`. When that writes
// nothing (no such session, an expired one, no profile, a stale If-Match, a session only better-auth's
// cookie cache or secondary storage knows), the handler takes its ordinary path through
// `auth.api.getSession`, which then answers exactly as before.
import { type Kysely, sql } from 'kysely';

/** The parts of better-auth's context (`auth.$context`) the shortcut reads. */
interface AuthContext {
  secret?: unknown;
  authCookies?: { sessionToken?: { name?: unknown } };
  tables?: { session?: { modelName?: unknown; fields?: Record<string, { fieldName?: unknown }> } };
  options?: { secondaryStorage?: unknown };
}

interface Setup {
  cookie: string;
  key: CryptoKey;
  table: string;
  token: string;
  userId: string;
  expiresAt: string;
}

export interface FastWrites {
  /** The session token of the request's signed session cookie; null to take the ordinary path. */
  token(request: Request): Promise<string | null>;
  /** Writes `columns` to the profile of the token's session: the row written, or undefined. */
  update(token: string, columns: Record<string, unknown>, versions: number[] | null): Promise<unknown>;
}

const name = (value: unknown, fallback: string) =>
  typeof value === 'string' && value !== '' ? value : fallback;

async function setUp(auth: unknown): Promise<Setup | null> {
  const context = (await (auth as { $context?: Promise<AuthContext> }).$context) as AuthContext | undefined;
  // Sessions kept outside the database (secondary storage) are better-auth's to find.
  if (!context || context.options?.secondaryStorage) return null;
  const secret = context.secret;
  const cookie = context.authCookies?.sessionToken?.name;
  if (typeof secret !== 'string' || secret === '' || typeof cookie !== 'string') return null;
  const session = context.tables?.session;
  const field = (key: string) => name(session?.fields?.[key]?.fieldName, key);
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return {
    cookie,
    key,
    table: name(session?.modelName, 'session'),
    token: field('token'),
    userId: field('userId'),
    expiresAt: field('expiresAt'),
  };
}

/** One cookie of a `Cookie` header, read as better-auth reads it: the first of that name, unquoted, decoded. */
export function cookieValue(header: string, wanted: string): string | null {
  let index = 0;
  while (index < header.length) {
    const eq = header.indexOf('=', index);
    if (eq === -1) break;
    let end = header.indexOf(';', index);
    if (end === -1) end = header.length;
    else if (end < eq) {
      index = header.lastIndexOf(';', eq - 1) + 1;
      continue;
    }
    if (header.slice(index, eq).trim() === wanted) {
      let value = header.slice(eq + 1, end).trim();
      if (value.codePointAt(0) === 34) value = value.slice(1, -1);
      try {
        return value.includes('%') ? decodeURIComponent(value) : value;
      } catch {
        return value;
      }
    }
    index = end + 1;
  }
  return null;
}

/** The shortcut for one handler; it turns itself off for good when the schema is not what it expects. */
// biome-ignore lint/suspicious/noExplicitAny: hosts pass a Kysely typed for their own tables
export function fastWrites(auth: unknown, db: Kysely<any>): FastWrites {
  let ready: Promise<Setup | null> | null = null;
  const setup = () => {
    ready ??= setUp(auth).catch(() => null);
    return ready;
  };
  return {
    async token(request) {
      const headers = request.headers;
      // A bearer token is better-auth's bearer plugin's to read; it wins over a cookie there.
      const header = headers.get('cookie');
      if (headers.has('authorization') || !header) return null;
      const found = await setup();
      const value = found && cookieValue(header, found.cookie);
      if (!found || !value) return null;
      const dot = value.lastIndexOf('.');
      if (dot < 1) return null;
      const token = value.slice(0, dot);
      const signature = value.slice(dot + 1);
      if (signature.length !== 44 || !signature.endsWith('=')) return null;
      try {
        const bytes = Uint8Array.from(atob(signature), (c) => c.charCodeAt(0));
        const valid = await crypto.subtle.verify('HMAC', found.key, bytes, new TextEncoder().encode(token));
        return valid ? token : null;
      } catch {
        return null;
      }
    },
    async update(token, columns, versions) {
      const found = await setup();
      if (!found) return undefined;
      const set = sql.join(
        Object.entries(columns).map(([column, value]) => sql`${sql.id(column)} = ${value}`),
      );
      const s = (column: string) => sql.id('s', column);
      try {
        const { rows } = await sql`UPDATE user_profiles AS p SET ${set}, version = p.version + 1
          FROM ${sql.id(found.table)} AS s
          WHERE ${s(found.token)} = ${token} AND ${s(found.expiresAt)} >= now() AND p.user_id = ${s(found.userId)}
          ${versions ? sql`AND p.version = ANY(${versions})` : sql``}
          RETURNING p.*`.execute(db);
        return rows[0];
      } catch (error) {
        // Another schema than profilekit's (SQLSTATE class 42: no such table or column, other types):
        // the ordinary path from now on. Anything else, a bad value included, is the ordinary path's to answer.
        if (/^42/.test(String((error as { code?: unknown } | null)?.code))) ready = Promise.resolve(null);
        return undefined;
      }
    },
  };
}
