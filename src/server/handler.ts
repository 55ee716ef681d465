import { type Kysely, sql } from 'kysely';
import {
  type ErrorBody,
  type ErrorCode,
  ErrorCodes,
  type NormalizedProfileInput,
  type NormalizedProfilePatch,
  PERSONAL_DATA_FILE,
  type Profile,
  parseProfileInput,
  parseProfilePatch,
  type ValidationIssue,
} from '../client/index';
import {
  type BodyResult,
  DEFAULT_MAX_BODY_BYTES,
  etagForVersion,
  ifNoneMatchHits,
  PROFILE_METHODS,
  type Precondition,
  parseIfMatch,
  readJsonBody,
} from '../client/protocol';
import type { ProfileKitDatabase } from './database';
import { readPersonalData } from './export';
import { fastWrites } from './fast-write';
import {
  isClientAbort,
  isDataException,
  type OriginPolicy,
  originList,
  originRefusal,
  originsOfAuth,
} from './guards';

/** The part of a better-auth instance the handler uses: any `betterAuth(...)` result fits. */
export interface SessionSource {
  api: {
    getSession(context: { headers: Headers }): Promise<{ user: { id: string } } | null>;
  };
}

export interface ProfileHandlerOptions {
  /** Your better-auth instance. The user id is taken from its session, never from the request. */
  auth: SessionSource;
  /** A Kysely instance over the database that profilekit's migrations set up. */
  // biome-ignore lint/suspicious/noExplicitAny: hosts pass a Kysely typed for their own tables
  db: Kysely<any>;
  /** Where the resource is mounted. Default `/api/profile`. */
  path?: string;
  /** Largest accepted body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Called with unexpected (5xx) errors, for logging. Default `console.error`. */
  onError?: (error: unknown) => void;
  /**
   * Origins whose pages may write with the session cookie (`PUT`/`PATCH` with a `Cookie` and no
   * `Authorization`): a list (`*` matches within one part) or a function. A cookie write with a missing,
   * `null` or other `Origin` gets 403 `ORIGIN_NOT_ALLOWED`. Default: what the better-auth instance trusts
   * (its `baseURL` and `trustedOrigins`). Bearer-token requests are not checked.
   */
  trustedOrigins?: readonly string[] | OriginPolicy;
  /**
   * A `PATCH` with the session cookie in one database round trip (default `true`): the handler verifies
   * the signed cookie itself and checks the session in the `UPDATE` (`… FROM sessions WHERE token = … AND
   * expires_at >= now()`). It bypasses, for those writes only, better-auth's `getSession` hooks
   * (`hooks.before`/`after` and plugin hooks on `/get-session`) and its session refresh (`updateAge`;
   * reads and get-session still refresh). Whatever the shortcut does not write (no session, a stale
   * `If-Match`, a session only the cookie cache or secondary storage knows, a bearer token) takes the
   * ordinary path. `false` sends every write through `auth.api.getSession`.
   */
  fastWrites?: boolean;
}

const ALLOW = PROFILE_METHODS.join(', ');
/**
 * A server-only code: a browser page cannot be its own cause of it, so profilekit's client reads it as
 * `FORBIDDEN` (by its status) and the components need no text of their own for it.
 */
const ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED' as ErrorCode;

type Row = ProfileKitDatabase['user_profiles'];
/** @internal A user_profiles row as selected. */
export type Selected = {
  [K in keyof Row]: Row[K] extends { __select__: infer S } ? S : Row[K];
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

const fail = (status: number, code: ErrorCode, message: string, issues?: ValidationIssue[]) =>
  new HttpError(status, issues ? { code, message, issues } : { code, message });

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'Cookie, Authorization',
      ...headers,
    },
  });
}

/** @internal */
export function etagOf(row: { version: number }): string {
  return etagForVersion(row.version);
}

function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** @internal The API's camelCase profile from a row. */
export function toProfile(row: Selected): Profile {
  return {
    languages: row.languages.map(({ language, level }) => ({ language, level })) as Profile['languages'],
    frameworks: row.frameworks,
    experienceYears: row.experience_years,
    devices: row.devices,
    architectureFamiliarity: row.architecture_familiarity,
    softwareExperience: row.software_experience as Profile['softwareExperience'],
    hardwareExperience: row.hardware_experience as Profile['hardwareExperience'],
    backgroundPreference: row.background_preference as Profile['backgroundPreference'],
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));

function columnsOf(input: NormalizedProfilePatch): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (input.languages !== undefined) columns.languages = jsonb(input.languages);
  if (input.frameworks !== undefined) columns.frameworks = jsonb(input.frameworks);
  if (input.experienceYears !== undefined) columns.experience_years = input.experienceYears;
  if (input.devices !== undefined) columns.devices = jsonb(input.devices);
  if (input.architectureFamiliarity !== undefined)
    columns.architecture_familiarity = jsonb(input.architectureFamiliarity);
  if (input.softwareExperience !== undefined) columns.software_experience = input.softwareExperience;
  if (input.hardwareExperience !== undefined) columns.hardware_experience = input.hardwareExperience;
  if (input.backgroundPreference !== undefined) columns.background_preference = input.backgroundPreference;
  return columns;
}

/** A whole replacement: every optional field that is absent becomes null. */
function replacementColumns(input: NormalizedProfileInput): Record<string, unknown> {
  return columnsOf({
    experienceYears: null,
    devices: null,
    architectureFamiliarity: null,
    softwareExperience: null,
    hardwareExperience: null,
    backgroundPreference: null,
    ...input,
  });
}

async function readBody(request: Request, limit: number, preread?: BodyResult): Promise<unknown> {
  const body = preread ?? (await readJsonBody(request, limit));
  if (!body.ok) throw fail(body.status, body.code, body.message);
  return body.value;
}

/**
 * Creates the profile API as a Fetch API handler: `(Request) => Promise<Response>`. Mount it on Hono,
 * Next.js route handlers, or anything else that speaks Request and Response.
 *
 * - `GET` returns the signed-in person's profile with an `ETag` (404 `PROFILE_NOT_FOUND` when none).
 * - `PUT` creates (201) or replaces (200) it; `PATCH` changes only the given fields.
 * - `If-Match` makes a write conditional: a stale version gets 412 `PROFILE_VERSION_CONFLICT`.
 * - `If-None-Match: *` on `PUT` creates only: when a profile exists, 412 `PROFILE_VERSION_CONFLICT`.
 * - Bad input gets a 4xx with a code (400, 413, 415), never a 5xx, and changes nothing.
 */
export function createProfileHandler(
  options: ProfileHandlerOptions,
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
  const originPolicy =
    typeof options.trustedOrigins === 'function'
      ? options.trustedOrigins
      : options.trustedOrigins
        ? originList(options.trustedOrigins)
        : originsOfAuth(auth);
  const fast = options.fastWrites === false ? null : fastWrites(auth, db);

  async function current(userId: string): Promise<Selected | undefined> {
    return (await profiles
      .selectFrom('user_profiles')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst()) as Selected | undefined;
  }

  function respond(status: number, row: Selected): Response {
    return json(status, toProfile(row), { etag: etagOf(row) });
  }

  async function conflictOrMissing(userId: string): Promise<HttpError> {
    const exists = await current(userId);
    return exists
      ? fail(412, ErrorCodes.PROFILE_VERSION_CONFLICT, 'The profile changed since it was read; read it again')
      : fail(412, ErrorCodes.PROFILE_VERSION_CONFLICT, 'There is no profile at that version');
  }

  async function put(userId: string, request: Request): Promise<Response> {
    const precondition = parseIfMatch(request.headers.get('if-match'));
    const parsed = parseProfileInput(await readBody(request, limit));
    if (!parsed.success)
      throw fail(400, ErrorCodes.VALIDATION_FAILED, parsed.error.message, parsed.error.issues);
    const columns = replacementColumns(parsed.data);
    const unless = parseIfMatch(request.headers.get('if-none-match'));
    if (unless.kind !== 'none') return putUnlessMatch(userId, columns, unless, precondition);
    if (precondition.kind === 'none') {
      const row = (await profiles
        .insertInto('user_profiles')
        .values({ user_id: userId, ...columns } as never)
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({ ...columns, version: sql`user_profiles.version + 1` } as never),
        )
        .returningAll()
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .executeTakeFirstOrThrow()) as Selected & { inserted: boolean };
      return respond(row.inserted ? 201 : 200, row);
    }
    return update(userId, columns, precondition);
  }

  /**
   * PUT with If-None-Match. `*` creates the profile only while there is none, so a client that believes
   * there is no profile never replaces one made meanwhile; a tag list replaces it unless it is at one of
   * those versions. Otherwise 412 and nothing changes. One statement, so two racing creates cannot both win.
   */
  async function putUnlessMatch(
    userId: string,
    columns: Record<string, unknown>,
    unless: Precondition,
    precondition: Precondition,
  ): Promise<Response> {
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
    const row = (await profiles
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

  async function update(userId: string, columns: Record<string, unknown>, precondition: Precondition) {
    if (precondition.kind === 'versions' && precondition.versions.length === 0)
      throw await conflictOrMissing(userId);
    let query = profiles
      .updateTable('user_profiles')
      .set({ ...columns, version: sql`version + 1` } as never)
      .where('user_id', '=', userId);
    if (precondition.kind === 'versions') query = query.where('version', 'in', precondition.versions);
    const row = (await query.returningAll().executeTakeFirst()) as Selected | undefined;
    if (row) return respond(200, row);
    if (precondition.kind === 'none')
      throw fail(404, ErrorCodes.PROFILE_NOT_FOUND, 'There is no profile yet; PUT one first');
    throw await conflictOrMissing(userId);
  }

  /** PATCH in one round trip (fast-write.ts), or null for the ordinary path to answer. */
  async function fastPatch(request: Request, token: string, body: BodyResult): Promise<Response | null> {
    if (!fast || !body.ok) return null;
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

  async function patch(userId: string, request: Request, preread?: BodyResult): Promise<Response> {
    const precondition = parseIfMatch(request.headers.get('if-match'));
    const parsed = parseProfilePatch(await readBody(request, limit, preread));
    if (!parsed.success)
      throw fail(400, ErrorCodes.VALIDATION_FAILED, parsed.error.message, parsed.error.issues);
    const columns = columnsOf(parsed.data);
    if (Object.keys(columns).length === 0) {
      const row = await current(userId);
      if (!row) throw fail(404, ErrorCodes.PROFILE_NOT_FOUND, 'There is no profile yet; PUT one first');
      if (precondition.kind === 'versions' && !precondition.versions.includes(row.version)) {
        throw fail(
          412,
          ErrorCodes.PROFILE_VERSION_CONFLICT,
          'The profile changed since it was read; read it again',
        );
      }
      return respond(200, row);
    }
    return update(userId, columns, precondition);
  }

  async function get(userId: string, request: Request, head: boolean): Promise<Response> {
    const row = await current(userId);
    if (!row) throw fail(404, ErrorCodes.PROFILE_NOT_FOUND, 'There is no profile yet');
    const tag = etagOf(row);
    const ifNoneMatch = request.headers.get('if-none-match');
    if (ifNoneMatchHits(ifNoneMatch, tag)) {
      return new Response(null, { status: 304, headers: { etag: tag, 'cache-control': 'no-store' } });
    }
    const response = respond(200, row);
    return head ? new Response(null, { status: 200, headers: response.headers }) : response;
  }

  /** `GET <path>/export`: the person's data as a JSON file (see `readPersonalData`). */
  async function exportData(request: Request): Promise<Response> {
    if (request.method.toUpperCase() !== 'GET') {
      throw new HttpError(405, { code: ErrorCodes.METHOD_NOT_ALLOWED, message: 'Use GET' }, { allow: 'GET' });
    }
    const session = await auth.api.getSession({ headers: request.headers });
    const userId = session?.user?.id;
    if (!userId) throw fail(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to export your data');
    const data = await readPersonalData(profiles, userId, toProfile);
    if (!data) throw fail(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to export your data');
    return json(200, data, { 'content-disposition': `attachment; filename="${PERSONAL_DATA_FILE}"` });
  }

  return async function handleProfileRequest(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url);
      if (url.pathname.replace(/\/+$/, '') === `${path}/export`) return await exportData(request);
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
        if (written) return written;
      }
      const session = await auth.api.getSession({ headers: request.headers });
      const userId = session?.user?.id;
      if (!userId) throw fail(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to use your profile');
      if (method === 'GET' || method === 'HEAD') return await get(userId, request, method === 'HEAD');
      if (method === 'PUT') return await put(userId, request);
      return await patch(userId, request, preread);
    } catch (error) {
      if (error instanceof HttpError) return json(error.status, error.body, error.headers);
      const refused = clientFailure(error, request);
      if (refused) return refused;
      onError(error);
      return json(500, { code: ErrorCodes.SERVER_ERROR, message: 'The server failed to handle the request' });
    }
  };
}

/**
 * A failure that is the client's, not the server's: a value the database cannot store (SQLSTATE class 22)
 * is a 400 naming no field (the schemas refuse such values first; this is the second line), and a client
 * that went away mid-request is not logged as a server error.
 */
function clientFailure(error: unknown, request: Request): Response | undefined {
  if (isDataException(error)) {
    return json(400, {
      code: ErrorCodes.VALIDATION_FAILED,
      message: 'The database cannot store a value in this request',
      issues: [{ path: '', code: 'invalid_characters', message: 'A value cannot be stored' }],
    });
  }
  if (isClientAbort(error, request)) {
    return json(400, { code: ErrorCodes.ABORTED, message: 'The client closed the request' });
  }
  return undefined;
}
