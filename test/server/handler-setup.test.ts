import { betterAuth } from 'better-auth';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createProfileHandler,
  migrate,
  PROFILEKIT_CORS_ALLOW_HEADERS,
  PROFILEKIT_CORS_EXPOSE_HEADERS,
  profileKitAuthOptions,
  profileKitCors,
} from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';
import { fullProfile } from './harness';

// A host that forgets `baseURL` used to get a handler answering 403 ORIGIN_NOT_ALLOWED to every cookie
// write, its own origin included (issue 21). Now the handler refuses to start and says what to set.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
});
afterAll(() => database.close());
afterEach(() => vi.unstubAllEnvs());

const SECRET = 'test-secret-that-is-long-enough-for-better-auth';

function auth(extra: { baseURL?: string; trustedOrigins?: string[] } = {}) {
  return betterAuth({
    ...profileKitAuthOptions(),
    secret: SECRET,
    database: { db: database.db, type: 'postgres' },
    logger: { disabled: true },
    ...extra,
  });
}

function clearBaseUrlEnvironment() {
  for (const name of [
    'BETTER_AUTH_URL',
    'NEXT_PUBLIC_BETTER_AUTH_URL',
    'PUBLIC_BETTER_AUTH_URL',
    'NUXT_PUBLIC_BETTER_AUTH_URL',
    'NUXT_PUBLIC_AUTH_URL',
    'BETTER_AUTH_TRUSTED_ORIGINS',
    'BASE_URL',
  ]) {
    vi.stubEnv(name, '');
  }
}

async function signUpAndWrite(
  instance: ReturnType<typeof auth>,
  handler: (request: Request) => Promise<Response>,
  origin: string,
  server = 'http://localhost:3000',
) {
  const signUp = await instance.handler(
    new Request(`${server}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({
        email: `setup-${Math.random().toString(36).slice(2)}@example.test`,
        password: 'correct horse battery',
        name: 'Setup Person',
      }),
    }),
  );
  // better-auth refuses a sign-up from an origin it does not trust; the write is then made with no session.
  if (origin !== 'http://evil.example') expect(signUp.status).toBe(200);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return handler(
    new Request(`${server}/api/profile`, {
      method: 'PUT',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: JSON.stringify(fullProfile),
    }),
  );
}

describe('given a better-auth instance that names no origin', () => {
  it('throws at creation, naming baseURL and trustedOrigins', () => {
    clearBaseUrlEnvironment();
    expect(() => createProfileHandler({ auth: auth(), db: database.db })).toThrow(
      /no origin to trust.*`baseURL`.*`trustedOrigins`/s,
    );
  });

  it('throws for a session source with no options either', () => {
    clearBaseUrlEnvironment();
    const source = { api: { getSession: async () => null } };
    expect(() => createProfileHandler({ auth: source, db: database.db })).toThrow(/trustedOrigins/);
  });

  it('starts when trustedOrigins is passed to the handler, and trusts exactly that list', async () => {
    clearBaseUrlEnvironment();
    const instance = auth({ trustedOrigins: ['http://localhost:5173'] });
    const handler = createProfileHandler({
      auth: instance,
      db: database.db,
      trustedOrigins: ['http://localhost:5173'],
    });
    expect((await signUpAndWrite(instance, handler, 'http://localhost:5173')).status).toBe(201);
  });

  it("starts when better-auth's BETTER_AUTH_URL names one, and trusts that origin", async () => {
    clearBaseUrlEnvironment();
    vi.stubEnv('BETTER_AUTH_URL', 'http://localhost:3000');
    const instance = auth();
    const handler = createProfileHandler({ auth: instance, db: database.db });
    expect((await signUpAndWrite(instance, handler, 'http://localhost:3000')).status).toBe(201);
  });
});

describe('given a better-auth instance with baseURL and trustedOrigins and no handler option', () => {
  it("accepts writes from better-auth's trusted page origin and refuses others with 403", async () => {
    clearBaseUrlEnvironment();
    const instance = auth({ baseURL: 'http://localhost:3000', trustedOrigins: ['http://localhost:5173'] });
    const handler = createProfileHandler({ auth: instance, db: database.db });
    expect((await signUpAndWrite(instance, handler, 'http://localhost:5173')).status).toBe(201);
    expect((await signUpAndWrite(instance, handler, 'http://localhost:3000')).status).toBe(201);
    const foreign = await signUpAndWrite(instance, handler, 'http://evil.example');
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).code).toBe('ORIGIN_NOT_ALLOWED');
  });
});

describe('GET /api/profile/config', () => {
  it('says whether better-auth can mail reset and verification links, with no session needed', async () => {
    clearBaseUrlEnvironment();
    const bare = createProfileHandler({ auth: auth({ baseURL: 'http://localhost:3000' }), db: database.db });
    const without = await bare(new Request('http://localhost:3000/api/profile/config'));
    expect(without.status).toBe(200);
    expect(await without.json()).toEqual({ passwordReset: false, emailVerification: false });

    const mailing = betterAuth({
      ...profileKitAuthOptions({ sendResetPassword: () => {}, sendVerificationEmail: () => {} }),
      secret: SECRET,
      baseURL: 'http://localhost:3000',
      database: { db: database.db, type: 'postgres' },
      logger: { disabled: true },
    });
    const handler = createProfileHandler({ auth: mailing, db: database.db });
    const answer = await handler(new Request('http://localhost:3000/api/profile/config'));
    expect(await answer.json()).toEqual({ passwordReset: true, emailVerification: true });
    const put = await handler(new Request('http://localhost:3000/api/profile/config', { method: 'PUT' }));
    expect(put.status).toBe(405);
  });
});

describe('profileKitCors', () => {
  function app() {
    const hono = new Hono();
    hono.use('/api/*', cors(profileKitCors(['http://localhost:5173'])));
    hono.put('/api/profile', (c) => c.json({ ok: true }));
    return hono;
  }

  it("answers a trusted page's preflight for the sign-up's create-only save", async () => {
    const response = await app().request('/api/profile', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type,if-none-match',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const allowed = response.headers.get('access-control-allow-headers')?.split(',') ?? [];
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'if-none-match', 'if-match']));
    expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('exposes the headers the components read (etag, retry-after) to a trusted page', async () => {
    const response = await app().request('/api/profile', {
      method: 'PUT',
      headers: { origin: 'http://localhost:5173' },
    });
    const exposed = response.headers.get('access-control-expose-headers')?.split(',') ?? [];
    expect(exposed).toEqual(
      expect.arrayContaining(['etag', 'retry-after', 'x-retry-after', 'set-auth-token']),
    );
  });

  it('gives an untrusted or opaque origin no CORS headers', async () => {
    for (const origin of ['http://evil.example', 'null', 'http://localhost:5173.evil.example']) {
      const response = await app().request('/api/profile', { method: 'PUT', headers: { origin } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('cannot be changed for everyone by changing one answer', () => {
    const first = profileKitCors(['http://a.example']);
    first.allowHeaders.pop();
    expect(profileKitCors(['http://a.example']).allowHeaders).toEqual([...PROFILEKIT_CORS_ALLOW_HEADERS]);
    expect(Object.isFrozen(PROFILEKIT_CORS_EXPOSE_HEADERS)).toBe(true);
  });
});
