import { delay, HttpResponse } from 'msw';
import type { ErrorCode, Profile } from '../client/index';
import {
  demoUser,
  type MockUser,
  type Persona,
  type PersonaName,
  personas,
  resetTokens,
  verificationTokens,
} from './personas';
import type { MockMail } from './types';

export interface StoredProfile {
  profile: Profile;
  version: number;
}

/** A sign-in method of a person: the password (`credential`) or a provider. */
export interface MockLinkedAccount {
  id: string;
  userId: string;
  providerId: string;
  accountId: string;
}

/** Another device's session, listed but never this browser's. */
export interface MockDeviceSession {
  id: string;
  userId: string;
  browser: string | null;
  os: string | null;
  place: string | null;
  lastActive: string;
}

export interface MockSession {
  token: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export const SESSION_COOKIE = 'better-auth.session_token';
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 128;
export const HOUR = 3600_000;

let idCounter = 0;
export function newId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  if (random) return random;
  idCounter++;
  return `00000000-0000-4000-8000-${idCounter.toString(16).padStart(12, '0')}`;
}

export function authError(status: number, code: string, message: string) {
  return HttpResponse.json({ code, message }, { status });
}

export function apiError(
  status: number,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return HttpResponse.json({ code, message, ...extra }, { status, headers: { 'cache-control': 'no-store' } });
}

export function publicUser(user: MockUser) {
  const { password: _password, ...rest } = user;
  return rest;
}

/** The 500 every failing persona answers. */
export const failure = () => authError(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error');

/**
 * What one mock backend knows: one browser's worth of state (at most one signed-in session), and the
 * helpers every handler family shares.
 */
export interface MockState {
  readonly authPath: string;
  persona: Persona;
  users: MockUser[];
  profiles: Map<string, StoredProfile>;
  session: MockSession | null;
  latency: number;
  /** Counts resets, so requests from before one are told apart. */
  generation: number;
  resets: Map<string, { userId: string; expiresAt: number }>;
  verifications: Map<string, { userId: string; expiresAt: number }>;
  sends: { count: number; last: number };
  outbox: MockMail[];
  /** The sign-in methods of every person. */
  linked: MockLinkedAccount[];
  /** Sessions of other devices (the sessions list). */
  devices: MockDeviceSession[];
  /** The sign-in methods of one person; a person the backend never listed has the one they were made with. */
  accountsOf(user: MockUser): MockLinkedAccount[];
  /** Puts the state back in a persona's starting state. */
  reset(next: PersonaName | Persona): void;
  startSession(user: MockUser, fresh?: boolean): MockSession;
  currentUser(): MockUser | null;
  /**
   * The person a request speaks for: with better-auth's bearer plugin an `Authorization: Bearer` header
   * names the session (a wrong token is nobody); without one, the browser's session cookie does.
   */
  requestUser(request: Request): MockUser | null;
  sessionCookie(token: string, maxAge: number): string;
  /** Starts a session for `user` and answers as better-auth does when it signs someone in. */
  signedIn(user: MockUser, body: Record<string, unknown>): Response;
  /** Waits the added latency; a request that outlives a reset is never answered. */
  pause(): Promise<void>;
  /** The JSON object of a request body, or null. */
  readCredentials(request: Request): Promise<Record<string, unknown> | null>;
  /** A new link token. */
  token(): string;
  /** "Mails" a verification link to `user`, leading back to `callbackURL`. */
  mailVerification(user: MockUser, request: Request, callbackURL: string): void;
}

export function createMockState(authPath: string): MockState {
  const s: MockState = {
    authPath,
    persona: personas.signedOut,
    users: [],
    profiles: new Map(),
    session: null,
    latency: 0,
    generation: 0,
    resets: new Map(),
    verifications: new Map(),
    sends: { count: 0, last: 0 },
    outbox: [],
    linked: [],
    devices: [],

    accountsOf(user) {
      if (!s.linked.some((a) => a.userId === user.id)) {
        s.linked.push({
          id: `account-${user.id.slice(0, 8)}`,
          userId: user.id,
          providerId: user.providerId,
          accountId: user.providerId === 'credential' ? user.id : `${user.providerId}-${user.id.slice(0, 8)}`,
        });
      }
      return s.linked.filter((a) => a.userId === user.id);
    },

    reset(next) {
      s.generation++;
      const persona = typeof next === 'string' ? personas[next] : next;
      if (!persona) throw new Error(`profilekit/msw: unknown persona "${String(next)}"`);
      s.persona = persona;
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
      s.users = [ada];
      s.resets = new Map([
        [resetTokens.valid, { userId: ada.id, expiresAt: Date.now() + HOUR }],
        [resetTokens.expired, { userId: ada.id, expiresAt: Date.now() - 1000 }],
      ]);
      s.verifications = new Map([
        [verificationTokens.expired, { userId: ada.id, expiresAt: Date.now() - 1000 }],
      ]);
      s.sends = { count: 0, last: 0 };
      s.outbox = [];
      s.linked = [];
      s.accountsOf(ada);
      for (const provider of persona.linkedProviders ?? []) {
        s.linked.push({ id: newId(), userId: ada.id, providerId: provider, accountId: `${provider}-ada` });
      }
      s.devices = (persona.otherDevices ?? []).map((device) => ({
        id: newId().replace(/-/g, '').slice(0, 22),
        userId: ada.id,
        browser: device.browser,
        os: device.os,
        place: device.place ?? null,
        lastActive: new Date(Date.now() - device.idleMinutes * 60_000).toISOString(),
      }));
      s.profiles = new Map();
      if (persona.profile) {
        s.profiles.set(ada.id, {
          profile: { ...structuredClone(persona.profile), createdAt: now, updatedAt: now },
          version: 1,
        });
      }
      s.session = persona.signedIn ? s.startSession(ada) : null;
      s.latency = persona.latency ?? 0;
    },

    startSession(user, fresh = !s.persona.staleSession) {
      return {
        token: newId().replace(/-/g, ''),
        userId: user.id,
        // better-auth's freshAge is a day: a session older than that must confirm deletion with the password.
        createdAt: new Date(Date.now() - (fresh ? 0 : 2 * 864e5)).toISOString(),
        expiresAt: new Date(Date.now() + 7 * 864e5).toISOString(),
      };
    },

    currentUser() {
      const session = s.session;
      return session ? (s.users.find((u) => u.id === session.userId) ?? null) : null;
    },

    requestUser(request) {
      const authorization = request.headers.get('authorization');
      if (authorization && /^bearer\s/i.test(authorization)) {
        return s.session && authorization.slice(7).trim() === s.session.token ? s.currentUser() : null;
      }
      return s.currentUser();
    },

    sessionCookie(token, maxAge) {
      return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAge}; SameSite=Lax`;
    },

    signedIn(user, body) {
      const session = s.startSession(user, true);
      s.session = session;
      return HttpResponse.json(
        { ...body, token: session.token, user: publicUser(user) },
        {
          headers: {
            'set-cookie': s.sessionCookie(session.token, 604800),
            // As better-auth's bearer plugin does, for pages that cannot keep cookies.
            'set-auth-token': session.token,
            'access-control-expose-headers': 'set-auth-token',
          },
        },
      );
    },

    async pause() {
      const started = s.generation;
      // Never answering holds no timer, so a test or a story that ends meanwhile leaves nothing running.
      if (s.latency === Number.POSITIVE_INFINITY) await new Promise<never>(() => {});
      if (s.latency > 0) await delay(s.latency);
      // A request still waiting when the backend was reset belongs to the state before it: it is never
      // answered and changes nothing (a slow sign-up must not sign someone in to the next story or test).
      if (s.generation !== started) await new Promise<never>(() => {});
    },

    async readCredentials(request) {
      try {
        const value: unknown = await request.json();
        return typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : null;
      } catch {
        return null;
      }
    },

    token() {
      return newId().replace(/-/g, '').slice(0, 24);
    },

    mailVerification(user, request, callbackURL) {
      const value = s.token();
      s.verifications.set(value, { userId: user.id, expiresAt: Date.now() + HOUR });
      const url = `${new URL(request.url).origin}${s.authPath}/verify-email?token=${value}&callbackURL=${encodeURIComponent(callbackURL)}`;
      s.outbox.push({ kind: 'verify-email', to: user.email, url, token: value });
    },
  };
  return s;
}
