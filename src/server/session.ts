import type { SessionSnapshot } from '../client/snapshot';

/**
 * Request headers as frameworks hand them to server code: a `Headers`, or a read-only view of one such as
 * Next.js's `await headers()`.
 */
export type RequestHeaders = Headers | Pick<Headers, 'get' | 'has' | 'forEach'>;

/** The part of a better-auth instance the server reads use: any `betterAuth(...)` result fits. */
export interface SessionReader {
  api: {
    getSession(context: { headers: Headers }): Promise<{
      user: { id: string; email: string; name: string; image?: string | null; emailVerified?: boolean };
      session: { id: string; expiresAt: Date | string };
    } | null>;
  };
}

function asHeaders(headers: RequestHeaders): Headers {
  if (headers instanceof Headers) return headers;
  const copy = new Headers();
  headers.forEach((value, name) => {
    copy.append(name, value);
  });
  return copy;
}

/**
 * Reads the session of the request on the server (Server Components, loaders, route handlers), in a form
 * that is safe to hand to the browser: no session token. Pass it to `ProfileKitProvider`'s `initialSession`.
 * Resolves to null when nobody is signed in.
 *
 * @example
 * // app/layout.tsx (Next.js)
 * const session = await getSession({ auth, headers: await headers() });
 */
export async function getSession(options: {
  auth: SessionReader;
  headers: RequestHeaders;
}): Promise<SessionSnapshot | null> {
  const { auth, headers } = options;
  if (!auth?.api || typeof auth.api.getSession !== 'function') {
    throw new TypeError('getSession: `auth` must be a better-auth instance');
  }
  const found = await auth.api.getSession({ headers: asHeaders(headers) });
  if (!found?.user || !found.session) return null;
  const { user, session } = found;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      image: user.image ?? null,
      emailVerified: user.emailVerified ?? false,
    },
    session: { id: session.id, expiresAt: new Date(session.expiresAt).toISOString() },
  };
}
