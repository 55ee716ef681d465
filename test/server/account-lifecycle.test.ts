import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/server/app';
import { createDevOutbox } from '../../examples/server/outbox';
import { migrate } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';
import { fullProfile } from './harness';

// Account deletion and the data export on the reference server, which takes better-auth's options from
// profileKitAuthOptions alone (no deleteUser setting of its own).
const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
let database: TestDatabase;
let app: ReturnType<typeof createApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
  app = createApp({
    db: database.db,
    baseURL: ORIGIN,
    secret: 'lifecycle-test-secret-long-enough',
    // Reset links and the counters kept per account and per recipient: rows that name the person by value.
    outbox: createDevOutbox(() => {}),
    rateLimit: true,
  }).app;
});
afterAll(() => database.close());

let counter = 0;
async function signUp() {
  const email = `leaver${++counter}-${Date.now()}@example.test`;
  const response = await app.request('/api/auth/sign-up/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password: PASSWORD, name: 'Leaver' }),
  });
  expect(response.status).toBe(200);
  const { user } = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const put = await app.request('/api/profile', {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(fullProfile),
  });
  expect(put.status).toBe(201);
  return { id: user.id, email, cookie };
}

function deleteUser(cookie: string, body: Record<string, unknown>) {
  return app.request('/api/auth/delete-user', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });
}

/**
 * Rows in every table of the schema where any column mentions the person's id, their email, or the SHA-256
 * of their email (how rate_limits keys name them).
 */
async function rowsMentioning(person: { id: string; email: string }): Promise<Record<string, number>> {
  const hash = createHash('sha256').update(person.email.toLowerCase()).digest('hex');
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = ${database.schema} AND table_type = 'BASE TABLE'`.execute(database.db);
  expect(tables.rows.map((t) => t.table_name)).toEqual(
    expect.arrayContaining(['users', 'sessions', 'accounts', 'verifications', 'user_profiles']),
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table_name)} AS t
      WHERE t::text LIKE ${`%${person.id}%`} OR t::text ILIKE ${`%${person.email}%`}
        OR t::text LIKE ${`%${hash}%`}`.execute(database.db);
    counts[table_name] = rows[0]?.n ?? -1;
  }
  return counts;
}

const sessionOf = async (cookie: string) =>
  (await app.request('/api/auth/get-session', { headers: { cookie } })).json();

describe('given a signed-in person with a profile', () => {
  it('refuses a wrong password with INVALID_PASSWORD and deletes nothing', async () => {
    const person = await signUp();
    const response = await deleteUser(person.cookie, { password: 'not my password' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_PASSWORD' });
    expect((await app.request('/api/profile', { headers: { cookie: person.cookie } })).status).toBe(200);
    expect((await rowsMentioning(person)).users).toBe(1);
  });

  it('refuses a stale session without the password (SESSION_EXPIRED) and deletes nothing', async () => {
    const person = await signUp();
    // better-auth lets a session delete without a password only within `freshAge` (a day) of signing in.
    await sql`UPDATE sessions SET created_at = now() - interval '2 days' WHERE user_id = ${person.id}`.execute(
      database.db,
    );
    const response = await deleteUser(person.cookie, {});
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect((await rowsMentioning(person)).user_profiles).toBe(1);
  });

  it('deletes with the password: no row about the person is left in any table, the old session is refused', async () => {
    const person = await signUp();
    const before = await rowsMentioning(person);
    expect(before).toMatchObject({ users: 1, sessions: 1, accounts: 1, user_profiles: 1 });

    const response = await deleteUser(person.cookie, { password: PASSWORD });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, message: 'User deleted' });

    const after = await rowsMentioning(person);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(await sessionOf(person.cookie)).toBeNull();
    const profile = await app.request('/api/profile', { headers: { cookie: person.cookie } });
    expect(profile.status).toBe(401);
    expect(await profile.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const exported = await app.request('/api/profile/export', { headers: { cookie: person.cookie } });
    expect(exported.status).toBe(401);

    // Deleting twice: the old session no longer names anyone.
    const again = await deleteUser(person.cookie, { password: PASSWORD });
    expect(again.status).toBe(401);
  });

  it('deletes what names the person by value: a pending reset link, the failed sign-in and mail counters', async () => {
    const person = await signUp();
    const post = (path: string, body: unknown) =>
      app.request(`/api/auth${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify(body),
      });
    expect((await post('/request-password-reset', { email: person.email })).status).toBe(200);
    expect((await post('/sign-in/email', { email: person.email, password: 'a wrong password' })).status).toBe(
      401,
    );
    await expect.poll(async () => (await rowsMentioning(person)).verifications, { timeout: 5_000 }).toBe(1);
    expect((await rowsMentioning(person)).rate_limits).toBe(2);

    expect((await deleteUser(person.cookie, { password: PASSWORD })).status).toBe(200);
    expect(await rowsMentioning(person)).toEqual(
      Object.fromEntries(Object.keys(await rowsMentioning(person)).map((table) => [table, 0])),
    );
  });

  it('deletes a fresh session without a password', async () => {
    const person = await signUp();
    const response = await deleteUser(person.cookie, {});
    expect(response.status).toBe(200);
    expect(Object.values(await rowsMentioning(person)).every((n) => n === 0)).toBe(true);
  });

  it('leaves other people untouched', async () => {
    const stays = await signUp();
    const leaves = await signUp();
    expect((await deleteUser(leaves.cookie, { password: PASSWORD })).status).toBe(200);
    expect(await rowsMentioning(stays)).toMatchObject({
      users: 1,
      sessions: 1,
      accounts: 1,
      user_profiles: 1,
    });
    expect((await app.request('/api/profile', { headers: { cookie: stays.cookie } })).status).toBe(200);
  });
});

describe('given the data export', () => {
  it('gives the account, sign-in methods, sessions and profile as a JSON file, without secrets', async () => {
    const person = await signUp();
    const response = await app.request('/api/profile/export', { headers: { cookie: person.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="profilekit-my-data.json"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data).toMatchObject({
      format: 'profilekit-export/1',
      user: { id: person.id, email: person.email, name: 'Leaver', emailVerified: false, image: null },
      accounts: [{ providerId: 'credential', accountId: person.id, scope: null }],
      sessions: [{ createdAt: expect.any(String), expiresAt: expect.any(String) }],
      profile: { ...fullProfile, languages: fullProfile.languages },
    });
    expect(Object.keys(data).sort()).toEqual(
      ['accounts', 'answers', 'exportedAt', 'format', 'profile', 'sessions', 'user'].sort(),
    );
    // No host questions were answered: the labelled list is empty.
    expect(data.answers).toEqual([]);
    // No password hash and no session token travel in the file.
    const secrets = await sql<{ password_hash: string; token: string }>`
      SELECT a.password_hash, s.token FROM accounts a JOIN sessions s ON s.user_id = a.user_id
      WHERE a.user_id = ${person.id}`.execute(database.db);
    const [row] = secrets.rows;
    expect(row?.password_hash).toBeTruthy();
    expect(text).not.toContain(row?.password_hash);
    expect(text).not.toContain(row?.token);
    expect(text).not.toMatch(/password|token/i);
  });

  it('gives a person without a profile `profile: null`', async () => {
    const person = await signUp();
    await sql`DELETE FROM user_profiles WHERE user_id = ${person.id}`.execute(database.db);
    const response = await app.request('/api/profile/export', { headers: { cookie: person.cookie } });
    expect(await response.json()).toMatchObject({ user: { id: person.id }, profile: null });
  });

  it('answers 401 UNAUTHENTICATED to nobody and 405 to other methods', async () => {
    const anonymous = await app.request('/api/profile/export');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const person = await signUp();
    const post = await app.request('/api/profile/export', {
      method: 'POST',
      headers: { cookie: person.cookie, origin: ORIGIN },
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect(await post.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
  });
});
