import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/server/app';
import { migrate } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';

const ORIGIN = 'http://localhost:3000';
let database: TestDatabase;
let app: ReturnType<typeof createApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
  app = createApp({ db: database.db, baseURL: ORIGIN, secret: 'example-app-test-secret-long-enough' }).app;
});
afterAll(() => database.close());

describe('given the reference server', () => {
  it('serves the example page', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>profilekit reference server</h1>');
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
      headers: { cookie, 'content-type': 'application/json' },
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
});
