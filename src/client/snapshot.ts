import type { Profile } from './schema';

/**
 * The signed-in person and session as the server read them, in a form that is safe to send to the browser:
 * no session token, dates as ISO strings. `getSession` from `profilekit/server` returns it;
 * `ProfileKitProvider`'s `initialSession` takes it.
 */
export interface SessionSnapshot {
  user: { id: string; email: string; name: string; image: string | null; emailVerified: boolean };
  session: { id: string; expiresAt: string };
}

/**
 * A person's profile as the server read it: `profile` is null when they have none yet. `getProfile` from
 * `profilekit/server` returns it; `ProfileKitProvider`'s `initialProfile` takes it.
 */
export interface ProfileSnapshot {
  userId: string;
  profile: Profile | null;
  /** The version the profile was read at, sent back as If-Match by the first edit. */
  etag: string | null;
}
