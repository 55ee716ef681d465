import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import {
  type ErrorCode,
  ErrorCodes,
  type NormalizedProfileInput,
  PERSONAL_DATA_FILE,
  type PersonalData,
  type Profile,
  parseProfileInput,
  parseProfilePatch,
} from '../client/index';
import {
  absenceHolds,
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
  /** How the person signs in: `credential` (email and password) or a social/OpenID provider id. */
  providerId: string;
}

/** Ready-made states of the backend, for stories and tests. */
export type PersonaName =
  | 'signedOut'
  | 'signedInWithoutProfile'
  | 'signedInWithProfile'
  | 'slowNetwork'
  | 'serverError'
  | 'emailTaken'
  | 'versionConflict'
  | 'emailNotVerified'
  | 'socialFirstVisit'
  | 'socialReturning'
  | 'staleSession';

export interface Persona {
  /** Whether the demo person starts signed in. */
  signedIn: boolean;
  /** The profile the demo person starts with, or null. */
  profile: Omit<Profile, 'createdAt' | 'updatedAt'> | null;
  /** Milliseconds added to every response; `Infinity`: requests are never answered (loading states). */
  latency?: number;
  /** Every request but get-session fails with 500 SERVER_ERROR. */
  failing?: boolean;
  /** Every sign-up is refused because the email is taken. */
  emailTaken?: boolean;
  /** Every conditional profile write finds that someone else saved first. */
  concurrentEdits?: boolean;
  /**
   * The demo person signs in through this social or OpenID provider (e.g. `github`) and has no password.
   * Social sign-in (`/sign-in/social`) signs them in and redirects to the callback URL.
   */
  provider?: string;
  /**
   * The session is older than better-auth's `freshAge`: deleting the account without the password is
   * refused with `SESSION_EXPIRED`, as the real server does.
   */
  staleSession?: boolean;
  /**
   * As better-auth with `requireEmailVerification`: the demo person has not verified yet, sign-in answers
   * 403 EMAIL_NOT_VERIFIED until they follow the mailed link, and sign-up signs nobody in.
   */
  requireEmailVerification?: boolean;
}

/**
 * Reset tokens every persona starts with, for the demo person: one that works, one past its hour and
 * one already used. Links the backend mails carry tokens of their own (see `outbox`).
 */
export const resetTokens = {
  valid: 'mockresettokenvalid00000',
  expired: 'mockresettokenexpired000',
  used: 'mockresettokenused000000',
} as const;

/**
 * A verification token every persona starts with, for the demo person: one past its hour (following its
 * link leads back with `error=TOKEN_EXPIRED`). Links the backend mails carry tokens of their own.
 */
export const verificationTokens = {
  expired: 'mockverifytokenexpired00',
} as const;

/** better-auth's default rule for sending verification links: 3 per 60 s (per IP; here, per backend). */
const VERIFY_SENDS = { window: 60_000, max: 3 };
const HOUR = 3600_000;

/** A message the mock backend would have mailed: a reset or verification link. */
export interface MockMail {
  kind: 'reset-password' | 'verify-email';
  to: string;
  url: string;
  token: string;
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
  emailNotVerified: { signedIn: false, profile: null, requireEmailVerification: true },
  socialFirstVisit: { signedIn: false, profile: null, provider: 'github' },
  socialReturning: { signedIn: true, profile: sampleProfile, provider: 'github' },
  staleSession: { signedIn: true, profile: sampleProfile, staleSession: true },
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
  /** Every user the backend knows (a deleted account is gone from it). */
  readonly users: readonly MockUser[];
  /** Reset and verification links the backend would have mailed, oldest first. */
  readonly outbox: readonly MockMail[];
  /** Puts the backend back in a persona's starting state (the one it was made with by default). */
  reset(persona?: PersonaName | Persona): void;
  /** Changes the added latency, in milliseconds; `Infinity` leaves every request unanswered. */
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
const RESET_ANSWER = {
  status: true,
  message: 'If this email exists in our system, check your email for the reset link',
};

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
  const authPath = options.authPath ?? '/api/auth';
  const authBase = `${origin}${authPath}`;
  const profileUrl = `${origin}${options.profilePath ?? '/api/profile'}`;
  const initial = options.persona ?? 'signedOut';

  let persona: Persona = personas.signedOut;
  let users: MockUser[] = [];
  let profiles = new Map<string, StoredProfile>();
  let session: { token: string; userId: string; createdAt: string; expiresAt: string } | null = null;
  let latency = 0;
  /** Counts resets, so requests from before one are told apart. */
  let generation = 0;
  let resets = new Map<string, { userId: string; expiresAt: number }>();
  let verifications = new Map<string, { userId: string; expiresAt: number }>();
  let sends = { count: 0, last: 0 };
  let outbox: MockMail[] = [];

  function reset(next: PersonaName | Persona = initial) {
    generation++;
    persona = typeof next === 'string' ? personas[next] : next;
    if (!persona) throw new Error(`profilekit/msw: unknown persona "${String(next)}"`);
    const now = new Date().toISOString();
    const ada: MockUser = {
      id: newId(),
      ...demoUser,
      emailVerified: !persona.requireEmailVerification,
      image: null,
      createdAt: now,
      updatedAt: now,
      providerId: persona.provider ?? 'credential',
    };
    if (persona.provider) ada.password = '';
    users = [ada];
    resets = new Map([
      [resetTokens.valid, { userId: ada.id, expiresAt: Date.now() + 3600_000 }],
      [resetTokens.expired, { userId: ada.id, expiresAt: Date.now() - 1000 }],
    ]);
    verifications = new Map([[verificationTokens.expired, { userId: ada.id, expiresAt: Date.now() - 1000 }]]);
    sends = { count: 0, last: 0 };
    outbox = [];
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

  function startSession(user: MockUser, fresh = !persona.staleSession) {
    return {
      token: newId().replace(/-/g, ''),
      userId: user.id,
      // better-auth's freshAge is a day: a session older than that must confirm deletion with the password.
      createdAt: new Date(Date.now() - (fresh ? 0 : 2 * 864e5)).toISOString(),
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
    session = startSession(user, true);
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
    const started = generation;
    // Never answering holds no timer, so a test or a story that ends meanwhile leaves nothing running.
    if (latency === Number.POSITIVE_INFINITY) await new Promise<never>(() => {});
    if (latency > 0) await delay(latency);
    // A request still waiting when the backend was reset belongs to the state before it: it is never
    // answered and changes nothing (a slow sign-up must not sign someone in to the next story or test).
    if (generation !== started) await new Promise<never>(() => {});
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
          createdAt: session.createdAt,
          updatedAt: session.createdAt,
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
      if (persona.requireEmailVerification && users.some((u) => u.email === normalized)) {
        // As better-auth does in this mode: a taken email gets the answer a new one gets.
        const now = new Date().toISOString();
        const name = typeof body.name === 'string' ? body.name : '';
        return HttpResponse.json({
          token: null,
          user: {
            id: newId(),
            email: normalized,
            name,
            emailVerified: false,
            image: null,
            createdAt: now,
            updatedAt: now,
          },
        });
      }
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
        providerId: 'credential',
      };
      users.push(user);
      if (persona.requireEmailVerification) {
        mailVerification(user, request, typeof body.callbackURL === 'string' ? body.callbackURL : '/');
        return HttpResponse.json({ token: null, user: publicUser(user) });
      }
      return signedIn(user, {});
    }),
    http.post(`${authBase}/sign-in/email`, async ({ request }) => {
      await pause();
      if (persona.failing) return authError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
      const body = await readCredentials(request);
      const user = users.find((u) => u.email === String(body?.email ?? '').toLowerCase());
      if (!user?.password || user.password !== body?.password) {
        return authError(401, 'INVALID_EMAIL_OR_PASSWORD', 'Invalid email or password');
      }
      if (persona.requireEmailVerification && !user.emailVerified) {
        // As better-auth with `sendOnSignIn`: the right password gets a fresh link mailed.
        mailVerification(user, request, typeof body.callbackURL === 'string' ? body.callbackURL : '/');
        return authError(403, 'EMAIL_NOT_VERIFIED', 'Email not verified');
      }
      return signedIn(user, { redirect: false });
    }),
    ...recoveryHandlers(),
    http.post(`${authBase}/sign-out`, async () => {
      await pause();
      session = null;
      return HttpResponse.json({ success: true }, { headers: { 'set-cookie': sessionCookie('', 0) } });
    }),
    // Social and OpenID sign-in: the provider says yes at once and the browser goes to the callback URL.
    http.post(`${authBase}/sign-in/social`, async ({ request }) => {
      await pause();
      if (persona.failing) return authError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
      const body = await readCredentials(request);
      const provider = String(body?.provider ?? '');
      if (!/^[a-z0-9_-]+$/i.test(provider)) return authError(404, 'PROVIDER_NOT_FOUND', 'Provider not found');
      let user = users.find((u) => u.providerId === provider);
      if (!user) {
        // A first visit through this provider creates the account, as better-auth does.
        const now = new Date().toISOString();
        user = {
          id: newId(),
          email: `${provider.toLowerCase()}-person@example.com`,
          name: 'Social Person',
          password: '',
          emailVerified: true,
          image: null,
          createdAt: now,
          updatedAt: now,
          providerId: provider,
        };
        users.push(user);
      }
      session = startSession(user, true);
      const url = typeof body?.callbackURL === 'string' ? body.callbackURL : '/';
      return HttpResponse.json(
        { url, redirect: true },
        { headers: { 'set-cookie': sessionCookie(session.token, 604800) } },
      );
    }),
    http.get(`${authBase}/list-accounts`, async ({ request }) => {
      await pause();
      const user = requestUser(request);
      if (!user) return authError(401, 'UNAUTHORIZED', 'Unauthorized');
      return HttpResponse.json([
        {
          id: `account-${user.id.slice(0, 8)}`,
          providerId: user.providerId,
          accountId: user.providerId === 'credential' ? user.id : `${user.providerId}-${user.id.slice(0, 8)}`,
          userId: user.id,
          createdAt: user.createdAt,
          updatedAt: user.updatedAt,
          scopes: [],
        },
      ]);
    }),
    // Like better-auth's delete-user: the password when one is given, else a fresh session.
    http.post(`${authBase}/delete-user`, async ({ request }) => {
      await pause();
      const user = requestUser(request);
      if (!session || !user) return authError(401, 'UNAUTHORIZED', 'Unauthorized');
      if (persona.failing) return authError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
      const body = (await readCredentials(request)) ?? {};
      if (typeof body.password === 'string') {
        if (!user.password)
          return authError(400, 'CREDENTIAL_ACCOUNT_NOT_FOUND', 'Credential account not found');
        if (body.password !== user.password) return authError(400, 'INVALID_PASSWORD', 'Invalid password');
      } else if (Date.now() - Date.parse(session.createdAt) >= 864e5) {
        return authError(400, 'SESSION_EXPIRED', 'Session expired. Re-authenticate to perform this action.');
      }
      users = users.filter((u) => u.id !== user.id);
      profiles.delete(user.id);
      session = null;
      return HttpResponse.json(
        { success: true, message: 'User deleted' },
        { headers: { 'set-cookie': sessionCookie('', 0) } },
      );
    }),
  ];

  function token(): string {
    return newId().replace(/-/g, '').slice(0, 24);
  }

  function mailVerification(user: MockUser, request: Request, callbackURL: string) {
    const value = token();
    verifications.set(value, { userId: user.id, expiresAt: Date.now() + HOUR });
    const url = `${new URL(request.url).origin}${authPath}/verify-email?token=${value}&callbackURL=${encodeURIComponent(callbackURL)}`;
    outbox.push({ kind: 'verify-email', to: user.email, url, token: value });
  }

  /** better-auth's password reset and email verification, as profileKitAuthOptions wires them. */
  function recoveryHandlers(): HttpHandler[] {
    const invalidToken = () => authError(400, 'INVALID_TOKEN', 'Invalid token');
    const liveReset = (value: string | undefined) => {
      const found = value ? resets.get(value) : undefined;
      return found && found.expiresAt > Date.now() ? found : null;
    };
    return [
      http.post(`${authBase}/request-password-reset`, async ({ request }) => {
        await pause();
        if (persona.failing) return authError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
        const body = await readCredentials(request);
        if (!body) return authError(400, 'BAD_REQUEST', 'Invalid JSON in request body');
        const { email, redirectTo } = body;
        if (typeof email !== 'string' || !EMAIL.test(email)) {
          return authError(400, 'VALIDATION_ERROR', '[body.email] Invalid email address');
        }
        const user = users.find((u) => u.email === email.toLowerCase());
        if (user) {
          const value = token();
          resets.set(value, { userId: user.id, expiresAt: Date.now() + 3600_000 });
          const callbackURL = typeof redirectTo === 'string' ? encodeURIComponent(redirectTo) : '';
          const url = `${new URL(request.url).origin}${authPath}/reset-password/${value}?callbackURL=${callbackURL}`;
          outbox.push({ kind: 'reset-password', to: user.email, url, token: value });
        }
        return HttpResponse.json(RESET_ANSWER);
      }),
      http.get(`${authBase}/reset-password/:token`, ({ params, request }) => {
        const callbackURL = new URL(request.url).searchParams.get('callbackURL');
        if (!callbackURL) return authError(400, 'VALIDATION_ERROR', '[query.callbackURL] Invalid input');
        const target = new URL(callbackURL, request.url);
        const value = String(params.token);
        if (liveReset(value)) target.searchParams.set('token', value);
        else target.searchParams.set('error', 'INVALID_TOKEN');
        return new HttpResponse(null, { status: 302, headers: { location: target.href } });
      }),
      http.post(`${authBase}/reset-password`, async ({ request }) => {
        await pause();
        if (persona.failing) return authError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
        const body = await readCredentials(request);
        if (!body) return authError(400, 'BAD_REQUEST', 'Invalid JSON in request body');
        const { newPassword } = body;
        const value = typeof body.token === 'string' ? body.token : undefined;
        if (!value) return invalidToken();
        if (typeof newPassword !== 'string') {
          return authError(400, 'VALIDATION_ERROR', '[body.newPassword] Invalid input: expected string');
        }
        if (newPassword.length < MIN_PASSWORD)
          return authError(400, 'PASSWORD_TOO_SHORT', 'Password too short');
        if (newPassword.length > MAX_PASSWORD)
          return authError(400, 'PASSWORD_TOO_LONG', 'Password too long');
        const found = liveReset(value);
        const user = found && users.find((u) => u.id === found.userId);
        resets.delete(value);
        if (!user) return invalidToken();
        user.password = newPassword;
        user.updatedAt = new Date().toISOString();
        // profileKitAuthOptions sets revokeSessionsOnPasswordReset: every session of the person ends.
        if (session?.userId === user.id) session = null;
        return HttpResponse.json({ status: true });
      }),
      // As better-auth: the same answer for an unknown, a verified and an unverified address, unless a
      // session names the person (then a different address or a verified one is refused).
      http.post(`${authBase}/send-verification-email`, async ({ request }) => {
        await pause();
        if (persona.failing) return authError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');
        const now = Date.now();
        if (now - sends.last >= VERIFY_SENDS.window) sends = { count: 0, last: now };
        if (sends.count >= VERIFY_SENDS.max) {
          const wait = Math.ceil((sends.last + VERIFY_SENDS.window - now) / 1000);
          return HttpResponse.json(
            { message: 'Too many requests. Please try again later.' },
            { status: 429, headers: { 'x-retry-after': String(wait) } },
          );
        }
        sends = { count: sends.count + 1, last: now };
        const body = await readCredentials(request);
        const email = typeof body?.email === 'string' ? body.email.toLowerCase() : '';
        if (!EMAIL.test(email))
          return authError(400, 'VALIDATION_ERROR', '[body.email] Invalid email address');
        const callbackURL = typeof body?.callbackURL === 'string' ? body.callbackURL : '/';
        const signedIn = requestUser(request);
        if (signedIn) {
          if (signedIn.email !== email) return authError(400, 'EMAIL_MISMATCH', 'Email mismatch');
          if (signedIn.emailVerified)
            return authError(400, 'EMAIL_ALREADY_VERIFIED', 'Email is already verified');
        }
        const user = signedIn ?? users.find((u) => u.email === email);
        if (user && !user.emailVerified) mailVerification(user, request, callbackURL);
        return HttpResponse.json({ status: true });
      }),
      // As better-auth: a link works until it expires (an hour), however often it is followed; once the
      // address is verified it only leads back. With a callbackURL, a dead link leads back with `?error=`.
      http.get(`${authBase}/verify-email`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const callbackURL = params.get('callbackURL');
        const found = verifications.get(params.get('token') ?? '');
        const user = found ? users.find((u) => u.id === found.userId) : undefined;
        const code = !found
          ? 'INVALID_TOKEN'
          : found.expiresAt <= Date.now()
            ? 'TOKEN_EXPIRED'
            : user
              ? ''
              : 'USER_NOT_FOUND';
        const headers: Record<string, string> = {};
        if (user && !code && !user.emailVerified) {
          user.emailVerified = true;
          user.updatedAt = new Date().toISOString();
          // profileKitAuthOptions sets autoSignInAfterVerification.
          session = startSession(user, true);
          headers['set-cookie'] = sessionCookie(session.token, 604800);
        }
        if (!callbackURL) {
          return code
            ? authError(401, code, code === 'TOKEN_EXPIRED' ? 'Token expired' : 'Invalid token')
            : HttpResponse.json({ status: true, user: null }, { headers });
        }
        const target = new URL(callbackURL, request.url);
        if (code) target.searchParams.set('error', code);
        return new HttpResponse(null, { status: 302, headers: { ...headers, location: target.href } });
      }),
    ];
  }
  const exportHandler = http.get(`${profileUrl}/export`, async ({ request }) => {
    await pause();
    const user = requestUser(request);
    if (!user) return apiError(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to export your data');
    if (persona.failing)
      return apiError(500, ErrorCodes.SERVER_ERROR, 'The server failed to handle the request');
    const data: PersonalData = {
      format: 'profilekit-export/1',
      exportedAt: new Date().toISOString(),
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        emailVerified: user.emailVerified,
        image: user.image,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      accounts: [
        {
          providerId: user.providerId,
          accountId: user.providerId === 'credential' ? user.id : `${user.providerId}-${user.id.slice(0, 8)}`,
          scope: null,
          createdAt: user.createdAt,
        },
      ],
      sessions: session
        ? [{ createdAt: session.createdAt, expiresAt: session.expiresAt, ipAddress: null, userAgent: null }]
        : [],
      profile: profiles.get(user.id)?.profile ?? null,
    };
    return HttpResponse.json(data, {
      headers: {
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="${PERSONAL_DATA_FILE}"`,
      },
    });
  });

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
    const unless =
      method === 'PUT' ? parseIfMatch(request.headers.get('if-none-match')) : ({ kind: 'none' } as const);
    if (unless.kind !== 'none') {
      if (precondition.kind !== 'none') {
        const message = 'Send If-Match or If-None-Match, not both';
        return apiError(400, ErrorCodes.VALIDATION_FAILED, message, {
          issues: [{ path: 'if-none-match', code: 'conflicting_preconditions', message }],
        });
      }
      if (!absenceHolds(unless, stored?.version)) {
        return apiError(
          412,
          ErrorCodes.PROFILE_VERSION_CONFLICT,
          unless.kind === 'any'
            ? 'A profile already exists; read it and send If-Match to replace it'
            : 'The profile is at a version If-None-Match names',
        );
      }
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
    handlers: [...authHandlers, exportHandler, profileHandler],
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
    get outbox() {
      return outbox;
    },
    reset,
    setLatency(ms: number) {
      latency = ms;
    },
  };
}
