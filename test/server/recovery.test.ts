import { betterAuth } from 'better-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountEmail, migrate, profileKitAuthOptions } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';
import { BASE } from './harness';

/** Account recovery through profileKitAuthOptions on a real database, by HTTP as a browser calls it. */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
});
afterAll(() => database.close());

function createAuth(options: { requireEmailVerification?: boolean; send?: () => Promise<void> } = {}) {
  const mail: (AccountEmail & { kind: string })[] = [];
  const auth = betterAuth({
    ...profileKitAuthOptions({
      sendResetPassword: async (message) => {
        await options.send?.();
        mail.push({ ...message, kind: 'reset' });
      },
      sendVerificationEmail: async (message) => {
        await options.send?.();
        mail.push({ ...message, kind: 'verify' });
      },
      ...(options.requireEmailVerification ? { requireEmailVerification: true } : {}),
    }),
    secret: 'test-secret-that-is-long-enough-for-better-auth',
    baseURL: BASE,
    database: { db: database.db, type: 'postgres' },
    logger: { disabled: true },
  });
  return { auth, mail };
}

type Auth = ReturnType<typeof createAuth>['auth'];

async function call(auth: Auth, method: string, path: string, body?: unknown, cookie = '') {
  const response = await auth.handler(
    new Request(`${BASE}/api/auth${path}`, {
      method,
      headers: {
        origin: BASE,
        cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {}
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  return {
    status: response.status,
    body: json as Record<string, unknown> | null,
    cookie: cookies.join('; '),
    location: response.headers.get('location'),
  };
}

const address = () => `recovery-${Math.random().toString(36).slice(2)}@example.test`;
const PASSWORD = 'old-password-1';
const NEW_PASSWORD = 'new-password-2';

async function signUp(auth: Auth, email: string) {
  const result = await call(auth, 'POST', '/sign-up/email', { email, password: PASSWORD, name: 'Reset' });
  expect(result.status).toBe(200);
  return result;
}

/** Waits for the sender, which runs after the answer. */
async function nextMail(mail: AccountEmail[], count: number) {
  for (let i = 0; i < 200 && mail.length < count; i++) await new Promise((r) => setTimeout(r, 10));
  expect(mail).toHaveLength(count);
  return mail[count - 1] as AccountEmail & { kind: string };
}

describe('given profileKitAuthOptions with a sendResetPassword', () => {
  it('answers a reset request for an unknown email exactly like one for a known email', async () => {
    const { auth, mail } = createAuth();
    const known = address();
    await signUp(auth, known);
    const redirectTo = `${BASE}/reset`;
    const forKnown = await call(auth, 'POST', '/request-password-reset', { email: known, redirectTo });
    const forUnknown = await call(auth, 'POST', '/request-password-reset', { email: address(), redirectTo });
    expect(forKnown.status).toBe(200);
    expect(forUnknown).toEqual(forKnown);
    const sent = await nextMail(mail, 1);
    expect(sent).toMatchObject({ kind: 'reset', user: { email: known } });
    expect(sent.url).toContain(`/api/auth/reset-password/${sent.token}`);
    await new Promise((r) => setTimeout(r, 50));
    expect(mail).toHaveLength(1);
  });

  it('answers before the mail is sent, so a slow or failing mail service reveals nothing', async () => {
    const { auth } = createAuth({ send: () => new Promise<void>(() => {}) });
    const known = address();
    await signUp(auth, known);
    const answer = await call(auth, 'POST', '/request-password-reset', { email: known });
    expect(answer.status).toBe(200);
  });

  it('resets the password with the link, ends every other session, and refuses the old password', async () => {
    const { auth, mail } = createAuth();
    const email = address();
    const first = await signUp(auth, email);
    const other = await call(auth, 'POST', '/sign-in/email', { email, password: PASSWORD });
    expect((await call(auth, 'GET', '/get-session', undefined, other.cookie)).body).toMatchObject({
      user: { email },
    });

    await call(auth, 'POST', '/request-password-reset', { email, redirectTo: `${BASE}/reset` });
    const { token, url } = await nextMail(mail, 1);
    // The link in the mail sends the browser to the page that asked, with the token.
    const landing = await call(
      auth,
      'GET',
      new URL(url).pathname.replace('/api/auth', '') + new URL(url).search,
    );
    expect(landing.status).toBe(302);
    expect(landing.location).toBe(`${BASE}/reset?token=${token}`);

    expect(await call(auth, 'POST', '/reset-password', { token, newPassword: NEW_PASSWORD })).toMatchObject({
      status: 200,
      body: { status: true },
    });
    for (const session of [first.cookie, other.cookie]) {
      expect((await call(auth, 'GET', '/get-session', undefined, session)).body).toBeNull();
    }
    expect(await call(auth, 'POST', '/sign-in/email', { email, password: PASSWORD })).toMatchObject({
      status: 401,
      body: { code: 'INVALID_EMAIL_OR_PASSWORD' },
    });
    expect((await call(auth, 'POST', '/sign-in/email', { email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('refuses a used, an expired and a malformed token with INVALID_TOKEN and keeps the password', async () => {
    const { auth, mail } = createAuth();
    const email = address();
    await signUp(auth, email);
    await call(auth, 'POST', '/request-password-reset', { email });
    const used = (await nextMail(mail, 1)).token;
    expect(
      (await call(auth, 'POST', '/reset-password', { token: used, newPassword: NEW_PASSWORD })).status,
    ).toBe(200);
    const invalid = { status: 400, body: { code: 'INVALID_TOKEN' } };
    expect(
      await call(auth, 'POST', '/reset-password', { token: used, newPassword: 'third-password' }),
    ).toMatchObject(invalid);

    await call(auth, 'POST', '/request-password-reset', { email });
    const expired = (await nextMail(mail, 2)).token;
    await database.db
      .updateTable('verifications')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('identifier', '=', `reset-password:${expired}`)
      .execute();
    expect(
      await call(auth, 'POST', '/reset-password', { token: expired, newPassword: 'third-password' }),
    ).toMatchObject(invalid);
    const landing = await call(
      auth,
      'GET',
      `/reset-password/${expired}?callbackURL=${encodeURIComponent(`${BASE}/reset`)}`,
    );
    expect(landing.location).toBe(`${BASE}/reset?error=INVALID_TOKEN`);

    for (const token of ['x', 'not a token', '%00', 'a'.repeat(5000), `${expired}'--`]) {
      expect(
        await call(auth, 'POST', '/reset-password', { token, newPassword: 'third-password' }),
      ).toMatchObject(invalid);
    }
    expect(await call(auth, 'POST', '/reset-password', { newPassword: 'third-password' })).toMatchObject(
      invalid,
    );
    expect((await call(auth, 'POST', '/sign-in/email', { email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('keeps a token usable after a refused short password, and gives each pending request its own link', async () => {
    const { auth, mail } = createAuth();
    const email = address();
    await signUp(auth, email);
    const first = await call(auth, 'POST', '/request-password-reset', { email });
    const second = await call(auth, 'POST', '/request-password-reset', { email });
    expect(second).toEqual(first);
    await nextMail(mail, 2);
    const [one, two] = mail.map((m) => m.token);
    expect(one).not.toBe(two);
    expect(await call(auth, 'POST', '/reset-password', { token: two, newPassword: 'short' })).toMatchObject({
      status: 400,
      body: { code: 'PASSWORD_TOO_SHORT' },
    });
    expect(
      (await call(auth, 'POST', '/reset-password', { token: two, newPassword: NEW_PASSWORD })).status,
    ).toBe(200);
    expect((await call(auth, 'POST', '/sign-in/email', { email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('refuses a reset for a malformed email by field, never with a 5xx', async () => {
    const { auth, mail } = createAuth();
    const answer = await call(auth, 'POST', '/request-password-reset', { email: 'not-an-email' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: expect.stringContaining('email'),
    });
    expect(mail).toHaveLength(0);
  });
});

describe('given requireEmailVerification', () => {
  it('needs a sender to verify with', () => {
    expect(() => profileKitAuthOptions({ requireEmailVerification: true })).toThrow(/sendVerificationEmail/);
  });

  it('signs nobody in at sign-up, mails a link, refuses sign-in until it is followed, then signs in', async () => {
    const { auth, mail } = createAuth({ requireEmailVerification: true });
    const email = address();
    const signUpAnswer = await call(auth, 'POST', '/sign-up/email', { email, password: PASSWORD, name: 'V' });
    expect(signUpAnswer).toMatchObject({
      status: 200,
      body: { token: null, user: { email, emailVerified: false } },
    });
    // No session; only the cookie that lets this browser, and no other, sign in with the link.
    expect(signUpAnswer.cookie).not.toContain('session_token');
    expect(signUpAnswer.cookie).toContain('verify_binding=');
    const link = await nextMail(mail, 1);
    expect(link.kind).toBe('verify');
    expect(await call(auth, 'POST', '/sign-in/email', { email, password: PASSWORD })).toMatchObject({
      status: 403,
      body: { code: 'EMAIL_NOT_VERIFIED' },
    });
    const url = new URL(link.url);
    const verified = await call(
      auth,
      'GET',
      url.pathname.replace('/api/auth', '') + url.search,
      undefined,
      signUpAnswer.cookie,
    );
    expect(verified.cookie).toContain('session_token');
    expect((await call(auth, 'GET', '/get-session', undefined, verified.cookie)).body).toMatchObject({
      user: { email, emailVerified: true },
    });
  });

  it('mails a fresh link to a person who signs in with the right password before verifying, none for a wrong one', async () => {
    const { auth, mail } = createAuth({ requireEmailVerification: true });
    const email = address();
    await call(auth, 'POST', '/sign-up/email', { email, password: PASSWORD, name: 'V' });
    await nextMail(mail, 1);
    expect(await call(auth, 'POST', '/sign-in/email', { email, password: 'wrong-password-9' })).toMatchObject(
      {
        status: 401,
        body: { code: 'INVALID_EMAIL_OR_PASSWORD' },
      },
    );
    const callbackURL = `${BASE}/members`;
    const refused = await call(auth, 'POST', '/sign-in/email', { email, password: PASSWORD, callbackURL });
    expect(refused).toMatchObject({ status: 403, body: { code: 'EMAIL_NOT_VERIFIED' } });
    // Only the right password sent one: the second mail, not a third.
    const fresh = await nextMail(mail, 2);
    expect(fresh).toMatchObject({ kind: 'verify', user: { email } });
    const url = new URL(fresh.url);
    expect(url.searchParams.get('callbackURL')).toBe(callbackURL);
    const verified = await call(
      auth,
      'GET',
      url.pathname.replace('/api/auth', '') + url.search,
      undefined,
      refused.cookie,
    );
    expect(verified.location).toBe(callbackURL);
    expect((await call(auth, 'GET', '/get-session', undefined, verified.cookie)).body).toMatchObject({
      user: { email, emailVerified: true },
    });
  });

  it('answers a taken email and a new one alike: status, body shape and work done', async () => {
    const { auth } = createAuth({ requireEmailVerification: true });
    const taken = address();
    await call(auth, 'POST', '/sign-up/email', { email: taken, password: PASSWORD, name: 'Same' });
    const shape = (body: Record<string, unknown> | null) => ({
      keys: Object.keys(body ?? {}).sort(),
      token: body?.token,
      user: Object.fromEntries(
        Object.entries((body?.user ?? {}) as Record<string, unknown>).map(([k, v]) => [
          k,
          k === 'email' || k === 'id' || k.endsWith('At') ? typeof v : v,
        ]),
      ),
    });
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await call(auth, 'POST', '/sign-up/email', { email, password: PASSWORD, name: 'Same' });
      return { ...answer, ms: performance.now() - started };
    };
    const takenAnswers = [];
    const newAnswers = [];
    // Interleaved, so a slow moment of the machine falls on both sides.
    for (let i = 0; i < 15; i++) {
      takenAnswers.push(await timed(taken));
      newAnswers.push(await timed(address()));
    }
    for (const answer of [...takenAnswers, ...newAnswers]) {
      expect(answer.status).toBe(200);
      expect(answer.cookie).not.toContain('session_token');
      expect(answer.cookie.split('=')[0]).toBe(newAnswers[0]?.cookie.split('=')[0]);
      expect(shape(answer.body)).toEqual(shape(newAnswers[0]?.body ?? null));
    }
    expect(takenAnswers[0]?.body?.user).toMatchObject({ email: taken, emailVerified: false });
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const takenMedian = median(takenAnswers.map((a) => a.ms));
    const newMedian = median(newAnswers.map((a) => a.ms));
    // Both hash the password (the slow part); only the writes of a new account differ. A taken email
    // that skipped the hash would answer several times faster than this bound allows.
    const ratio = Math.max(takenMedian, newMedian) / Math.min(takenMedian, newMedian);
    expect(ratio, `taken ${takenMedian.toFixed(1)} ms, new ${newMedian.toFixed(1)} ms`).toBeLessThan(2);
    // Thirty password hashes: on a loaded machine they take longer than the default 20 s.
  }, 60_000);
});
