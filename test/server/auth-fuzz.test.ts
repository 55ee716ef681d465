import { betterAuth } from 'better-auth';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/server/app';
import { createDevOutbox } from '../../examples/server/outbox';
import { createAuthHandler, migrate, profileKitAuthOptions } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';
import { text, wrong } from './fuzz';

// Every better-auth endpoint the reference server exposes, sent the profile API's hostile corpus (NUL,
// lone surrogates, control and bidi characters, long strings, wrong JSON types): never a 5xx.
const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
let database: TestDatabase;
let server: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
  server = createApp({
    db: database.db,
    baseURL: ORIGIN,
    secret: 'auth-fuzz-test-secret-long-enough-for-better-auth',
    outbox: createDevOutbox(() => {}),
    rateLimit: false,
  });
});
afterAll(() => database.close());

let counter = 0;
async function signUp(app = server.app): Promise<string> {
  const response = await app.request('/api/auth/sign-up/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({
      email: `fuzz${++counter}-${Date.now()}@example.test`,
      password: PASSWORD,
      name: 'F',
    }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function post(path: string, body: unknown, cookie?: string) {
  return server.app.request(`/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

describe('given a NUL byte where the database stores or looks up text', () => {
  it.each([
    ['/reset-password', { token: 'a\u0000b', newPassword: 'a long new password' }, false],
    ['/revoke-session', { token: 'a\u0000b' }, true],
    ['/delete-user', { token: 'a\u0000b' }, true],
    ['/update-user', { image: 'https://example.test/\u0000.png' }, true],
    ['/request-password-reset', { email: 'a@example.test', redirectTo: '/\u0000' }, false],
  ])('%s answers 400 INVALID_CHARACTERS naming the field', async (path, body, signedIn) => {
    const response = await post(path, body, signedIn ? await signUp() : undefined);
    expect(response.status).toBe(400);
    const field = Object.keys(body).find((key) =>
      String((body as Record<string, string>)[key]).includes('\u0000'),
    );
    expect(await response.json()).toMatchObject({ code: 'INVALID_CHARACTERS', field });
  });

  it('createAuthHandler answers a data exception better-auth let through with 400 INVALID_INPUT, not 500', async () => {
    // profilekit's options with the hooks taken away: the NUL reaches PostgreSQL (SQLSTATE 22021).
    const bare = betterAuth({
      ...profileKitAuthOptions(),
      hooks: {},
      secret: 'auth-fuzz-test-secret-long-enough-for-better-auth',
      baseURL: ORIGIN,
      database: { db: database.db, type: 'postgres' },
      logger: { disabled: true },
    });
    const request = () =>
      new Request(`${ORIGIN}/api/auth/reset-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ token: 'a\u0000b', newPassword: 'a long new password' }),
      });
    expect((await bare.handler(request())).status).toBe(500);
    const response = await createAuthHandler(bare)(request());
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('given a redirect target that is neither a path from the root nor an absolute URL', () => {
  it.each(['evil', ']^ZH|S:- 8T@Ize${?/_ |fe', '//evil.example/x', '/\\evil.example'])(
    'the verification link with callbackURL %j answers 400 INVALID_CALLBACK_URL, not 500',
    async (callbackURL) => {
      const query = new URLSearchParams({ token: 'not-a-token', callbackURL });
      const response = await server.app.request(`/api/auth/verify-email?${query}`, {
        headers: { origin: ORIGIN },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'INVALID_CALLBACK_URL', field: 'callbackURL' });
    },
  );

  it('a sign-in names errorCallbackURL when that is the malformed one', async () => {
    const response = await post('/sign-in/social', {
      provider: 'github',
      callbackURL: '/ok',
      errorCallbackURL: 'no-slash',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: 'errorCallbackURL' });
  });

  it('a path from the root still gets its redirect, with the error appended', async () => {
    const query = new URLSearchParams({ token: 'not-a-token', callbackURL: '/welcome?from=mail#top' });
    const response = await server.app.request(`/api/auth/verify-email?${query}`, {
      headers: { origin: ORIGIN },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/welcome?from=mail&error=INVALID_TOKEN#top');
  });
});

/** The fields better-auth's endpoints read, each given hostile text or a wrong type. */
const FIELDS = [
  'email',
  'password',
  'newPassword',
  'currentPassword',
  'name',
  'image',
  'token',
  'callbackURL',
  'redirectTo',
  'provider',
  'providerId',
  'accountId',
  'idToken',
  'newEmail',
  'revokeOtherSessions',
  'rememberMe',
];
const huge = fc.string({ minLength: 4_000, maxLength: 6_000 });
const value = fc.oneof(text, wrong, huge);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
  wrong,
  fc.array(value, { maxLength: 3 }),
);

/** A path parameter: the text percent-encoded, or the bytes of a lone surrogate, which has no URI form. */
function pathParameter(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** Paths that end the session they run with; the next request gets a fresh one. */
const ENDING = ['/delete-user', '/sign-out', '/revoke-session', '/revoke-sessions', '/change-password'];

describe('given every better-auth endpoint of the reference server', () => {
  it('answers generated hostile bodies, queries and path parameters without a 5xx', async () => {
    const endpoints = Object.values(
      server.auth.api as Record<string, { path?: string; options?: { method?: unknown } }>,
    )
      .filter((endpoint) => typeof endpoint.path === 'string' && endpoint.path.startsWith('/'))
      .map((endpoint) => {
        const method = endpoint.options?.method;
        const methods = Array.isArray(method) ? method : [method ?? 'GET'];
        return {
          path: endpoint.path as string,
          method: methods.includes('POST') ? 'POST' : String(methods[0]),
        };
      })
      .filter((endpoint) => endpoint.method === 'GET' || endpoint.method === 'POST');
    expect(endpoints.length).toBeGreaterThanOrEqual(30);
    expect(endpoints.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/reset-password', '/revoke-session', '/delete-user', '/update-user']),
    );
    let cookie = await signUp();
    const failures: string[] = [];
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(body, text, fc.boolean(), async (payload, param, signedIn) => {
          const path = endpoint.path.replace(/:[a-zA-Z]+/g, () => pathParameter(param));
          const headers: Record<string, string> = { origin: ORIGIN, ...(signedIn ? { cookie } : {}) };
          let response: Response;
          if (endpoint.method === 'GET') {
            const query = new URLSearchParams();
            if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
              for (const [key, inner] of Object.entries(payload)) query.set(key, String(inner));
            }
            response = await server.app.request(`/api/auth${path}?${query}`, { headers });
          } else {
            response = await server.app.request(`/api/auth${path}`, {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify(payload),
            });
          }
          if (response.status >= 500) {
            failures.push(
              `${endpoint.method} ${path} ${JSON.stringify(payload)?.slice(0, 200)} → ${response.status}`,
            );
          }
          await response.body?.cancel();
          if (signedIn && response.status < 400 && ENDING.includes(endpoint.path)) cookie = await signUp();
        }),
        { numRuns: 20 },
      );
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
