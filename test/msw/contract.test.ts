import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockBackend } from '../../src/msw';
import { BASE, createHarness, fullProfile, type Harness } from '../server/harness';

/**
 * The same scenarios run against the real server half (better-auth + createProfileHandler on a database)
 * and the mock backend of profilekit/msw: the mock must keep the real contract.
 */
interface Target {
  fetch(request: Request): Promise<Response>;
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
    expect((await send('/api/profile', { headers: bearer })).status).toBe(404);
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

  it('keeps the profile contract: 404, create, read, replace, patch, conflicts', async () => {
    const { call } = browser(makeTarget());
    await call('POST', '/api/auth/sign-up/email', credentials(email()));
    expect(await call('GET', '/api/profile')).toMatchObject({
      status: 404,
      body: { code: 'PROFILE_NOT_FOUND' },
    });
    expect(await call('PATCH', '/api/profile', { devices: [] })).toMatchObject({ status: 404 });

    const created = await call('PUT', '/api/profile', fullProfile);
    expect(created).toMatchObject({ status: 201, etag: '"v1"' });
    expect(withoutTimestamps(created.body)).toEqual(fullProfile);
    const read = await call('GET', '/api/profile');
    expect(read).toMatchObject({ status: 200, etag: '"v1"' });
    expect(withoutTimestamps(read.body)).toEqual(fullProfile);

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
    expect(withoutTimestamps((await call('GET', '/api/profile')).body)).toEqual(fullProfile);
  });
});
