import { betterAuth } from 'better-auth';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockBackend } from '../../src/msw';
import { profileKitAuthOptions } from '../../src/server';
import { BASE, createHarness, fullProfile, type Harness, mailed } from '../server/harness';

/** What both backends return for `fullProfile`: no host questions, so no host answers. */
const storedProfile = { ...fullProfile, answers: {} };

/**
 * The same scenarios run against the real server half (better-auth + createProfileHandler on a database)
 * and the mock backend of profilekit/msw: the mock must keep the real contract.
 */
interface Target {
  fetch(request: Request): Promise<Response>;
  /** The reset links mailed so far, oldest first. */
  mail(): readonly { token: string; url: string; user?: { email: string }; to?: string }[];
}

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

const targets: [string, () => Target][] = [
  [
    'the real server',
    () => ({
      fetch: (request) =>
        new URL(request.url).pathname.startsWith('/api/auth/')
          ? harness.auth.handler(request)
          : harness.handler(request),
      mail: () => mailed,
    }),
  ],
  [
    'the msw mock backend',
    () => {
      const backend = createMockBackend({ baseURL: BASE });
      return {
        async fetch(request) {
          const response = await getResponse(backend.handlers, request);
          if (!response) throw new Error(`the mock has no handler for ${request.method} ${request.url}`);
          return response;
        },
        mail: () => backend.outbox,
      };
    },
  ],
];

/** A browser-like session: keeps the cookie it is given, sends JSON. */
function browser(target: Target) {
  let cookie = '';
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { origin: BASE, cookie, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await target.fetch(new Request(`${BASE}${path}`, init));
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length > 0) cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {}
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      location: response.headers.get('location'),
      body: json as Record<string, unknown> | null,
    };
  }
  return { call };
}

const email = () => `contract-${Math.random().toString(36).slice(2)}@example.test`;
const credentials = (address: string) => ({ email: address, password: 'a-long-password', name: 'Contract' });
const withoutTimestamps = (body: Record<string, unknown> | null) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = body ?? {};
  return rest;
};

describe.each(targets)('given %s', (_name, makeTarget) => {
  it('signs up, reports the session, and signs out', async () => {
    const { call } = browser(makeTarget());
    const address = email();
    const signUp = await call('POST', '/api/auth/sign-up/email', credentials(address));
    expect(signUp.status).toBe(200);
    expect(signUp.body).toMatchObject({
      token: expect.any(String),
      user: { email: address, name: 'Contract' },
    });
    expect((await call('GET', '/api/auth/get-session')).body).toMatchObject({ user: { email: address } });
    expect((await call('POST', '/api/auth/sign-out', {})).status).toBe(200);
    expect((await call('GET', '/api/auth/get-session')).body).toBeNull();
    expect(await call('GET', '/api/profile')).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses a taken email, a short password and a malformed email with better-auth codes', async () => {
    const { call } = browser(makeTarget());
    const address = email();
    await call('POST', '/api/auth/sign-up/email', credentials(address));
    await call('POST', '/api/auth/sign-out', {});
    expect(await call('POST', '/api/auth/sign-up/email', credentials(address))).toMatchObject({
      status: 422,
      body: { code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL' },
    });
    expect(
      await call('POST', '/api/auth/sign-up/email', { ...credentials(email()), password: 'short' }),
    ).toMatchObject({
      status: 400,
      body: { code: 'PASSWORD_TOO_SHORT' },
    });
    expect(await call('POST', '/api/auth/sign-up/email', credentials('not-an-email'))).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_ERROR', message: expect.stringContaining('body.email') },
    });
  });

  it('accepts the token from set-auth-token as a bearer token, and refuses a wrong one', async () => {
    const target = makeTarget();
    const send = (path: string, init: RequestInit = {}) => target.fetch(new Request(`${BASE}${path}`, init));
    const signUp = await send('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { origin: BASE, 'content-type': 'application/json' },
      body: JSON.stringify(credentials(email())),
    });
    const token = signUp.headers.get('set-auth-token');
    expect(token).toBeTruthy();
    const bearer = { authorization: `Bearer ${token}` };
    const session = (await (await send('/api/auth/get-session', { headers: bearer })).json()) as {
      user: { email: string };
    } | null;
    expect(session?.user.email).toMatch(/^contract-/);
    expect((await send('/api/profile', { headers: bearer })).status).toBe(200);
    const wrong = { authorization: 'Bearer not-a-session-token' };
    expect(await (await send('/api/auth/get-session', { headers: wrong })).json()).toBeNull();
    expect((await send('/api/profile', { headers: wrong })).status).toBe(401);
  });

  it('signs in with the right password only', async () => {
    const { call } = browser(makeTarget());
    const address = email();
    await call('POST', '/api/auth/sign-up/email', credentials(address));
    await call('POST', '/api/auth/sign-out', {});
    expect(
      await call('POST', '/api/auth/sign-in/email', { email: address, password: 'wrong-password' }),
    ).toMatchObject({
      status: 401,
      body: { code: 'INVALID_EMAIL_OR_PASSWORD' },
    });
    const signIn = await call('POST', '/api/auth/sign-in/email', {
      email: address,
      password: 'a-long-password',
    });
    expect(signIn).toMatchObject({ status: 200, body: { user: { email: address } } });
  });

  it('keeps the profile contract: none yet, create, read, replace, patch, conflicts', async () => {
    const { call } = browser(makeTarget());
    await call('POST', '/api/auth/sign-up/email', credentials(email()));
    expect(await call('GET', '/api/profile')).toMatchObject({ status: 200, body: null, etag: null });
    expect(await call('PATCH', '/api/profile', { devices: [] })).toMatchObject({ status: 404 });

    const created = await call('PUT', '/api/profile', fullProfile);
    expect(created).toMatchObject({ status: 201, etag: '"v1"' });
    expect(withoutTimestamps(created.body)).toEqual(storedProfile);
    const read = await call('GET', '/api/profile');
    expect(read).toMatchObject({ status: 200, etag: '"v1"' });
    expect(withoutTimestamps(read.body)).toEqual(storedProfile);

    const replaced = await call('PUT', '/api/profile', {
      languages: [{ language: 'Go', level: 'Expert' }],
      frameworks: [{ name: 'Gin' }],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.etag).toBe('"v2"');
    expect(withoutTimestamps(replaced.body)).toEqual({
      languages: [{ language: 'Go', level: 'expert' }],
      frameworks: ['Gin'],
      experienceYears: null,
      devices: null,
      architectureFamiliarity: null,
      softwareExperience: null,
      hardwareExperience: null,
      backgroundPreference: null,
      answers: {},
    });

    expect(await call('PATCH', '/api/profile', { devices: ['Pi'] }, { 'if-match': '"v1"' })).toMatchObject({
      status: 412,
      body: { code: 'PROFILE_VERSION_CONFLICT' },
    });
    const patched = await call(
      'PATCH',
      '/api/profile',
      { devices: ['Pi'], softwareExperience: 'none' },
      { 'if-match': '"v2"' },
    );
    expect(patched).toMatchObject({
      status: 200,
      etag: '"v3"',
      body: { devices: ['Pi'], softwareExperience: 'none', frameworks: ['Gin'] },
    });
    expect((await call('GET', '/api/profile', undefined, { 'if-none-match': '"v3"' })).status).toBe(304);
  });

  it('creates only with If-None-Match: * and never replaces a profile made meanwhile', async () => {
    const { call } = browser(makeTarget());
    await call('POST', '/api/auth/sign-up/email', credentials(email()));
    const created = await call('PUT', '/api/profile', fullProfile, { 'if-none-match': '*' });
    expect(created).toMatchObject({ status: 201, etag: '"v1"' });
    const second = await call(
      'PUT',
      '/api/profile',
      { languages: [], frameworks: [] },
      { 'if-none-match': '*' },
    );
    expect(second).toMatchObject({ status: 412, body: { code: 'PROFILE_VERSION_CONFLICT' } });
    const both = await call('PUT', '/api/profile', fullProfile, { 'if-none-match': '*', 'if-match': '"v1"' });
    expect(both).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const read = await call('GET', '/api/profile');
    expect(read).toMatchObject({ status: 200, etag: '"v1"' });
    expect(withoutTimestamps(read.body)).toEqual(storedProfile);
  });

  it('answers bad input with the same statuses and codes', async () => {
    const { call } = browser(makeTarget());
    await call('POST', '/api/auth/sign-up/email', credentials(email()));
    await call('PUT', '/api/profile', fullProfile);
    const invalid = await call('PATCH', '/api/profile', { languages: [{ language: 'Go', level: 'guru' }] });
    expect(invalid).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(invalid.body?.issues).toEqual([
      expect.objectContaining({ path: 'languages.0.level', code: 'invalid_value' }),
    ]);
    const readOnly = await call('PUT', '/api/profile', { ...fullProfile, userId: 'someone' });
    expect(readOnly.body?.issues).toEqual([expect.objectContaining({ path: 'userId', code: 'read_only' })]);
    expect(await call('PUT', '/api/profile', '{"languages": [', {})).toMatchObject({
      status: 400,
      body: { code: 'INVALID_JSON' },
    });
    expect(
      await call('PUT', '/api/profile', 'languages=Go', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
    ).toMatchObject({
      status: 415,
      body: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    expect(
      await call('PUT', '/api/profile', { ...fullProfile, frameworks: ['x'.repeat(70_000)] }),
    ).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(await call('DELETE', '/api/profile')).toMatchObject({
      status: 405,
      body: { code: 'METHOD_NOT_ALLOWED' },
    });
    expect(withoutTimestamps((await call('GET', '/api/profile')).body)).toEqual(storedProfile);
  });

  it('lists the sign-in methods, exports the data, and deletes the account', async () => {
    const { call } = browser(makeTarget());
    const address = email();
    expect((await call('POST', '/api/auth/sign-up/email', credentials(address))).status).toBe(200);
    expect((await call('PUT', '/api/profile', fullProfile)).status).toBe(201);
    const accounts = await call('GET', '/api/auth/list-accounts');
    expect(accounts.body).toEqual([expect.objectContaining({ providerId: 'credential' })]);

    const exported = await call('GET', '/api/profile/export');
    expect(exported).toMatchObject({
      status: 200,
      body: {
        format: 'profilekit-export/1',
        user: { email: address, name: 'Contract' },
        accounts: [{ providerId: 'credential' }],
        sessions: [expect.objectContaining({ expiresAt: expect.any(String) })],
      },
    });
    expect(withoutTimestamps(exported.body?.profile as Record<string, unknown>)).toEqual(storedProfile);

    expect(await call('POST', '/api/auth/delete-user', { password: 'wrong-password' })).toMatchObject({
      status: 400,
      body: { code: 'INVALID_PASSWORD' },
    });
    expect((await call('GET', '/api/profile')).status).toBe(200);
    expect(await call('POST', '/api/auth/delete-user', { password: 'a-long-password' })).toMatchObject({
      status: 200,
      body: { success: true, message: 'User deleted' },
    });
    expect((await call('GET', '/api/auth/get-session')).body).toBeNull();
    expect(await call('GET', '/api/profile')).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    expect(await call('GET', '/api/profile/export')).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    expect(await call('POST', '/api/auth/delete-user', { password: 'a-long-password' })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    expect(await call('POST', '/api/auth/sign-in/email', credentials(address))).toMatchObject({
      status: 401,
      body: { code: 'INVALID_EMAIL_OR_PASSWORD' },
    });
  });
});

describe.each(targets)('given %s and a person who forgot their password', (_name, makeTarget) => {
  {
    /** The mail the sender got for `address` (it runs after the answer, so wait for it). */
    async function linkFor(target: Target, address: string) {
      for (let i = 0; i < 200; i++) {
        const found = target.mail().find((m) => (m.user?.email ?? m.to) === address);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no reset mail for ${address}`);
    }

    it('answers a reset request the same whether or not the account exists', async () => {
      const target = makeTarget();
      const { call } = browser(target);
      const known = email();
      await call('POST', '/api/auth/sign-up/email', credentials(known));
      const before = target.mail().length;
      const redirectTo = `${BASE}/account?profilekit=reset-password`;
      const forKnown = await call('POST', '/api/auth/request-password-reset', { email: known, redirectTo });
      const forUnknown = await call('POST', '/api/auth/request-password-reset', {
        email: email(),
        redirectTo,
      });
      expect(forKnown).toMatchObject({ status: 200, body: { status: true } });
      expect(forUnknown).toEqual(forKnown);
      await linkFor(target, known);
      expect(target.mail().length).toBe(before + 1);
      expect(await call('POST', '/api/auth/request-password-reset', { email: 'nope' })).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_ERROR' },
      });
    });

    it('follows the link, sets the new password once, and ends the other sessions', async () => {
      const target = makeTarget();
      const first = browser(target);
      const address = email();
      await first.call('POST', '/api/auth/sign-up/email', credentials(address));
      const redirectTo = `${BASE}/account?profilekit=reset-password`;
      await first.call('POST', '/api/auth/request-password-reset', { email: address, redirectTo });
      const { token, url } = await linkFor(target, address);
      const landing = await browser(target).call('GET', url.slice(BASE.length));
      expect(landing.status).toBe(302);
      expect(landing.location).toBe(`${redirectTo}&token=${token}`);

      expect(
        await first.call('POST', '/api/auth/reset-password', { token, newPassword: 'short' }),
      ).toMatchObject({ status: 400, body: { code: 'PASSWORD_TOO_SHORT' } });
      expect(
        await first.call('POST', '/api/auth/reset-password', { token, newPassword: 'the-new-password' }),
      ).toMatchObject({ status: 200, body: { status: true } });
      expect((await first.call('GET', '/api/auth/get-session')).body).toBeNull();
      expect(
        await first.call('POST', '/api/auth/reset-password', { token, newPassword: 'another-password' }),
      ).toMatchObject({ status: 400, body: { code: 'INVALID_TOKEN' } });
      const dead = await browser(target).call('GET', url.slice(BASE.length));
      expect(dead.location).toBe(`${redirectTo}&error=INVALID_TOKEN`);

      const next = browser(target);
      expect(
        await next.call('POST', '/api/auth/sign-in/email', { email: address, password: 'a-long-password' }),
      ).toMatchObject({ status: 401, body: { code: 'INVALID_EMAIL_OR_PASSWORD' } });
      expect(
        (await next.call('POST', '/api/auth/sign-in/email', { email: address, password: 'the-new-password' }))
          .status,
      ).toBe(200);
    });

    it('refuses a made-up or missing token with INVALID_TOKEN', async () => {
      const { call } = browser(makeTarget());
      for (const token of ['made-up', 'x'.repeat(300)]) {
        expect(
          await call('POST', '/api/auth/reset-password', { token, newPassword: 'the-new-password' }),
        ).toMatchObject({ status: 400, body: { code: 'INVALID_TOKEN' } });
      }
      expect(
        await call('POST', '/api/auth/reset-password', { newPassword: 'the-new-password' }),
      ).toMatchObject({
        status: 400,
        body: { code: 'INVALID_TOKEN' },
      });
    });
  }
});

/** The real server and the mock, both requiring a verified email before anyone signs in. */
const verifyingTargets: [string, () => Target][] = [
  [
    'the real server',
    () => {
      const mail: { url: string; token: string; to: string }[] = [];
      const auth = betterAuth({
        ...profileKitAuthOptions({
          sendVerificationEmail: ({ user, url, token }) => {
            mail.push({ to: user.email, url, token });
          },
          requireEmailVerification: true,
        }),
        secret: 'test-secret-that-is-long-enough-for-better-auth',
        baseURL: BASE,
        database: { db: harness.database.db, type: 'postgres' },
        logger: { disabled: true },
      });
      return { fetch: (request) => auth.handler(request), mail: () => mail };
    },
  ],
  [
    'the msw mock backend',
    () => {
      const backend = createMockBackend({ baseURL: BASE, persona: 'emailNotVerified' });
      return {
        async fetch(request) {
          const response = await getResponse(backend.handlers, request);
          if (!response) throw new Error(`the mock has no handler for ${request.method} ${request.url}`);
          return response;
        },
        mail: () => backend.outbox,
      };
    },
  ],
];

describe.each(verifyingTargets)('given %s requiring a verified email', (_name, makeTarget) => {
  /** The verification links mailed to `address` (the real sender runs after the answer: wait for it). */
  async function linksFor(target: Target, address: string, count = 1) {
    for (let i = 0; i < 200; i++) {
      const found = target.mail().filter((m) => (m.user?.email ?? m.to) === address);
      if (found.length >= count) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`fewer than ${count} verification mails for ${address}`);
  }
  const path = (url: string) => url.slice(BASE.length);
  const callbackURL = `${BASE}/course?lesson=3&profilekit=verify-email`;

  it('signs nobody in at sign-up; the link leads the browser that signed up back signed in, and again later signed out', async () => {
    const target = makeTarget();
    const first = browser(target);
    const address = email();
    const signUp = await first.call('POST', '/api/auth/sign-up/email', {
      ...credentials(address),
      callbackURL,
    });
    expect(signUp).toMatchObject({ status: 200, body: { token: null, user: { emailVerified: false } } });
    expect((await first.call('GET', '/api/auth/get-session')).body).toBeNull();
    const [mail] = await linksFor(target, address);
    expect(new URL(mail?.url ?? '').searchParams.get('callbackURL')).toBe(callbackURL);

    // The browser that signed up follows its link (another browser's is verification-binding.test.ts).
    const landing = first;
    expect(await landing.call('GET', path(mail?.url ?? ''))).toMatchObject({
      status: 302,
      location: callbackURL,
    });
    expect((await landing.call('GET', '/api/auth/get-session')).body).toMatchObject({
      user: { email: address, emailVerified: true },
    });
    // Followed again (until it expires): it only leads back, signing nobody in.
    await landing.call('POST', '/api/auth/sign-out', {});
    const again = browser(target);
    expect(await again.call('GET', path(mail?.url ?? ''))).toMatchObject({
      status: 302,
      location: callbackURL,
    });
    expect((await again.call('GET', '/api/auth/get-session')).body).toBeNull();
  });

  it('leads a made-up token back with error=INVALID_TOKEN, and answers 401 without a callbackURL', async () => {
    const { call } = browser(makeTarget());
    const made = `/api/auth/verify-email?token=made-up&callbackURL=${encodeURIComponent(callbackURL)}`;
    expect(await call('GET', made)).toMatchObject({
      status: 302,
      location: `${callbackURL}&error=INVALID_TOKEN`,
    });
    expect(await call('GET', '/api/auth/verify-email?token=made-up')).toMatchObject({
      status: 401,
      body: { code: 'INVALID_TOKEN' },
    });
    expect((await call('GET', '/api/auth/get-session')).body).toBeNull();
  });

  it('sends the link again to an unverified address, and answers an unknown one alike', async () => {
    const target = makeTarget();
    const { call } = browser(target);
    const address = email();
    await call('POST', '/api/auth/sign-up/email', credentials(address));
    await linksFor(target, address);
    const again = await call('POST', '/api/auth/send-verification-email', { email: address, callbackURL });
    const unknown = await call('POST', '/api/auth/send-verification-email', { email: email(), callbackURL });
    expect(again).toMatchObject({ status: 200, body: { status: true } });
    expect(unknown).toEqual(again);
    const [, second] = await linksFor(target, address, 2);
    expect(new URL(second?.url ?? '').searchParams.get('callbackURL')).toBe(callbackURL);
    expect(await call('POST', '/api/auth/send-verification-email', { email: 'nope' })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_ERROR' },
    });
  });

  it('refuses to send a link to another address, or to a verified one, for someone signed in', async () => {
    const target = makeTarget();
    const { call } = browser(target);
    const address = email();
    await call('POST', '/api/auth/sign-up/email', credentials(address));
    const [mail] = await linksFor(target, address);
    await call('GET', path(mail?.url ?? ''));
    expect(
      await call('POST', '/api/auth/send-verification-email', { email: email(), callbackURL }),
    ).toMatchObject({ status: 400, body: { code: 'EMAIL_MISMATCH' } });
    expect(
      await call('POST', '/api/auth/send-verification-email', { email: address, callbackURL }),
    ).toMatchObject({ status: 400, body: { code: 'EMAIL_ALREADY_VERIFIED' } });
  });
});
