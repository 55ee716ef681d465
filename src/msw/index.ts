import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import {
  type ErrorCode,
  ErrorCodes,
  type NormalizedProfileInput,
  type Profile,
  parseProfileInput,
  parseProfilePatch,
} from '../client/index';
import {
  DEFAULT_MAX_BODY_BYTES,
  etagForVersion,
  ifNoneMatchHits,
  PROFILE_METHODS,
  parseIfMatch,
  preconditionHolds,
  readJsonBody,
} from '../client/protocol';

/** A person known to the mock backend. */
export interface MockUser {
  id: string;
  email: string;
  name: string;
  password: string;
  emailVerified: boolean;
  image: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Ready-made states of the backend, for stories and tests. */
export type PersonaName =
  | 'signedOut'
  | 'signedInWithoutProfile'
  | 'signedInWithProfile'
  | 'slowNetwork'
  | 'serverError'
  | 'emailTaken'
  | 'versionConflict';

export interface Persona {
  /** Whether the demo person starts signed in. */
  signedIn: boolean;
  /** The profile the demo person starts with, or null. */
  profile: Omit<Profile, 'createdAt' | 'updatedAt'> | null;
  /** Milliseconds added to every response. */
  latency?: number;
  /** Every request but get-session fails with 500 SERVER_ERROR. */
  failing?: boolean;
  /** Every sign-up is refused because the email is taken. */
  emailTaken?: boolean;
  /** Every conditional profile write finds that someone else saved first. */
  concurrentEdits?: boolean;
}

/** The person every persona knows: sign in as `ada@example.com` with `correct-horse-battery`. */
export const demoUser = {
  email: 'ada@example.com',
  password: 'correct-horse-battery',
  name: 'Ada Lovelace',
} as const;

/** A complete profile, as the personas with a profile start. */
export const sampleProfile: Omit<Profile, 'createdAt' | 'updatedAt'> = {
  languages: [
    { language: 'Python', level: 'advanced' },
    { language: 'C', level: 'intermediate' },
  ],
  frameworks: ['Django', 'React'],
  experienceYears: '3-5',
  devices: ['Raspberry Pi 4', 'Arduino Uno'],
  architectureFamiliarity: ['ARM', 'x86_64'],
  softwareExperience: 'advanced',
  hardwareExperience: 'intermediate',
  backgroundPreference: 'both',
};

export const personas: Readonly<Record<PersonaName, Persona>> = {
  signedOut: { signedIn: false, profile: null },
  signedInWithoutProfile: { signedIn: true, profile: null },
  signedInWithProfile: { signedIn: true, profile: sampleProfile },
  slowNetwork: { signedIn: true, profile: sampleProfile, latency: 1500 },
  serverError: { signedIn: true, profile: sampleProfile, failing: true },
  emailTaken: { signedIn: false, profile: null, emailTaken: true },
  versionConflict: { signedIn: true, profile: sampleProfile, concurrentEdits: true },
};

export interface MockBackendOptions {
  /** A persona name or your own persona. Default `signedOut`. */
  persona?: PersonaName | Persona;
  /** Origin of the API; default: any origin. */
  baseURL?: string;
  /** better-auth's base path. Default `/api/auth`. */
  authPath?: string;
  /** The profile resource. Default `/api/profile`. */
  profilePath?: string;
}

export interface MockBackend {
  /** MSW request handlers: pass them to `setupServer(...)`, `setupWorker(...)` or msw-storybook-addon. */
  readonly handlers: HttpHandler[];
  /** The person signed in now, or null. */
  readonly currentUser: MockUser | null;
  /** The stored profile of the person signed in now, or null. */
  readonly profile: Profile | null;
  /** Every user the backend knows. */
  readonly users: readonly MockUser[];
  /** Puts the backend back in a persona's starting state (the one it was made with by default). */
  reset(persona?: PersonaName | Persona): void;
  /** Changes the added latency, in milliseconds. */
  setLatency(ms: number): void;
}

interface StoredProfile {
  profile: Profile;
  version: number;
}

const SESSION_COOKIE = 'better-auth.session_token';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 128;

let idCounter = 0;
function newId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  if (random) return random;
  idCounter++;
  return `00000000-0000-4000-8000-${idCounter.toString(16).padStart(12, '0')}`;
}

function authError(status: number, code: string, message: string) {
  return HttpResponse.json({ code, message }, { status });
}

function apiError(status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return HttpResponse.json({ code, message, ...extra }, { status, headers: { 'cache-control': 'no-store' } });
}

function publicUser(user: MockUser) {
  const { password: _password, ...rest } = user;
  return rest;
}

/**
 * An in-memory backend that behaves like the reference server (better-auth's endpoints the components
 * call, and the profile API with the same status codes, error codes and ETags), for Storybook and for a
 * host's own tests. One backend is one browser: it holds at most one signed-in session.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createMockBackend } from 'profilekit/msw';
 *
 * const backend = createMockBackend({ persona: 'signedInWithProfile', baseURL: 'http://localhost:3000' });
 * const server = setupServer(...backend.handlers);
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const origin = options.baseURL ? options.baseURL.replace(/\/+$/, '') : '*';
  const authBase = `${origin}${options.authPath ?? '/api/auth'}`;
  const profileUrl = `${origin}${options.profilePath ?? '/api/profile'}`;
  const initial = options.persona ?? 'signedOut';

  let persona: Persona = personas.signedOut;
  let users: MockUser[] = [];
  let profiles = new Map<string, StoredProfile>();
  let session: { token: string; userId: string; expiresAt: string } | null = null;
  let latency = 0;

  function reset(next: PersonaName | Persona = initial) {
    persona = typeof next === 'string' ? personas[next] : next;
    if (!persona) throw new Error(`profilekit/msw: unknown persona "${String(next)}"`);
    const now = new Date().toISOString();
    const ada: MockUser = {
      id: newId(),
      ...demoUser,
      emailVerified: true,
      image: null,
      createdAt: now,
      updatedAt: now,
    };
    users = [ada];
    profiles = new Map();
    if (persona.profile) {
      profiles.set(ada.id, {
        profile: { ...structuredClone(persona.profile), createdAt: now, updatedAt: now },
        version: 1,
      });
    }
    session = persona.signedIn ? startSession(ada) : null;
    latency = persona.latency ?? 0;
  }

  function startSession(user: MockUser) {
    return {
      token: newId().replace(/-/g, ''),
      userId: user.id,
      expiresAt: new Date(Date.now() + 7 * 864e5).toISOString(),
    };
  }

  function currentUser(): MockUser | null {
    return session ? (users.find((u) => u.id === session?.userId) ?? null) : null;
  }

  /**
   * The person a request speaks for: with better-auth's bearer plugin an `Authorization: Bearer` header
   * names the session (a wrong token is nobody); without one, the browser's session cookie does.
   */
  function requestUser(request: Request): MockUser | null {
    const authorization = request.headers.get('authorization');
    if (authorization && /^bearer\s/i.test(authorization)) {
      return session && authorization.slice(7).trim() === session.token ? currentUser() : null;
    }
    return currentUser();
  }

  function sessionCookie(token: string, maxAge: number) {
    return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAge}; SameSite=Lax`;
  }

  function signedIn(user: MockUser, body: Record<string, unknown>) {
    session = startSession(user);
    return HttpResponse.json(
      { ...body, token: session.token, user: publicUser(user) },
      {
        headers: {
          'set-cookie': sessionCookie(session.token, 604800),
          // As better-auth's bearer plugin does, for pages that cannot keep cookies.
          'set-auth-token': session.token,
          'access-control-expose-headers': 'set-auth-token',
        },
      },
    );
  }

  async function pause() {
    if (latency > 0) await delay(latency);
  }

  async function readCredentials(request: Request): Promise<Record<string, unknown> | null> {
    try {
      const value: unknown = await request.json();
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : null;
    } catch {
      return null;
    }
  }

  const authHandlers: HttpHandler[] = [
    http.get(`${authBase}/get-session`, async ({ request }) => {
      await pause();
      const user = requestUser(request);
      if (!session || !user) return HttpResponse.json(null);
      return HttpResponse.json({
        session: {
          id: `session-${session.token.slice(0, 8)}`,
          token: session.token,
          userId: user.id,
          expiresAt: session.expiresAt,
          createdAt: user.createdAt,
          updatedAt: user.updatedAt,
          ipAddress: null,
          userAgent: null,
        },
        user: publicUser(user),
      });
    }),
    http.post(`${authBase}/sign-up/email`, async ({ request }) => {
      await pause();
      if (persona.failing) return authError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
      const body = await readCredentials(request);
      if (!body) return authError(400, 'BAD_REQUEST', 'Invalid JSON in request body');
      const { email, password, name } = body;
      if (typeof email !== 'string' || !EMAIL.test(email))
        return authError(400, 'VALIDATION_ERROR', '[body.email] Invalid email address');
      if (typeof password !== 'string') {
        return authError(400, 'VALIDATION_ERROR', '[body.password] Invalid input: expected string');
      }
      if (password.length < MIN_PASSWORD) return authError(400, 'PASSWORD_TOO_SHORT', 'Password too short');
      if (password.length > MAX_PASSWORD) return authError(400, 'PASSWORD_TOO_LONG', 'Password too long');
      const normalized = email.toLowerCase();
      if (persona.emailTaken || users.some((u) => u.email === normalized)) {
        return authError(
          422,
          'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
          'User already exists. Use another email.',
        );
      }
      const now = new Date().toISOString();
      const user: MockUser = {
        id: newId(),
        email: normalized,
        name: typeof name === 'string' ? name : '',
        password,
        emailVerified: false,
        image: null,
        createdAt: now,
        updatedAt: now,
      };
      users.push(user);
      return signedIn(user, {});
    }),
    http.post(`${authBase}/sign-in/email`, async ({ request }) => {
      await pause();
      if (persona.failing) return authError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
      const body = await readCredentials(request);
      const user = users.find((u) => u.email === String(body?.email ?? '').toLowerCase());
      if (!user || user.password !== body?.password) {
        return authError(401, 'INVALID_EMAIL_OR_PASSWORD', 'Invalid email or password');
      }
      return signedIn(user, { redirect: false });
    }),
    http.post(`${authBase}/sign-out`, async () => {
      await pause();
      session = null;
      return HttpResponse.json({ success: true }, { headers: { 'set-cookie': sessionCookie('', 0) } });
    }),
  ];

  function respond(status: number, stored: StoredProfile) {
    return HttpResponse.json(stored.profile, {
      status,
      headers: { etag: etagForVersion(stored.version), 'cache-control': 'no-store' },
    });
  }

  function simulateConcurrentEdit(stored: StoredProfile | undefined) {
    if (!persona.concurrentEdits || !stored) return;
    stored.version++;
    stored.profile = { ...stored.profile, experienceYears: '10+', updatedAt: new Date().toISOString() };
  }

  const profileHandler = http.all(profileUrl, async ({ request }) => {
    await pause();
    const method = request.method.toUpperCase();
    if (!(PROFILE_METHODS as readonly string[]).includes(method)) {
      return HttpResponse.json(
        { code: ErrorCodes.METHOD_NOT_ALLOWED, message: `Use one of ${PROFILE_METHODS.join(', ')}` },
        { status: 405, headers: { allow: PROFILE_METHODS.join(', ') } },
      );
    }
    const user = requestUser(request);
    if (!user) return apiError(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to use your profile');
    if (persona.failing)
      return apiError(500, ErrorCodes.SERVER_ERROR, 'The server failed to handle the request');
    const stored = profiles.get(user.id);

    if (method === 'GET' || method === 'HEAD') {
      if (!stored) return apiError(404, ErrorCodes.PROFILE_NOT_FOUND, 'There is no profile yet');
      if (ifNoneMatchHits(request.headers.get('if-none-match'), etagForVersion(stored.version))) {
        return new HttpResponse(null, { status: 304, headers: { etag: etagForVersion(stored.version) } });
      }
      return method === 'HEAD'
        ? new HttpResponse(null, { headers: { etag: etagForVersion(stored.version) } })
        : respond(200, stored);
    }

    const precondition = parseIfMatch(request.headers.get('if-match'));
    const body = await readJsonBody(request, DEFAULT_MAX_BODY_BYTES);
    if (!body.ok) return apiError(body.status, body.code, body.message);
    const parsed = method === 'PUT' ? parseProfileInput(body.value) : parseProfilePatch(body.value);
    if (!parsed.success) {
      return apiError(400, ErrorCodes.VALIDATION_FAILED, parsed.error.message, {
        issues: parsed.error.issues,
      });
    }
    if (precondition.kind !== 'none') simulateConcurrentEdit(stored);
    if (!preconditionHolds(precondition, stored?.version)) {
      return apiError(
        412,
        ErrorCodes.PROFILE_VERSION_CONFLICT,
        'The profile changed since it was read; read it again',
      );
    }
    const now = new Date().toISOString();
    if (method === 'PATCH') {
      if (!stored)
        return apiError(404, ErrorCodes.PROFILE_NOT_FOUND, 'There is no profile yet; PUT one first');
      const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length === 0) return respond(200, stored);
      stored.profile = { ...stored.profile, ...changes, updatedAt: now };
      stored.version++;
      return respond(200, stored);
    }
    const input = parsed.data as NormalizedProfileInput;
    const replacement: Profile = {
      languages: input.languages,
      frameworks: input.frameworks,
      experienceYears: input.experienceYears ?? null,
      devices: input.devices ?? null,
      architectureFamiliarity: input.architectureFamiliarity ?? null,
      softwareExperience: input.softwareExperience ?? null,
      hardwareExperience: input.hardwareExperience ?? null,
      backgroundPreference: input.backgroundPreference ?? null,
      createdAt: stored?.profile.createdAt ?? now,
      updatedAt: now,
    };
    if (stored) {
      stored.profile = replacement;
      stored.version++;
      return respond(200, stored);
    }
    const created = { profile: replacement, version: 1 };
    profiles.set(user.id, created);
    return respond(201, created);
  });

  reset(initial);

  return {
    handlers: [...authHandlers, profileHandler],
    get currentUser() {
      return currentUser();
    },
    get profile() {
      const user = currentUser();
      return user ? (profiles.get(user.id)?.profile ?? null) : null;
    },
    get users() {
      return users;
    },
    reset,
    setLatency(ms: number) {
      latency = ms;
    },
  };
}
