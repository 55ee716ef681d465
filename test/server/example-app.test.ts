import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/server/app';
import { migrate } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';

const ORIGIN = 'http://localhost:3000';
const HOST_PAGE = 'http://127.0.0.1:4000';
let database: TestDatabase;
let app: ReturnType<typeof createApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
  app = createApp({
    db: database.db,
    baseURL: ORIGIN,
    secret: 'example-app-test-secret-long-enough',
    trustedOrigins: [HOST_PAGE],
  }).app;
});
afterAll(() => database.close());

describe('given the reference server', () => {
  it('serves an index of the demo pages at /, and the API console', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    const index = await response.text();
    for (const page of ['/react-app/', '/host-page/', '/dev/outbox', '/api-console/']) {
      expect(index).toContain(`href="${page}"`);
    }
    expect(index).toContain('prefers-color-scheme: dark');
    const console = await app.request('/api-console/');
    expect(await console.text()).toContain('<h1>profilekit API console</h1>');
  });

  it('shows one host question of each kind in its questionnaire’s schema', async () => {
    const response = await app.request('/api/profile/schema');
    expect(response.status).toBe(200);
    const schema = (await response.json()) as {
      properties: { answers: { properties: Record<string, { type?: string; oneOf?: unknown[] }> } };
    };
    const answers = schema.properties.answers.properties;
    expect(Object.keys(answers)).toEqual(expect.arrayContaining(['courses', 'gpu', 'hoursPerWeek', 'tools']));
    expect(answers.hoursPerWeek?.type).toBe('number');
    expect(answers.tools?.type).toBe('array');
  });

  it('signs a person up, saves and reads their profile, and signs them out', async () => {
    const signUp = await app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'example@example.test', password: 'password123', name: 'Example' }),
    });
    expect(signUp.status).toBe(200);
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const put = await app.request('/api/profile', {
      method: 'PUT',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ languages: [{ language: 'Go', level: 'expert' }], frameworks: ['Gin'] }),
    });
    expect(put.status).toBe(201);
    const get = await app.request('/api/profile', { headers: { cookie } });
    expect(await get.json()).toMatchObject({
      languages: [{ language: 'Go', level: 'expert' }],
      frameworks: ['Gin'],
    });

    const signOut = await app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    expect((await app.request('/api/profile', { headers: { cookie } })).status).toBe(401);
  });

  it('works in bearer mode: the token from set-auth-token opens the profile API without cookies', async () => {
    const signUp = await app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: HOST_PAGE },
      body: JSON.stringify({ email: 'bearer@example.test', password: 'password123', name: 'Bearer' }),
    });
    expect(signUp.status).toBe(200);
    const token = signUp.headers.get('set-auth-token');
    expect(token).toBeTruthy();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const put = await app.request('/api/profile', {
      method: 'PUT',
      headers,
      body: JSON.stringify({ languages: [], frameworks: ['Hono'] }),
    });
    expect(put.status).toBe(201);
    expect(
      (await app.request('/api/profile', { headers: { authorization: 'Bearer not-a-real-token' } })).status,
    ).toBe(401);
  });

  it('answers CORS preflights with credentials for trusted origins only', async () => {
    const preflight = (origin: string) =>
      app.request('/api/profile', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'if-match,content-type',
        },
      });
    const trusted = await preflight(HOST_PAGE);
    expect(trusted.headers.get('access-control-allow-origin')).toBe(HOST_PAGE);
    expect(trusted.headers.get('access-control-allow-credentials')).toBe('true');
    expect(trusted.headers.get('access-control-allow-methods')).toContain('PATCH');
    const untrusted = await preflight('https://evil.example');
    expect(untrusted.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets SameSite=None; Secure; Partitioned cookies when host pages live on another site', async () => {
    const crossSite = createApp({
      db: database.db,
      baseURL: ORIGIN,
      secret: 'example-app-test-secret-long-enough',
      trustedOrigins: [HOST_PAGE],
      crossSiteCookies: true,
    }).app;
    const response = await crossSite.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: HOST_PAGE },
      body: JSON.stringify({ email: 'cross@example.test', password: 'password123', name: 'Cross' }),
    });
    const session = response.headers.getSetCookie().find((c) => c.includes('session_token'));
    expect(session).toMatch(/SameSite=None/i);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/Partitioned/);
  });

  it('refuses auth bodies past its cap with 413 before better-auth reads them (a 10 MB name)', async () => {
    const response = await app.request('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({
        email: 'big@example.test',
        password: 'password123',
        name: 'n'.repeat(10_000_000),
      }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe('PAYLOAD_TOO_LARGE');
    const users = await database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'big@example.test')
      .execute();
    expect(users).toEqual([]);
  });
});
