import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';
import { address, call, type MailingAuth, mailCount, mailingAuth, PASSWORD } from './support/auth-calls';

// One live reset: a reset or a password change ends every other pending link. And a reset request answers
// before any work that depends on the address.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
});
afterAll(() => database.close());

async function signUp(auth: MailingAuth, email: string) {
  const answer = await call(auth, 'POST', '/sign-up/email', { email, password: PASSWORD, name: 'R' });
  expect(answer.status).toBe(200);
  return answer;
}

const resetWith = (auth: MailingAuth, token: string, newPassword: string) =>
  call(auth, 'POST', '/reset-password', { token, newPassword });

describe('given three pending reset links', () => {
  it('a reset with one refuses the other two with INVALID_TOKEN, and the password stays the new one', async () => {
    const { auth, mail } = mailingAuth(database);
    const email = address('reset');
    await signUp(auth, email);
    for (let i = 0; i < 3; i++) await call(auth, 'POST', '/request-password-reset', { email });
    await mailCount(mail, 3);
    const [first, second, third] = mail.map((m) => m.token);
    expect((await resetWith(auth, second as string, 'the-recovered-password')).status).toBe(200);
    for (const token of [first, third]) {
      expect(await resetWith(auth, token as string, 'the-attackers-password')).toMatchObject({
        status: 400,
        body: { code: 'INVALID_TOKEN' },
      });
    }
    expect(
      (await call(auth, 'POST', '/sign-in/email', { email, password: 'the-recovered-password' })).status,
    ).toBe(200);
  });

  it('a password change refuses every pending link', async () => {
    const { auth, mail } = mailingAuth(database);
    const email = address('change');
    const { cookie } = await signUp(auth, email);
    for (let i = 0; i < 2; i++) await call(auth, 'POST', '/request-password-reset', { email });
    await mailCount(mail, 2);
    const changed = await call(
      auth,
      'POST',
      '/change-password',
      { currentPassword: PASSWORD, newPassword: 'a-changed-password' },
      cookie,
    );
    expect(changed.status).toBe(200);
    for (const { token } of mail) {
      expect((await resetWith(auth, token, 'the-attackers-password')).body).toMatchObject({
        code: 'INVALID_TOKEN',
      });
    }
  });

  it('leaves other people’s links alone', async () => {
    const { auth, mail } = mailingAuth(database);
    const [one, other] = [address('one'), address('other')];
    await signUp(auth, one);
    await signUp(auth, other);
    await call(auth, 'POST', '/request-password-reset', { email: one });
    await call(auth, 'POST', '/request-password-reset', { email: other });
    await mailCount(mail, 2);
    const [mine, theirs] = [mail.find((m) => m.user.email === one), mail.find((m) => m.user.email === other)];
    expect((await resetWith(auth, mine?.token as string, 'a-new-password-1')).status).toBe(200);
    expect((await resetWith(auth, theirs?.token as string, 'a-new-password-2')).status).toBe(200);
  });
});

describe('given an account with a provider identity linked', () => {
  async function withProvider(auth: MailingAuth, email: string, verified: boolean) {
    const { body } = await signUp(auth, email);
    const userId = (body as { user: { id: string } }).user.id;
    // As an identity whose provider vouched for nothing would have been linked before it was refused.
    await sql`INSERT INTO accounts (user_id, account_id, provider_id) VALUES (${userId}, ${`sub-${userId}`}, 'attacker-oidc')`.execute(
      database.db,
    );
    await sql`UPDATE users SET email_verified = ${verified} WHERE id = ${userId}`.execute(database.db);
    return userId;
  }
  const providers = async (userId: string) =>
    (
      await sql<{
        provider_id: string;
      }>`SELECT provider_id FROM accounts WHERE user_id = ${userId} ORDER BY provider_id`.execute(database.db)
    ).rows.map((row) => row.provider_id);

  it('a reset of an address never verified removes every other sign-in method', async () => {
    const { auth, mail } = mailingAuth(database);
    const email = address('claimed');
    const userId = await withProvider(auth, email, false);
    await call(auth, 'POST', '/request-password-reset', { email });
    await mailCount(mail, 1);
    expect((await resetWith(auth, mail[0]?.token as string, 'the-owners-password')).status).toBe(200);
    expect(await providers(userId)).toEqual(['credential']);
  });

  it('a reset of a verified address keeps them', async () => {
    const { auth, mail } = mailingAuth(database);
    const email = address('verified');
    const userId = await withProvider(auth, email, true);
    await call(auth, 'POST', '/request-password-reset', { email });
    await mailCount(mail, 1);
    expect((await resetWith(auth, mail[0]?.token as string, 'the-owners-password')).status).toBe(200);
    expect(await providers(userId)).toEqual(['attacker-oidc', 'credential']);
  });
});

describe('given a reset request', () => {
  it('answers known and unknown addresses before touching the database: the same answer with the tables locked', async () => {
    const { auth, mail } = mailingAuth(database);
    const known = address('known');
    await signUp(auth, known);
    // Another connection holds every table the request would read or write: any query would wait.
    const locker = database.connect();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const transaction = locker.transaction().execute(async (trx) => {
      await sql`LOCK TABLE users, accounts, verifications IN ACCESS EXCLUSIVE MODE`.execute(trx);
      locked();
      await held;
    });
    await isLocked;
    try {
      const answers = await Promise.all(
        [known, address('unknown')].map((email) =>
          Promise.race([
            call(auth, 'POST', '/request-password-reset', { email }),
            new Promise((resolve) => setTimeout(() => resolve('waited for the database'), 5_000)),
          ]),
        ),
      );
      expect(answers[0]).toEqual(answers[1]);
      expect(answers[0]).toMatchObject({ status: 200, body: { status: true } });
      expect(mail).toHaveLength(0);
    } finally {
      release();
      await transaction;
    }
    // The known address gets its link once the tables are free.
    await mailCount(mail, 1);
    expect(mail[0]?.user.email).toBe(known);
  });
});
