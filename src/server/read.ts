import type { Kysely } from 'kysely';
import type { ProfileSnapshot } from '../client/snapshot';
import type { ProfileKitDatabase } from './database';
import { etagOf, type Selected, toProfile } from './profile-row';
import { getSession, type RequestHeaders, type SessionReader } from './session';

export type GetProfileOptions = {
  /** A Kysely instance over the database that profilekit's migrations set up. */
  // biome-ignore lint/suspicious/noExplicitAny: hosts pass a Kysely typed for their own tables
  db: Kysely<any>;
} & (
  | {
      /** Whose profile: the id of a session you already read. */
      userId: string;
    }
  | {
      /** Your better-auth instance: the person is the request's signed-in one. */
      auth: SessionReader;
      headers: RequestHeaders;
    }
);

/**
 * Reads a profile on the server, for the signed-in person of a request (`auth` and `headers`) or for a
 * session you already read (`userId`). Resolves to null when nobody is signed in, and to a snapshot with
 * `profile: null` when the person has no profile yet. Pass it to `ProfileKitProvider`'s `initialProfile`.
 *
 * @example
 * const session = await getSession({ auth, headers: await headers() });
 * const profile = session ? await getProfile({ db, userId: session.user.id }) : null;
 */
export async function getProfile(options: GetProfileOptions): Promise<ProfileSnapshot | null> {
  const { db } = options;
  if (!db || typeof db.selectFrom !== 'function') {
    throw new TypeError('getProfile: `db` must be a Kysely instance');
  }
  let userId: string;
  if ('userId' in options) {
    if (typeof options.userId !== 'string' || options.userId === '') {
      throw new TypeError('getProfile: `userId` must be a non-empty string');
    }
    userId = options.userId;
  } else {
    const session = await getSession(options);
    if (!session) return null;
    userId = session.user.id;
  }
  const row = (await (db as Kysely<ProfileKitDatabase>)
    .selectFrom('user_profiles')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst()) as Selected | undefined;
  return row ? { userId, profile: toProfile(row), etag: etagOf(row) } : { userId, profile: null, etag: null };
}
