import type { AnswersOf, HostAnswers, ProfileInputOf, ProfileOf, ProfilePatchOf } from './answers';
import {
  codeForStatus,
  type ErrorCode,
  ErrorCodes,
  isErrorCode,
  isProfileKitError,
  ProfileKitError,
  type ValidationIssue,
} from './errors';
import type { PersonalData } from './personal-data';
import type { ServerCapabilities } from './protocol';
import type { QuestionnaireDefinition } from './questionnaire';
import { type Profile, profileSchema } from './schema';
import { warnUnreachable } from './unreachable';
import { parseProfileInput, parseProfilePatch } from './validate';

type Awaitable<T> = T | Promise<T>;
type HeadersInput = Record<string, string> | Headers | [string, string][];

export interface ProfileClientOptions<Q extends QuestionnaireDefinition = QuestionnaireDefinition> {
  /**
   * The questionnaire (`defineQuestionnaire`'s result): writes are checked by it before they are sent
   * (the server checks them again, with the stored profile), and the answers are typed by it. Without it,
   * a body with `answers` is refused, as the server without one refuses it.
   */
  questionnaire?: Q;
  /** Origin (and optional path prefix) of the server, e.g. `https://auth.example.com`. `''` means same origin. */
  baseURL: string;
  /** Path of the profile resource under `baseURL`. Default `/api/profile`. */
  path?: string;
  /** A fetch implementation; defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request, or a function that returns them. */
  headers?: HeadersInput | (() => Awaitable<HeadersInput>);
  /** Default `'include'`, so cookies reach an API on another origin. */
  credentials?: RequestCredentials;
  /**
   * Bearer-token mode: a token, or a function returning the current one (null when signed out).
   * Sent as `Authorization: Bearer <token>`.
   */
  token?: string | (() => Awaitable<string | null | undefined>);
  /** Milliseconds before one attempt fails with `TIMEOUT`. Default 10000; 0 disables it. */
  timeout?: number;
  /** Extra attempts for `get` after a network failure, timeout or 5xx. Default 2. Writes are never retried. */
  retries?: number;
  /** Delay before retry `n` (1-based), in milliseconds. Default 250 * 2^(n-1). */
  retryDelay?: (attempt: number) => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: HeadersInput;
}

export interface WriteOptions extends RequestOptions {
  /**
   * Makes the write conditional. `true` sends the ETag this client last saw; a string sends that ETag.
   * A stale version fails with `PROFILE_VERSION_CONFLICT` and changes nothing.
   */
  ifMatch?: boolean | string;
}

export interface PutOptions extends WriteOptions {
  /**
   * `'*'` creates the profile only if there is none yet: when one exists (made elsewhere meanwhile) the
   * write fails with `PROFILE_VERSION_CONFLICT` and changes nothing. Use it when you believe there is no
   * profile, so you never replace one you have not read. Not together with `ifMatch`.
   */
  ifNoneMatch?: '*';
}

/** A profile and the version it was read or written at. */
export interface VersionedProfile<A = HostAnswers> {
  profile: ProfileOf<A>;
  etag: string | null;
}

/** The profile API's client; `A` is the host answers' type (`AnswersOf<typeof questionnaire>`). */
export interface ProfileClient<A = HostAnswers> {
  /**
   * Reads the signed-in person's profile. Fails with `PROFILE_NOT_FOUND` when there is none yet: the
   * server's 200 `null` (and the 404 `PROFILE_NOT_FOUND` of servers before 0.2) both read so.
   */
  get(options?: RequestOptions): Promise<VersionedProfile<A>>;
  /** Creates or replaces the whole profile; `ifNoneMatch: '*'` creates only. */
  put(input: ProfileInputOf<A>, options?: PutOptions): Promise<VersionedProfile<A>>;
  /** Changes only the given fields; `null` clears an optional one (and a host answer). */
  patch(input: ProfilePatchOf<A>, options?: WriteOptions): Promise<VersionedProfile<A>>;
  /**
   * Everything stored about the signed-in person (account, sign-in methods, sessions, profile), from
   * `GET <path>/export`. Secrets are never part of it.
   */
  exportData(options?: RequestOptions): Promise<PersonalData>;
  /**
   * What the server can do, from `GET <path>/config` (no session needed): whether it can mail password
   * reset links, for example. A server without that route is taken to offer everything. Optional for
   * clients of your own; the components then assume everything is offered.
   */
  capabilities?(options?: RequestOptions): Promise<ServerCapabilities>;
  /** The ETag of the last profile this client read or wrote, or null. */
  readonly etag: string | null;
  /** Forgets the kept ETag (for example after sign-out). */
  reset(): void;
}

const DEFAULT_TIMEOUT = 10_000;
const DEFAULT_RETRIES = 2;

function failure(
  code: ErrorCode,
  message: string,
  status?: number,
  issues?: ValidationIssue[],
  cause?: unknown,
): ProfileKitError {
  return new ProfileKitError(code, message, { status, issues, cause });
}

function isIssueList(value: unknown): value is ValidationIssue[] {
  return (
    Array.isArray(value) &&
    value.every(
      (i) =>
        typeof i === 'object' &&
        i !== null &&
        typeof (i as ValidationIssue).path === 'string' &&
        typeof (i as ValidationIssue).code === 'string' &&
        typeof (i as ValidationIssue).message === 'string',
    )
  );
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    const text = await response.text();
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

async function errorFromResponse(response: Response): Promise<ProfileKitError> {
  const body = await readJson(response);
  const fallback = codeForStatus(response.status);
  if (body.ok && typeof body.value === 'object' && body.value !== null) {
    const { code, message, issues } = body.value as Record<string, unknown>;
    return failure(
      isErrorCode(code) ? code : fallback,
      typeof message === 'string' ? message : `Request failed with status ${response.status}`,
      response.status,
      isIssueList(issues) ? issues : undefined,
    );
  }
  return failure(fallback, `Request failed with status ${response.status}`, response.status);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * @internal How `profilekit/client`'s `createProfileClient` checks writes by a questionnaire: kept out of
 * this file so the components' client carries no questionnaire code.
 */
export type WriteCheck = (
  mode: 'put' | 'patch',
  input: unknown,
) => { success: true; body: unknown } | { success: false; error: ProfileKitError };

function retryable(error: ProfileKitError): boolean {
  return (
    error.code === ErrorCodes.NETWORK_ERROR ||
    error.code === ErrorCodes.TIMEOUT ||
    (error.code === ErrorCodes.SERVER_ERROR && error.status !== undefined && error.status >= 500)
  );
}

/**
 * Creates a typed client for the profile API. It has no React dependency and runs in browsers,
 * Node and workers. Every failure is a {@link ProfileKitError}.
 *
 * @example
 * const profiles = createProfileClient({ baseURL: 'https://api.example.com' });
 * const { profile } = await profiles.get();
 * await profiles.patch({ devices: ['Raspberry Pi'] }, { ifMatch: true });
 */
export function createProfileClient<Q extends QuestionnaireDefinition = QuestionnaireDefinition>(
  options: ProfileClientOptions<Q>,
): ProfileClient<AnswersOf<Q>>;
export function createProfileClient(
  options: ProfileClientOptions & { checkWrite?: WriteCheck },
): ProfileClient {
  if (typeof options !== 'object' || options === null || typeof options.baseURL !== 'string') {
    throw new TypeError('createProfileClient: `baseURL` must be a string (use "" for the same origin)');
  }
  const url = options.baseURL.replace(/\/+$/, '') + (options.path ?? '/api/profile');
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  const retryDelay = options.retryDelay ?? ((n: number) => 250 * 2 ** (n - 1));
  let etag: string | null = null;

  async function buildHeaders(extra: HeadersInput | undefined, body: boolean): Promise<Headers> {
    const headers = new Headers();
    headers.set('accept', 'application/json');
    if (body) headers.set('content-type', 'application/json');
    const base = typeof options.headers === 'function' ? await options.headers() : options.headers;
    for (const source of [base, extra]) {
      if (!source) continue;
      new Headers(source).forEach((value, key) => {
        headers.set(key, value);
      });
    }
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    if (token) headers.set('authorization', `Bearer ${token}`);
    return headers;
  }

  async function attempt(
    init: RequestInit,
    signal: AbortSignal | undefined,
    target = url,
  ): Promise<Response> {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted)
      throw failure(ErrorCodes.ABORTED, 'The request was aborted', undefined, undefined, signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer =
      timeout > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeout)
        : undefined;
    try {
      return await fetchImpl(target, { ...init, signal: controller.signal });
    } catch (cause) {
      if (timedOut)
        throw failure(ErrorCodes.TIMEOUT, `No response within ${timeout} ms`, undefined, undefined, cause);
      if (signal?.aborted)
        throw failure(ErrorCodes.ABORTED, 'The request was aborted', undefined, undefined, cause);
      warnUnreachable(target);
      throw failure(ErrorCodes.NETWORK_ERROR, 'The server could not be reached', undefined, undefined, cause);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function toResult(response: Response, method: string): Promise<VersionedProfile> {
    if (!response.ok) throw await errorFromResponse(response);
    const body = await readJson(response);
    if (!body.ok) {
      throw failure(
        ErrorCodes.INVALID_RESPONSE,
        'The server answered with something that is not JSON',
        response.status,
      );
    }
    if (body.value === null && response.status === 200 && method === 'GET') {
      etag = null;
      throw failure(ErrorCodes.PROFILE_NOT_FOUND, 'There is no profile yet', response.status);
    }
    const parsed = profileSchema.safeParse(body.value);
    if (!parsed.success) {
      throw failure(
        ErrorCodes.INVALID_RESPONSE,
        'The server answered with an unexpected profile shape',
        response.status,
        undefined,
        parsed.error,
      );
    }
    const tag = response.headers.get('etag');
    etag = tag;
    // The host answers are checked on write, by the questionnaire; a server without one sends `{}`.
    const answers = (body.value as { answers?: unknown }).answers;
    const profile = {
      ...parsed.data,
      answers: typeof answers === 'object' ? (answers ?? {}) : {},
    } as Profile;
    return { profile, etag: tag };
  }

  async function send(
    method: 'GET' | 'PUT' | 'PATCH',
    body: unknown,
    opts: PutOptions = {},
  ): Promise<VersionedProfile> {
    const headers = await buildHeaders(opts.headers, body !== undefined);
    if (opts.ifNoneMatch === '*') headers.set('if-none-match', '*');
    if (opts.ifMatch !== undefined && opts.ifMatch !== false) {
      const tag = opts.ifMatch === true ? etag : opts.ifMatch;
      if (!tag) {
        throw failure(
          ErrorCodes.ETAG_UNAVAILABLE,
          'ifMatch: true needs a profile read or written by this client first',
        );
      }
      headers.set('if-match', tag);
    }
    const init: RequestInit = {
      method,
      headers,
      credentials: options.credentials ?? 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    const attempts = method === 'GET' ? retries + 1 : 1;
    for (let n = 1; ; n++) {
      try {
        return await toResult(await attempt(init, opts.signal), method);
      } catch (error) {
        const known = isProfileKitError(error)
          ? error
          : failure(ErrorCodes.UNKNOWN_ERROR, 'Unexpected failure', undefined, undefined, error);
        if (n >= attempts || !retryable(known)) throw known;
        try {
          await sleep(retryDelay(n), opts.signal);
        } catch (cause) {
          throw failure(ErrorCodes.ABORTED, 'The request was aborted', undefined, undefined, cause);
        }
      }
    }
  }

  async function exportData(opts: RequestOptions = {}): Promise<PersonalData> {
    const headers = await buildHeaders(opts.headers, false);
    const init = { headers, credentials: options.credentials ?? 'include' };
    const response = await attempt(init, opts.signal, `${url}/export`);
    if (!response.ok) throw await errorFromResponse(response);
    const body = await readJson(response);
    if (body.ok && typeof (body.value as PersonalData | null)?.user?.id === 'string') {
      return body.value as PersonalData;
    }
    throw failure(
      ErrorCodes.INVALID_RESPONSE,
      'The server answered with an unexpected export',
      response.status,
    );
  }

  async function capabilities(opts: RequestOptions = {}): Promise<ServerCapabilities> {
    const headers = await buildHeaders(opts.headers, false);
    const response = await attempt({ headers, credentials: 'omit' }, opts.signal, `${url}/config`);
    if (response.status === 404) return { passwordReset: true, emailVerification: true };
    if (!response.ok) throw await errorFromResponse(response);
    const body = await readJson(response);
    const value = (body.ok ? body.value : null) as Partial<ServerCapabilities> | null;
    if (typeof value?.passwordReset !== 'boolean') {
      throw failure(ErrorCodes.INVALID_RESPONSE, 'The server answered with unexpected capabilities', 200);
    }
    return { passwordReset: value.passwordReset, emailVerification: value.emailVerification !== false };
  }

  // Without a questionnaire the built-in fields are checked here; host `answers` go on as given, for the
  // server to validate by its questionnaire (the forms validated them before sending).
  const split = (input: object): [object, object] => {
    const { answers, ...fields } = input as { answers?: unknown };
    return [fields, answers === undefined ? {} : { answers }];
  };

  return {
    get: (opts) => send('GET', undefined, opts),
    exportData,
    capabilities,
    put(input, opts) {
      if (options.checkWrite) {
        const checked = options.checkWrite('put', input);
        return checked.success ? send('PUT', checked.body, opts) : Promise.reject(checked.error);
      }
      const [fields, answers] = split(input);
      const parsed = parseProfileInput(fields);
      return parsed.success
        ? send('PUT', { ...parsed.data, ...answers }, opts)
        : Promise.reject(parsed.error);
    },
    patch(input, opts) {
      if (options.checkWrite) {
        const checked = options.checkWrite('patch', input);
        return checked.success ? send('PATCH', checked.body, opts) : Promise.reject(checked.error);
      }
      const [fields, answers] = split(input);
      const parsed = parseProfilePatch(fields);
      return parsed.success
        ? send('PATCH', { ...parsed.data, ...answers }, opts)
        : Promise.reject(parsed.error);
    },
    get etag() {
      return etag;
    },
    reset() {
      etag = null;
    },
  };
}
