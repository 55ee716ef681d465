import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/server/app';
import { createDevOutbox } from '../../examples/server/outbox';
import { migrate, profileKitAuthOptions } from '../../src/server';
import { secretOf, totpCode } from '../totp';
import { createTestDatabase, type TestDatabase } from './db';
import { fullProfile } from './harness';

// Two-factor sign-in (issue 24, item 1) on the reference server, which turns it on: the factor cannot be
// skipped, wrong codes are counted per account in the database, a backup code works once.
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
    secret: 'two-factor-test-secret-long-enough!',
    outbox: createDevOutbox(() => {}),
  }).app;
});
afterAll(() => database.close());

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .filter((c) => !/max-age=0/i.test(c))
    .map((c) => c.split(';')[0])
    .join('; ');

function post(path: string, body: unknown, cookie = '') {
  return app.request(`/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, cookie },
    body: JSON.stringify(body),
  });
}
const profile = (cookie: string, method = 'GET', body?: unknown) =>
  app.request('/api/profile', {
    method,
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

let counter = 0;
/** A person with a profile and two-factor on, confirmed with a code from their "app". */
async function personWithTwoFactor() {
  const email = `two-factor${++counter}-${Date.now()}@example.test`;
  const signUp = await post('/sign-up/email', { email, password: PASSWORD, name: 'Ada' });
  expect(signUp.status).toBe(200);
  let cookie = cookieOf(signUp);
  expect((await profile(cookie, 'PUT', fullProfile)).status).toBe(201);
  const enable = await post('/two-factor/enable', { password: PASSWORD }, cookie);
  expect(enable.status).toBe(200);
  const { totpURI, backupCodes } = (await enable.json()) as { totpURI: string; backupCodes: string[] };
  const secret = secretOf(totpURI);
  // Not on until the first code confirms the secret: sign-in still goes straight through.
  const before = await post('/sign-in/email', { email, password: PASSWORD });
  expect(await before.json()).toMatchObject({ user: { email } });
  const confirm = await post('/two-factor/verify-totp', { code: totpCode(secret) }, cookie);
  expect(confirm.status).toBe(200);
  cookie = cookieOf(confirm) || cookie;
  return { email, secret, backupCodes, cookie };
}

/** The password step: no session, only the challenge's cookie. */
async function passwordStep(email: string) {
  const response = await post('/sign-in/email', { email, password: PASSWORD });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ twoFactorRedirect: true, twoFactorMethods: ['totp'] });
  const cookie = cookieOf(response);
  expect(cookie).not.toMatch(/session_token=/);
  expect(cookie).toMatch(/two_factor=/);
  return cookie;
}

describe('given a person with two-factor on', () => {
  it('enables it in two steps: the secret and ten backup codes, then a code from the app', async () => {
    const person = await personWithTwoFactor();
    expect(person.backupCodes).toHaveLength(10);
    expect(new Set(person.backupCodes).size).toBe(10);
    const row = await database.db
      .selectFrom('users')
      .select('two_factor_enabled')
      .where('email', '=', person.email)
      .executeTakeFirstOrThrow();
    expect(row.two_factor_enabled).toBe(true);
    // The secret and codes are stored encrypted, never as given.
    const stored = await database.db.selectFrom('two_factors').selectAll().execute();
    const text = JSON.stringify(stored);
    expect(text).not.toContain(person.secret);
    for (const code of person.backupCodes) expect(text).not.toContain(code);
  });

  it('gives no session after the password: no profile read or write works until the code is given', async () => {
    const person = await personWithTwoFactor();
    const challenge = await passwordStep(person.email);
    expect((await profile(challenge)).status).toBe(401);
    expect((await profile(challenge, 'PATCH', { frameworks: ['Flask'] })).status).toBe(401);
    const session = await app.request('/api/auth/get-session', { headers: { cookie: challenge } });
    expect(await session.json()).toBeNull();
    // Settings that need a session are refused too.
    expect((await post('/two-factor/disable', { password: PASSWORD }, challenge)).status).toBe(401);
    expect(
      (await post('/change-password', { currentPassword: PASSWORD, newPassword: 'another one!' }, challenge))
        .status,
    ).toBe(401);

    const verified = await post('/two-factor/verify-totp', { code: totpCode(person.secret) }, challenge);
    expect(verified.status).toBe(200);
    const cookie = cookieOf(verified);
    expect(cookie).toMatch(/session_token=/);
    const read = await profile(cookie);
    expect(read.status).toBe(200);
    // The challenge is spent with the sign-in: its cookie cannot make a second session.
    expect((await post('/two-factor/verify-totp', { code: totpCode(person.secret) }, challenge)).status).toBe(
      401,
    );
  });

  it('refuses a wrong code, counts it in the database, and locks the account after ten', async () => {
    const person = await personWithTwoFactor();
    let challenge = await passwordStep(person.email);
    const wrong = String((Number(totpCode(person.secret)) + 1) % 1_000_000).padStart(6, '0');
    const refused = await post('/two-factor/verify-totp', { code: wrong }, challenge);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'INVALID_CODE' });
    const count = async () =>
      (
        await database.db
          .selectFrom('two_factors')
          .innerJoin('users', 'users.id', 'two_factors.user_id')
          .select('failed_verification_count')
          .where('users.email', '=', person.email)
          .executeTakeFirstOrThrow()
      ).failed_verification_count;
    expect(await count()).toBe(1);
    // Five tries per challenge, ten per account: a new challenge (another device) does not reset it.
    for (let i = 1; i < 10; i++) {
      if (i % 5 === 0) challenge = await passwordStep(person.email);
      await post('/two-factor/verify-totp', { code: wrong }, challenge);
    }
    expect(await count()).toBe(10);
    challenge = await passwordStep(person.email);
    const locked = await post('/two-factor/verify-totp', { code: totpCode(person.secret) }, challenge);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ code: 'ACCOUNT_TEMPORARILY_LOCKED' });
  });

  it('takes a backup code once', async () => {
    const person = await personWithTwoFactor();
    const code = person.backupCodes[0] ?? '';
    const first = await post('/two-factor/verify-backup-code', { code }, await passwordStep(person.email));
    expect(first.status).toBe(200);
    expect(cookieOf(first)).toMatch(/session_token=/);
    const again = await post('/two-factor/verify-backup-code', { code }, await passwordStep(person.email));
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: 'INVALID_BACKUP_CODE' });
  });

  it('skips the code on a device the person chose to trust, and only there', async () => {
    const person = await personWithTwoFactor();
    const challenge = await passwordStep(person.email);
    const verified = await post(
      '/two-factor/verify-totp',
      { code: totpCode(person.secret), trustDevice: true },
      challenge,
    );
    const trusted = cookieOf(verified)
      .split('; ')
      .filter((c) => c.includes('trust_device'))
      .join('; ');
    expect(trusted).toMatch(/trust_device=/);
    const again = await post('/sign-in/email', { email: person.email, password: PASSWORD }, trusted);
    expect(await again.json()).toMatchObject({ user: { email: person.email } });
    // Another browser still gets the challenge.
    await passwordStep(person.email);
  });

  it('asks for the password before new backup codes or turning it off', async () => {
    const person = await personWithTwoFactor();
    const wrong = await post(
      '/two-factor/generate-backup-codes',
      { password: 'not it at all' },
      person.cookie,
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_PASSWORD' });
    const fresh = await post('/two-factor/generate-backup-codes', { password: PASSWORD }, person.cookie);
    expect(fresh.status).toBe(200);
    const { backupCodes } = (await fresh.json()) as { backupCodes: string[] };
    expect(backupCodes).toHaveLength(10);
    // The old codes stop working.
    const old = await post(
      '/two-factor/verify-backup-code',
      { code: person.backupCodes[1] },
      await passwordStep(person.email),
    );
    expect(old.status).toBe(401);

    expect((await post('/two-factor/disable', {}, person.cookie)).status).toBe(400);
    const off = await post('/two-factor/disable', { password: PASSWORD }, person.cookie);
    expect(off.status).toBe(200);
    const direct = await post('/sign-in/email', { email: person.email, password: PASSWORD });
    expect(await direct.json()).toMatchObject({ user: { email: person.email } });
  });

  it('answers malformed codes and bodies with a 4xx, never a 5xx', async () => {
    const person = await personWithTwoFactor();
    const challenge = await passwordStep(person.email);
    const bodies: unknown[] = [
      {},
      { code: 123456 },
      { code: null },
      { code: '' },
      { code: 'x'.repeat(10_000) },
      { code: ['123456'] },
      { code: '123456', trustDevice: 'yes' },
      'not an object',
    ];
    for (const path of ['/two-factor/verify-totp', '/two-factor/verify-backup-code']) {
      for (const body of bodies) {
        const response = await post(path, body, challenge);
        expect(response.status, `${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    }
    for (const body of [{}, { password: 5 }, { password: PASSWORD, issuer: { x: 1 } }]) {
      const response = await post('/two-factor/enable', body, person.cookie);
      expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.status, JSON.stringify(body)).toBeLessThan(500);
    }
    // Without any challenge cookie.
    expect((await post('/two-factor/verify-totp', { code: '123456' })).status).toBe(401);
  });

  it('says in the profile config that two-factor is on, with the days a device is trusted', async () => {
    const response = await app.request('/api/profile/config');
    expect(await response.json()).toMatchObject({ twoFactor: { trustDeviceDays: 30 } });
  });
});

describe('profileKitAuthOptions({ twoFactor })', () => {
  it('adds nothing while off', () => {
    const ids = profileKitAuthOptions().plugins.map((p) => p.id);
    expect(ids).not.toContain('two-factor');
    expect(profileKitAuthOptions({ twoFactor: true }).plugins.map((p) => p.id)).toContain('two-factor');
  });

  it('refuses settings that are not positive numbers, naming them', () => {
    for (const bad of [
      { trustDeviceDays: 0 },
      { lockMinutes: -1 },
      { maxFailedCodes: 2.5 },
      { challengeMinutes: Number.NaN },
    ]) {
      expect(() => profileKitAuthOptions({ twoFactor: bad })).toThrow(/twoFactor\.\w+/);
    }
  });
});
