import { type Kysely, sql } from 'kysely';
import {
  ErrorCodes,
  PERSONAL_DATA_FILE,
  type ProfileKitError,
  parseProfileInput,
  parseProfilePatch,
  parseProfileWrite,
} from '../client/index';
import {
  type BodyResult,
  DEFAULT_MAX_BODY_BYTES,
  ifNoneMatchHits,
  PROFILE_METHODS,
  type Precondition,
  parseIfMatch,
  readJsonBody,
} from '../client/protocol';
import type { ProfileKitDatabase } from './database';
import { readPersonalData } from './export';
import { fastWrites } from './fast-write';
import { authNamesAnOrigin, originList, originRefusal, originsOfAuth } from './guards';
import { columnsOf, etagOf, replacementColumns, type Selected, storedOf, toProfile } from './profile-row';
import { checkedQuestionnaire } from './questionnaire';
import { schemaRoute } from './schema-route';

export { etagOf, type Selected, toProfile } from './profile-row';

import {
  ALLOW,
  capabilitiesOf,
  clientFailure,
  fail,
  HttpError,
  json,
  ORIGIN_NOT_ALLOWED,
  readBody,
} from './handler-http';
import type { ProfileHandlerOptions } from './handler-options';

export type { ProfileHandlerOptions, ProfileSavedEvent, SessionSource } from './handler-options';

/**
 * Creates the profile API as a Fetch API handler: `(Request) => Promise<Response>`. Mount it on Hono,
 * Next.js route handlers, or anything else that speaks Request and Response.
 *
 * - `GET` returns the signed-in person's profile with an `ETag`, or 200 `null` when there is none yet (a
 *   person who has not answered is not an error; profilekit's client reads it as `PROFILE_NOT_FOUND`).
 * - `PUT` creates (201) or replaces (200) it; `PATCH` changes only the given fields.
 * - `If-Match` makes a write conditional: a stale version gets 412 `PROFILE_VERSION_CONFLICT`.
 * - `If-None-Match: *` on `PUT` creates only: when a profile exists, 412 `PROFILE_VERSION_CONFLICT`.
 * - Bad input gets a 4xx with a code (400, 413, 415), never a 5xx, and changes nothing.
 */
export function createProfileHandler<A = Record<string, unknown>>(
  options: ProfileHandlerOptions<A>,
): (request: Request) => Promise<Response> {
  const { auth, db } = options;
  if (!auth?.api || typeof auth.api.getSession !== 'function') {
    throw new TypeError('createProfileHandler: `auth` must be a better-auth instance');
  }
  if (!db || typeof db.selectFrom !== 'function') {
    throw new TypeError('createProfileHandler: `db` must be a Kysely instance');
  }
  const path = (options.path ?? '/api/profile').replace(/\/+$/, '');
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const onError = options.onError ?? ((error: unknown) => console.error('[profilekit]', error));
  const profiles = db as Kysely<ProfileKitDatabase>;
  if (options.trustedOrigins === undefined && !authNamesAnOrigin(auth)) {
    throw new TypeError(
      'createProfileHandler: no origin to trust for cookie writes. Set `baseURL` (or `trustedOrigins`) in ' +
        "your better-auth options, or pass `trustedOrigins` here, e.g. trustedOrigins: ['http://localhost:5173']",
    );
  }
  const questionnaire = options.questionnaire && checkedQuestionnaire(options.questionnaire);
  const schema = schemaRoute(path, questionnaire);
  const originPolicy =
    typeof options.trustedOrigins === 'function'
      ? options.trustedOrigins
      : options.trustedOrigins
        ? originList(options.trustedOrigins)
        : originsOfAuth(auth);
  const fast = options.fastWrites === false ? null : fastWrites(auth, db);

  const capabilities = capabilitiesOf(auth);

  type Db = Kysely<ProfileKitDatabase>;

  async function current(on: Db, userId: string, lock = false): Promise<Selected | undefined> {
    const query = on.selectFrom('user_profiles').selectAll().where('user_id', '=', userId);
    return (await (lock ? query.forUpdate() : query).executeTakeFirst()) as Selected | undefined;
  }

  /** A write's outcome; the response and the `onSaved` call are made from it once the write is committed. */
  type Written = { status: number; row: Selected; unchanged?: boolean };
  const respond = (status: number, row: Selected): Written => ({ status, row });

  async function conflictOrMissing(on: Db, userId: string): Promise<HttpError> {
    const exists = await current(on, userId);
    return exists
      ? fail(412, ErrorCodes.PROFILE_VERSION_CONFLICT, 'The profile changed since it was read; read it again')
      : fail(412, ErrorCodes.PROFILE_VERSION_CONFLICT, 'There is no profile at that version');
  }

  const invalid = (error: ProfileKitError) =>
    fail(400, ErrorCodes.VALIDATION_FAILED, error.message, error.issues);

  /**
   * With a questionnaire a write is validated against the stored profile (visibleWhen, required, the answers
   * it keeps), read and locked in the same transaction as the write. Without one, as before: no read.
   */
  function withStored<T>(userId: string, write: (on: Db, stored: Selected | undefined) => Promise<T>) {
    if (!questionnaire) return write(profiles, undefined);
    return profiles.transaction().execute(async (trx) => write(trx, await current(trx, userId, true)));
  }

  async function put(userId: string, request: Request): Promise<Written> {
    const precondition = parseIfMatch(request.headers.get('if-match'));
    const body = await readBody(request, limit);
    const unless = parseIfMatch(request.headers.get('if-none-match'));
    return withStored(userId, async (on, stored) => {
      let columns: Record<string, unknown>;
      if (questionnaire) {
        const parsed = parseProfileWrite(questionnaire, body, {
          mode: 'put',
          stored: stored && storedOf(stored),
        });
        if (!parsed.success) throw invalid(parsed.error);
        columns = {
          ...replacementColumns(parsed.data.profile),
          answers: JSON.stringify(parsed.data.answers),
        };
      } else {
        const parsed = parseProfileInput(body);
        if (!parsed.success) throw invalid(parsed.error);
        columns = replacementColumns(parsed.data);
      }
      if (unless.kind !== 'none') return putUnlessMatch(on, userId, columns, unless, precondition);
      if (precondition.kind === 'none') {
        const row = (await on
          .insertInto('user_profiles')
          .values({ user_id: userId, ...columns } as never)
          .onConflict((oc) =>
            oc
              .column('user_id')
              .doUpdateSet({ ...columns, version: sql`user_profiles.version + 1` } as never),
          )
          .returningAll()
          .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
          .executeTakeFirstOrThrow()) as Selected & { inserted: boolean };
        return respond(row.inserted ? 201 : 200, row);
      }
      return update(on, userId, columns, precondition);
    });
  }

  /**
   * PUT with If-None-Match. `*` creates the profile only while there is none, so a client that believes
   * there is no profile never replaces one made meanwhile; a tag list replaces it unless it is at one of
   * those versions. Otherwise 412 and nothing changes. One statement, so two racing creates cannot both win.
   */
  async function putUnlessMatch(
    on: Db,
    userId: string,
    columns: Record<string, unknown>,
    unless: Precondition,
    precondition: Precondition,
  ): Promise<Written> {
    if (precondition.kind !== 'none') {
      throw fail(400, ErrorCodes.VALIDATION_FAILED, 'Send If-Match or If-None-Match, not both', [
        {
          path: 'if-none-match',
          code: 'conflicting_preconditions',
          message: 'Send If-Match or If-None-Match, not both',
        },
      ]);
    }
    const versions = unless.kind === 'versions' ? unless.versions : [];
    const row = (await on
      .insertInto('user_profiles')
      .values({ user_id: userId, ...columns } as never)
      .onConflict((oc) => {
        const target = oc.column('user_id');
        if (unless.kind === 'any') return target.doNothing();
        const replace = target.doUpdateSet({ ...columns, version: sql`user_profiles.version + 1` } as never);
        // Tags the API never issued match nothing: then this is a plain replace.
        return versions.length > 0 ? replace.where('user_profiles.version', 'not in', versions) : replace;
      })
      .returningAll()
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .executeTakeFirst()) as (Selected & { inserted: boolean }) | undefined;
    if (row) return respond(row.inserted ? 201 : 200, row);
    throw fail(
      412,
      ErrorCodes.PROFILE_VERSION_CONFLICT,
      unless.kind === 'any'
        ? 'A profile already exists; read it and send If-Match to replace it'
        : 'The profile is at a version If-None-Match names',
    );
  }

  async function update(
    on: Db,
    userId: string,
    columns: Record<string, unknown>,
    precondition: Precondition,
  ) {
    if (precondition.kind === 'versions' && precondition.versions.length === 0)
      throw await conflictOrMissing(on, userId);
    let query = on
      .updateTable('user_profiles')
      .set({ ...columns, version: sql`version + 1` } as never)
      .where('user_id', '=', userId);
    if (precondition.kind === 'versions') query = query.where('version', 'in', precondition.versions);
    const row = (await query.returningAll().executeTakeFirst()) as Selected | undefined;
    if (row) return respond(200, row);
    if (precondition.kind === 'none')
      throw fail(404, ErrorCodes.PROFILE_NOT_FOUND, 'There is no profile yet; PUT one first');
    throw await conflictOrMissing(on, userId);
  }

  /** PATCH in one round trip (fast-write.ts), or null for the ordinary path to answer. */
  async function fastPatch(request: Request, token: string, body: BodyResult): Promise<Written | null> {
    // A questionnaire checks a patch against the stored profile (required, visibleWhen): that needs the read.
    if (!fast || questionnaire || !body.ok) return null;
    const parsed = parseProfilePatch(body.value);
    if (!parsed.success) return null;
    const columns = columnsOf(parsed.data);
    const precondition = parseIfMatch(request.headers.get('if-match'));
    if (Object.keys(columns).length === 0) return null;
    if (precondition.kind === 'versions' && precondition.versions.length === 0) return null;
    const versions = precondition.kind === 'versions' ? precondition.versions : null;
    const row = (await fast.update(token, columns, versions)) as Selected | undefined;
    return row ? respond(200, row) : null;
  }

  async function patch(userId: string, request: Request, preread?: BodyResult): Promise<Written> {
    const precondition = parseIfMatch(request.headers.get('if-match'));
    const body = await readBody(request, limit, preread);
    return withStored(userId, async (on, stored) => {
      let columns: Record<string, unknown>;
      if (questionnaire) {
        const parsed = parseProfileWrite(questionnaire, body, {
          mode: 'patch',
          stored: stored && storedOf(stored),
          // No profile yet: the body's own checks, then 404.
          whole: stored !== undefined,
        });
        if (!parsed.success) throw invalid(parsed.error);
        columns = columnsOf(parsed.data.profile);
        if ((body as { answers?: unknown }).answers !== undefined)
          columns.answers = JSON.stringify(parsed.data.answers);
      } else {
        const parsed = parseProfilePatch(body);
        if (!parsed.success) throw invalid(parsed.error);
        columns = columnsOf(parsed.data);
      }
      if (Object.keys(columns).length === 0) {
        const row = stored ?? (await current(on, userId));
        if (!row) throw fail(404, ErrorCodes.PROFILE_NOT_FOUND, 'There is no profile yet; PUT one first');
        if (precondition.kind === 'versions' && !precondition.versions.includes(row.version)) {
          throw fail(
            412,
            ErrorCodes.PROFILE_VERSION_CONFLICT,
            'The profile changed since it was read; read it again',
          );
        }
        return { status: 200, row, unchanged: true };
      }
      return update(on, userId, columns, precondition);
    });
  }

  async function get(userId: string, request: Request, head: boolean): Promise<Response> {
    const row = await current(profiles, userId);
    if (!row)
      return head ? new Response(null, { status: 200, headers: json(200, null).headers }) : json(200, null);
    const tag = etagOf(row);
    const ifNoneMatch = request.headers.get('if-none-match');
    if (ifNoneMatchHits(ifNoneMatch, tag)) {
      return new Response(null, { status: 304, headers: { etag: tag, 'cache-control': 'no-store' } });
    }
    const response = json(200, toProfile(row), { etag: tag });
    return head ? new Response(null, { status: 200, headers: response.headers }) : response;
  }

  /** `GET <path>/config`: what this server can do (see `ServerCapabilities`). No session needed. */
  function config(request: Request): Response {
    if (request.method.toUpperCase() !== 'GET') {
      throw new HttpError(405, { code: ErrorCodes.METHOD_NOT_ALLOWED, message: 'Use GET' }, { allow: 'GET' });
    }
    return json(200, capabilities, { 'cache-control': 'no-cache', vary: 'Origin' });
  }

  async function answerWrite(userId: string, { status, row, unchanged }: Written): Promise<Response> {
    const profile = toProfile(row);
    if (options.onSaved && !unchanged) {
      try {
        await options.onSaved({ userId, profile: profile as never, created: status === 201 });
      } catch (error) {
        // The profile is stored: a failing hook is the host's to log, not the client's to retry.
        onError(error);
      }
    }
    return json(status, profile, { etag: etagOf(row) });
  }

  /** `GET <path>/export`: the person's data as a JSON file (see `readPersonalData`). */
  async function exportData(request: Request): Promise<Response> {
    if (request.method.toUpperCase() !== 'GET') {
      throw new HttpError(405, { code: ErrorCodes.METHOD_NOT_ALLOWED, message: 'Use GET' }, { allow: 'GET' });
    }
    const session = await auth.api.getSession({ headers: request.headers });
    const userId = session?.user?.id;
    if (!userId) throw fail(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to export your data');
    const data = await readPersonalData(profiles, userId, toProfile, questionnaire);
    if (!data) throw fail(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to export your data');
    return json(200, data, { 'content-disposition': `attachment; filename="${PERSONAL_DATA_FILE}"` });
  }

  return async function handleProfileRequest(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url);
      if (url.pathname.replace(/\/+$/, '') === `${path}/export`) return await exportData(request);
      if (url.pathname.replace(/\/+$/, '') === `${path}/config`) return config(request);
      if (url.pathname.replace(/\/+$/, '') === `${path}/schema`) return schema(request);
      if (url.pathname.replace(/\/+$/, '') !== path) {
        throw fail(404, ErrorCodes.NOT_FOUND, 'Not found');
      }
      const method = request.method.toUpperCase();
      if (!(PROFILE_METHODS as readonly string[]).includes(method)) {
        throw new HttpError(
          405,
          { code: ErrorCodes.METHOD_NOT_ALLOWED, message: `Use one of ${ALLOW}` },
          { allow: ALLOW },
        );
      }
      if (method === 'PUT' || method === 'PATCH') {
        const refusal = await originRefusal(request, originPolicy);
        if (refusal) throw fail(403, ORIGIN_NOT_ALLOWED, refusal);
      }
      // The body is read once: by the shortcut when it runs, then handed to the ordinary path.
      let preread: BodyResult | undefined;
      const token = method === 'PATCH' && fast ? await fast.token(request) : null;
      if (token) {
        preread = await readJsonBody(request, limit);
        const written = await fastPatch(request, token, preread);
        if (written) return await answerWrite(written.row.user_id, written);
      }
      const session = await auth.api.getSession({ headers: request.headers });
      const userId = session?.user?.id;
      if (!userId) throw fail(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to use your profile');
      if (method === 'GET' || method === 'HEAD') return await get(userId, request, method === 'HEAD');
      const written = method === 'PUT' ? await put(userId, request) : await patch(userId, request, preread);
      return await answerWrite(userId, written);
    } catch (error) {
      if (error instanceof HttpError) return json(error.status, error.body, error.headers);
      const refused = clientFailure(error, request);
      if (refused) return refused;
      onError(error);
      return json(500, { code: ErrorCodes.SERVER_ERROR, message: 'The server failed to handle the request' });
    }
  };
}
