import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/server/app';
import { createDevOutbox, type DevOutbox, type OutboxMessage } from '../../examples/server/outbox';
import { describeUserAgent, migrate } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';
import { fullProfile } from './harness';

// The server side of the account settings (issue 23, and item 9 of issue 20) on the reference server.
const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let database: TestDatabase;
let outbox: DevOutbox;
let app: ReturnType<typeof createApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
  outbox = createDevOutbox(() => {});
  app = createApp({
    db: database.db,
    baseURL: ORIGIN,
    secret: 'settings-test-secret-long-enough!',
    outbox,
  }).app;
});
afterAll(() => database.close());

type App = typeof app;
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
/** The raw session token inside a signed `better-auth.session_token` cookie. */
const tokenOf = (cookie: string) =>
  decodeURIComponent(/session_token=([^;]+)/.exec(cookie)?.[1] ?? '').split('.')[0] ?? '';

function post(server: App, path: string, body: unknown, cookie = '', userAgent = CHROME_MAC) {
  return server.request(`/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, cookie, 'user-agent': userAgent },
    body: JSON.stringify(body),
  });
}
const get = (server: App, path: string, cookie: string) => server.request(path, { headers: { cookie } });

let counter = 0;
async function signUp(server: App = app) {
  const email = `settings${++counter}-${Date.now()}@example.test`;
  const response = await post(server, '/sign-up/email', { email, password: PASSWORD, name: 'Setter' });
  expect(response.status).toBe(200);
  const { user } = (await response.json()) as { user: { id: string } };
  const cookie = cookieOf(response);
  const put = await server.request('/api/profile', {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(fullProfile),
  });
  expect(put.status).toBe(201);
  return { id: user.id, email, cookie };
}

async function signIn(email: string, userAgent: string, server: App = app) {
  const response = await post(server, '/sign-in/email', { email, password: PASSWORD }, '', userAgent);
  expect(response.status).toBe(200);
  return cookieOf(response);
}

async function userRow(id: string) {
  return database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Messages to `to` in the outbox, waiting briefly since they are sent after the answer. */
async function mailTo(to: string, kind?: OutboxMessage['kind']): Promise<OutboxMessage[]> {
  for (let i = 0; i < 50; i++) {
    const found = outbox.messages.filter((m) => m.to === to && (!kind || m.kind === kind));
    if (found.length > 0) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  return [];
}

describe('given a person signed in on three devices', () => {
  it('lists every session with browser, OS and this device marked, and no session token', async () => {
    const person = await signUp();
    const firefox = await signIn(person.email, FIREFOX_LINUX);
    const iphone = await signIn(person.email, SAFARI_IPHONE);
    const response = await get(app, '/api/auth/profilekit/sessions', firefox);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const cookie of [person.cookie, firefox, iphone]) {
      expect(tokenOf(cookie).length).toBeGreaterThan(10);
      expect(text).not.toContain(tokenOf(cookie));
    }
    const { sessions } = JSON.parse(text) as { sessions: Record<string, unknown>[] };
    expect(sessions).toHaveLength(3);
    expect(sessions[0]).toMatchObject({ browser: 'Firefox', os: 'Linux', current: true });
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.map((s) => `${s.browser} on ${s.os}`).sort()).toEqual([
      'Chrome on macOS',
      'Firefox on Linux',
      'Safari on iOS',
    ]);
    for (const session of sessions) {
      expect(Object.keys(session).sort()).toEqual(
        ['browser', 'createdAt', 'current', 'id', 'lastActive', 'os', 'place'].sort(),
      );
      expect(session.id).toMatch(/^[\w-]{22}$/);
    }
    // The stored ids are not what the page sees either.
    const stored = await database.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', person.id)
      .execute();
    for (const { id } of stored) expect(text).not.toContain(id);
  });

  it('leaves no session token in better-auth’s own list-sessions answer', async () => {
    const person = await signUp();
    const other = await signIn(person.email, FIREFOX_LINUX);
    const response = await get(app, '/api/auth/list-sessions', person.cookie);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toHaveLength(2);
    expect(text).not.toContain(tokenOf(person.cookie));
    expect(text).not.toContain(tokenOf(other));
    expect(text).not.toContain('"token"');
  });

  it('ends another device by its opaque id: its next request answers 401, this one stays', async () => {
    const person = await signUp();
    const firefox = await signIn(person.email, FIREFOX_LINUX);
    const { sessions } = (await (await get(app, '/api/auth/profilekit/sessions', person.cookie)).json()) as {
      sessions: { id: string; current: boolean; browser: string }[];
    };
    const target = sessions.find((s) => s.browser === 'Firefox');
    expect(target?.current).toBe(false);
    const revoked = await post(app, '/profilekit/sessions/revoke', { id: target?.id }, person.cookie);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ status: true, current: false });
    expect((await get(app, '/api/profile', firefox)).status).toBe(401);
    expect((await get(app, '/api/profile', person.cookie)).status).toBe(200);
    // Ended already, and an id that was never one: a 404 with a code, never a 5xx.
    for (const id of [target?.id, 'AAAAAAAAAAAAAAAAAAAAAA', 'x'.repeat(64)]) {
      const again = await post(app, '/profilekit/sessions/revoke', { id }, person.cookie);
      expect(again.status).toBe(404);
      expect(await again.json()).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    }
    // A NUL is refused before any route reads it, as on every auth route.
    const nul = await post(app, '/profilekit/sessions/revoke', { id: '\u0000' }, person.cookie);
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ code: 'INVALID_CHARACTERS' });
    for (const body of [{}, { id: 5 }, { id: 'x'.repeat(65) }, { id: ['a'] }]) {
      expect((await post(app, '/profilekit/sessions/revoke', body, person.cookie)).status).toBe(400);
    }
  });

  it('refuses to end someone else’s session, and answers 401 without a session', async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const { sessions } = (await (await get(app, '/api/auth/profilekit/sessions', owner.cookie)).json()) as {
      sessions: { id: string }[];
    };
    const attempt = await post(app, '/profilekit/sessions/revoke', { id: sessions[0]?.id }, stranger.cookie);
    expect(attempt.status).toBe(404);
    expect((await get(app, '/api/profile', owner.cookie)).status).toBe(200);
    expect((await get(app, '/api/auth/profilekit/sessions', '')).status).toBe(401);
    expect((await post(app, '/profilekit/sessions/revoke', { id: sessions[0]?.id })).status).toBe(401);
  });

  it('ends this device when it is the one revoked, clearing its cookie', async () => {
    const person = await signUp();
    const { sessions } = (await (await get(app, '/api/auth/profilekit/sessions', person.cookie)).json()) as {
      sessions: { id: string; current: boolean }[];
    };
    const revoked = await post(app, '/profilekit/sessions/revoke', { id: sessions[0]?.id }, person.cookie);
    expect(await revoked.json()).toEqual({ status: true, current: true });
    expect(revoked.headers.getSetCookie().join(';')).toMatch(/session_token=;/);
    expect((await get(app, '/api/profile', person.cookie)).status).toBe(401);
  });

  it('changes the password and signs the other devices out, keeping this one', async () => {
    const person = await signUp();
    const other = await signIn(person.email, FIREFOX_LINUX);
    const wrong = await post(
      app,
      '/change-password',
      { currentPassword: 'not it', newPassword: 'a new long password', revokeOtherSessions: true },
      person.cookie,
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_PASSWORD' });
    expect((await get(app, '/api/profile', other)).status).toBe(200);
    const changed = await post(
      app,
      '/change-password',
      { currentPassword: PASSWORD, newPassword: 'a new long password', revokeOtherSessions: true },
      person.cookie,
    );
    expect(changed.status).toBe(200);
    expect((await get(app, '/api/profile', other)).status).toBe(401);
    expect((await get(app, '/api/profile', cookieOf(changed))).status).toBe(200);
  });
});

describe('given a verified person changing their email', () => {
  async function verified() {
    const person = await signUp();
    await database.db
      .updateTable('users')
      .set({ email_verified: true })
      .where('id', '=', person.id)
      .execute();
    return person;
  }

  it('asks for the current password first and changes nothing on a wrong one', async () => {
    const person = await verified();
    const newEmail = `new-${person.email}`;
    const missing = await post(app, '/change-email', { newEmail }, person.cookie);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ code: 'REAUTHENTICATION_REQUIRED', method: 'password' });
    const wrong = await post(app, '/change-email', { newEmail, currentPassword: 'not it' }, person.cookie);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_PASSWORD' });
    expect((await userRow(person.id)).email).toBe(person.email);
    expect(await mailTo(newEmail)).toEqual([]);
  });

  it('answers odd re-authentication input with a 4xx and a code, never a 5xx', async () => {
    const person = await verified();
    const newEmail = `odd-${person.email}`;
    for (const currentPassword of [{}, ['a'], 5, null, 'x'.repeat(10_000), '\u0000', '\ud800']) {
      const response = await post(app, '/change-email', { newEmail, currentPassword }, person.cookie);
      expect(response.status, JSON.stringify(currentPassword).slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(['REAUTHENTICATION_REQUIRED', 'INVALID_PASSWORD']).toContain(
        ((await response.json()) as { code: string }).code,
      );
    }
    for (const bad of ['not an email', '\u0000@x.test', 5]) {
      const response = await post(
        app,
        '/change-email',
        { newEmail: bad, currentPassword: PASSWORD },
        person.cookie,
      );
      expect(response.status).toBe(400);
    }
    expect((await userRow(person.id)).email).toBe(person.email);
  });

  it('applies the change only through the link mailed to the new address, and tells the old one', async () => {
    const person = await verified();
    const newEmail = `moved-${person.email}`;
    const asked = await post(
      app,
      '/change-email',
      { newEmail, currentPassword: PASSWORD, callbackURL: `${ORIGIN}/react-app/` },
      person.cookie,
    );
    expect(asked.status).toBe(200);
    expect((await userRow(person.id)).email).toBe(person.email);
    const [notice] = await mailTo(person.email, 'email-change-requested');
    expect(notice?.text).toContain(newEmail);
    const [link] = await mailTo(newEmail, 'verify-email');
    expect(link?.url).toContain('/api/auth/verify-email?token=');
    const followed = await app.request(new URL(link?.url ?? '').pathname + new URL(link?.url ?? '').search);
    expect(followed.status).toBe(302);
    const row = await userRow(person.id);
    expect(row.email).toBe(newEmail);
    expect(row.email_verified).toBe(true);
    // The old address no longer signs in; the new one does, to the same person and profile.
    expect((await post(app, '/sign-in/email', { email: person.email, password: PASSWORD })).status).toBe(401);
    const again = await signIn(newEmail, FIREFOX_LINUX);
    expect(await (await get(app, '/api/profile', again)).json()).toMatchObject(fullProfile);
  });

  it('answers a taken address like a free one, tells only that mailbox, and changes nothing', async () => {
    const person = await verified();
    const owner = await signUp();
    const before = await userRow(person.id);
    const asked = await post(
      app,
      '/change-email',
      { newEmail: owner.email.toUpperCase(), currentPassword: PASSWORD },
      person.cookie,
    );
    expect(asked.status).toBe(200);
    expect(await asked.json()).toEqual({ status: true });
    const [notice] = await mailTo(owner.email, 'email-in-use');
    expect(notice?.text).not.toContain(person.email);
    expect(outbox.messages.filter((m) => m.to === owner.email && m.kind === 'verify-email')).toEqual([]);
    expect(await userRow(person.id)).toEqual(before);
    expect((await userRow(owner.id)).email).toBe(owner.email);
  });

  it('refuses a link whose address another account took meanwhile with a 400', async () => {
    const person = await verified();
    const newEmail = `race-${person.email}`;
    await post(app, '/change-email', { newEmail, currentPassword: PASSWORD }, person.cookie);
    const [link] = await mailTo(newEmail, 'verify-email');
    const taker = await post(app, '/sign-up/email', { email: newEmail, password: PASSWORD, name: 'Taker' });
    expect(taker.status).toBe(200);
    const followed = await app.request(new URL(link?.url ?? '').pathname + new URL(link?.url ?? '').search);
    expect(followed.status).toBe(400);
    expect(await followed.json()).toMatchObject({ code: 'EMAIL_IN_USE' });
    expect((await userRow(person.id)).email).toBe(person.email);
  });

  it('lets an account without a password change it right after signing in, not later', async () => {
    const person = await verified();
    await database.db.deleteFrom('accounts').where('user_id', '=', person.id).execute();
    await database.db
      .insertInto('accounts')
      .values({ id: crypto.randomUUID(), user_id: person.id, account_id: 'gh-1', provider_id: 'github' })
      .execute();
    await database.db
      .updateTable('sessions')
      .set({ created_at: new Date(Date.now() - 60 * 60 * 1000) })
      .where('user_id', '=', person.id)
      .execute();
    const stale = await post(app, '/change-email', { newEmail: `social-${person.email}` }, person.cookie);
    expect(stale.status).toBe(403);
    expect(await stale.json()).toMatchObject({ code: 'REAUTHENTICATION_REQUIRED', method: 'sign-in' });
    await database.db
      .updateTable('sessions')
      .set({ created_at: new Date() })
      .where('user_id', '=', person.id)
      .execute();
    const fresh = await post(app, '/change-email', { newEmail: `social-${person.email}` }, person.cookie);
    expect(fresh.status).toBe(200);
  });
});

describe('given the sign-in methods of a person', () => {
  it('refuses to unlink the last way in, and changes nothing', async () => {
    const person = await signUp();
    const before = await database.db
      .selectFrom('accounts')
      .selectAll()
      .where('user_id', '=', person.id)
      .execute();
    const listed = (await (await get(app, '/api/auth/list-accounts', person.cookie)).json()) as {
      id: string;
    }[];
    expect(listed).toHaveLength(1);
    const response = await post(app, '/unlink-account', { accountId: listed[0]?.id }, person.cookie);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'FAILED_TO_UNLINK_LAST_ACCOUNT' });
    expect(
      await database.db.selectFrom('accounts').selectAll().where('user_id', '=', person.id).execute(),
    ).toEqual(before);
  });
});

describe('given the limiter on', () => {
  let limited: App;
  beforeAll(() => {
    limited = createApp({
      db: database.db,
      baseURL: ORIGIN,
      secret: 'settings-test-secret-long-enough!',
      outbox,
      rateLimit: true,
      // Each request from its own address: the per-address limits stay out of the way of the per-account one.
      trustProxy: 1,
    }).app;
  });

  it('limits email changes per account whatever the address, and deletion removes the counter', async () => {
    const person = await signUp(limited);
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await limited.request('/api/auth/change-email', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: ORIGIN,
          cookie: person.cookie,
          'x-forwarded-for': `203.0.113.${i}`,
        },
        body: JSON.stringify({ newEmail: `limit${i}-${person.email}`, currentPassword: 'wrong guess' }),
      });
      answers.push(response.status);
      if (response.status === 429) {
        expect(await response.json()).toMatchObject({ code: 'RATE_LIMITED' });
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(answers).toEqual([400, 400, 400, 400, 400, 429]);
    const counters = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM rate_limits WHERE key LIKE ${`%${person.id}%`}`.execute(database.db);
    expect(counters.rows[0]?.n).toBe(1);
    const deleted = await post(limited, '/delete-user', { password: PASSWORD }, person.cookie);
    expect(deleted.status).toBe(200);
    const after = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM rate_limits WHERE key LIKE ${`%${person.id}%`}`.execute(database.db);
    expect(after.rows[0]?.n).toBe(0);
  });
});

describe('describeUserAgent', () => {
  it('names the common browsers and systems, and nothing for the rest', () => {
    expect(describeUserAgent(CHROME_MAC)).toEqual({ browser: 'Chrome', os: 'macOS' });
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toEqual({ browser: 'Edge', os: 'Windows' });
    expect(describeUserAgent(SAFARI_IPHONE)).toEqual({ browser: 'Safari', os: 'iOS' });
    expect(describeUserAgent('curl/8.0')).toEqual({ browser: null, os: null });
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
  });
});
