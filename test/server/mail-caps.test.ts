import { betterAuth } from 'better-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthHandler, migrate, profileKitAuthOptions } from '../../src/server';
import { mailKey } from '../../src/server/mail-limits';
import { createTestDatabase, type TestDatabase } from './db';
import { BASE } from './harness';
import { address, call, mailingAuth, PASSWORD, settle } from './support/auth-calls';

// Mail is bounded per recipient, whoever asks and from however many addresses: 10 reset and 10
// verification mails per address per hour, counted in the shared rate_limits table; a capped request
// answers exactly like a sent one.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
});
afterAll(() => database.close());

/** A request from its own client address, as a botnet sends them (the per-address limiter is on). */
const from = (n: number) => [{}, `198.51.100.${n}`] as const;

describe('given one mailbox and many senders', () => {
  it('mails at most 10 reset links per address in an hour, and the 35th answer is the first', async () => {
    const { auth, mail } = mailingAuth(database, { rateLimit: { enabled: true } });
    const email = address('reset-flood');
    await call(
      auth,
      'POST',
      '/sign-up/email',
      { email, password: PASSWORD, name: 'Flood' },
      '',
      ...from(250),
    );
    const answers = [];
    for (let i = 0; i < 35; i++) {
      answers.push(await call(auth, 'POST', '/request-password-reset', { email }, '', ...from(i)));
    }
    await settle(mail, 10);
    expect(mail.filter((m) => m.kind === 'reset')).toHaveLength(10);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 200, body: { status: true } });
    // An unknown address answers the same, and counts nothing it could mail.
    const unknown = await call(
      auth,
      'POST',
      '/request-password-reset',
      { email: address('nobody') },
      '',
      ...from(99),
    );
    expect(unknown).toEqual(answers[0]);
    // The count lives in rate_limits, keyed by the address's hash, where every instance sees it.
    const row = await database.db
      .selectFrom('rate_limits')
      .select('count')
      .where('key', '=', await mailKey('reset-password', email))
      .executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(10);
  });

  it('mails at most 10 verification links per address, through send-verification-email and sign-in alike', async () => {
    const { auth, mail } = mailingAuth(database, {
      rateLimit: { enabled: true },
      requireEmailVerification: true,
      failedSignInLimit: false,
    });
    const email = address('verify-flood');
    await call(
      auth,
      'POST',
      '/sign-up/email',
      { email, password: PASSWORD, name: 'Flood' },
      '',
      ...from(250),
    );
    const resends = [];
    for (let i = 0; i < 12; i++) {
      resends.push(await call(auth, 'POST', '/send-verification-email', { email }, '', ...from(i)));
    }
    const signIns = [];
    for (let i = 0; i < 12; i++) {
      signIns.push(
        await call(auth, 'POST', '/sign-in/email', { email, password: PASSWORD }, '', ...from(100 + i)),
      );
    }
    await settle(mail, 10);
    // The sign-up's own link counts too: 10 in all.
    expect(mail.filter((m) => m.kind === 'verify')).toHaveLength(10);
    for (const answer of resends) expect(answer.body).toEqual(resends[0]?.body);
    expect(resends[0]).toMatchObject({ status: 200, body: { status: true } });
    for (const answer of signIns) {
      expect(answer).toMatchObject({ status: 403, body: { code: 'EMAIL_NOT_VERIFIED' } });
    }
  });

  it('counts each address on its own: another mailbox still gets its links', async () => {
    const { auth, mail } = mailingAuth(database);
    const [full, other] = [address('full'), address('other')];
    for (const email of [full, other]) {
      await call(auth, 'POST', '/sign-up/email', { email, password: PASSWORD, name: 'O' });
    }
    for (let i = 0; i < 11; i++) await call(auth, 'POST', '/request-password-reset', { email: full });
    await call(auth, 'POST', '/request-password-reset', { email: other });
    await settle(mail, 11);
    expect(mail.filter((m) => m.user.email === full)).toHaveLength(10);
    expect(mail.filter((m) => m.user.email === other)).toHaveLength(1);
  });

  it('caps a sender the host passed in its own emailVerification too', async () => {
    const sent: string[] = [];
    const auth = betterAuth({
      ...profileKitAuthOptions({
        emailVerification: {
          sendVerificationEmail: async ({ user }) => {
            sent.push(user.email);
          },
        },
      }),
      secret: 'lifecycle-test-secret-that-is-long-enough',
      baseURL: BASE,
      database: { db: database.db, type: 'postgres' },
      logger: { disabled: true },
    });
    const handle = createAuthHandler(auth);
    const email = address('host-sender');
    const post = (path: string, body: unknown) =>
      handle(
        new Request(`${BASE}/api/auth${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: BASE },
          body: JSON.stringify(body),
        }),
      );
    await post('/sign-up/email', { email, password: PASSWORD, name: 'H' });
    for (let i = 0; i < 12; i++) expect((await post('/send-verification-email', { email })).status).toBe(200);
    expect(sent).toHaveLength(10);
  });
});
