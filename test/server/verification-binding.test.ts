import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';
import { address, call, type MailingAuth, mailCount, mailingAuth, PASSWORD } from './support/auth-calls';

// Login CSRF through the verification link: the link verifies from any browser, but signs in only the
// browser that asked for it, and never over someone else's session.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
});
afterAll(() => database.close());

const follow = (auth: MailingAuth, url: string, cookie = '') => {
  const link = new URL(url);
  return call(auth, 'GET', link.pathname.replace('/api/auth', '') + link.search, undefined, cookie);
};
const sessionOf = async (auth: MailingAuth, cookie: string) =>
  (await call(auth, 'GET', '/get-session', undefined, cookie)).body as { user: { email: string } } | null;
const verifiedIn = async (email: string) =>
  (
    await database.db
      .selectFrom('users')
      .select('email_verified')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).email_verified;

describe('given requireEmailVerification and an attacker holding the link of an account of their own', () => {
  it('a victim’s browser that opens it verifies that account but is signed in as nobody', async () => {
    const { auth, mail } = mailingAuth(database, { requireEmailVerification: true });
    const attacker = address('attacker');
    await call(auth, 'POST', '/sign-up/email', { email: attacker, password: PASSWORD, name: 'A' });
    await mailCount(mail, 1);
    const callbackURL = '/react-app/?pk=verify-email';
    const url = `${mail[0]?.url.replace('callbackURL=%2F', `callbackURL=${encodeURIComponent(callbackURL)}`)}`;
    // A cross-site navigation: the victim's browser carries no cookie of the attacker's.
    const opened = await follow(auth, url);
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(callbackURL);
    expect(opened.setCookies.join('\n')).not.toContain('session_token');
    expect(await verifiedIn(attacker)).toBe(true);
  });

  it('a victim signed in to their own account stays signed in as themselves', async () => {
    const { auth, mail } = mailingAuth(database, { requireEmailVerification: true });
    const [attacker, victim] = [address('attacker'), address('victim')];
    await call(auth, 'POST', '/sign-up/email', { email: victim, password: PASSWORD, name: 'V' });
    await mailCount(mail, 1);
    const victimSignUp = await follow(auth, mail[0]?.url as string);
    // The victim followed their own link without the binding (another device): verified, not signed in;
    // they sign in with their password.
    expect(victimSignUp.cookie).not.toContain('session_token');
    const signedIn = await call(auth, 'POST', '/sign-in/email', { email: victim, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    await call(auth, 'POST', '/sign-up/email', { email: attacker, password: PASSWORD, name: 'A' });
    await mailCount(mail, 2);
    const opened = await follow(auth, mail[1]?.url as string, signedIn.cookie);
    expect(opened.status).toBe(302);
    expect(opened.setCookies.join('\n')).not.toContain('session_token');
    expect((await sessionOf(auth, signedIn.cookie))?.user.email).toBe(victim);
  });
});

describe('given verification without requireEmailVerification', () => {
  it('a link asked for with send-verification-email signs in nobody but the browser that asked', async () => {
    const { auth, mail } = mailingAuth(database);
    const attacker = address('attacker');
    const signUp = await call(auth, 'POST', '/sign-up/email', {
      email: attacker,
      password: PASSWORD,
      name: 'A',
    });
    const asked = await call(auth, 'POST', '/send-verification-email', { email: attacker }, signUp.cookie);
    expect(asked.status).toBe(200);
    await mailCount(mail, 1);
    const link = mail[0]?.url as string;
    const victim = await follow(auth, link);
    expect(victim.setCookies.join('\n')).not.toContain('session_token');
    expect(await verifiedIn(attacker)).toBe(true);
  });
});

describe('given the browser that signed up', () => {
  it('following the link there signs in: the binding cookie travels with the browser', async () => {
    const { auth, mail } = mailingAuth(database, { requireEmailVerification: true });
    const email = address('owner');
    const signUp = await call(auth, 'POST', '/sign-up/email', { email, password: PASSWORD, name: 'O' });
    const binding = signUp.setCookies.find((c) => c.includes('verify_binding='));
    expect(binding).toMatch(/HttpOnly/i);
    expect(binding).toMatch(/SameSite=Lax/i);
    expect(binding).not.toContain(email);
    await mailCount(mail, 1);
    const opened = await follow(auth, mail[0]?.url as string, signUp.cookie);
    expect(opened.cookie).toContain('session_token');
    expect((await sessionOf(auth, opened.cookie))?.user.email).toBe(email);
    // The binding is spent: a second visit with it (the link replayed) signs in no one else.
    expect(opened.setCookies.join('\n')).toMatch(/verify_binding=;/);
  });

  it('a binding for another address, or a forged one, signs in nobody', async () => {
    const { auth, mail } = mailingAuth(database, { requireEmailVerification: true });
    const [mine, theirs] = [address('mine'), address('theirs')];
    const mySignUp = await call(auth, 'POST', '/sign-up/email', {
      email: mine,
      password: PASSWORD,
      name: 'M',
    });
    await call(auth, 'POST', '/sign-up/email', { email: theirs, password: PASSWORD, name: 'T' });
    await mailCount(mail, 2);
    const theirLink = mail.find((m) => m.user.email === theirs)?.url as string;
    expect((await follow(auth, theirLink, mySignUp.cookie)).cookie).not.toContain('session_token');
    const forged = mySignUp.cookie.replace(/verify_binding=[^.;]+/, 'verify_binding=0000');
    const myLink = mail.find((m) => m.user.email === mine)?.url as string;
    expect((await follow(auth, myLink, forged)).cookie).not.toContain('session_token');
  });

  it('another site cannot plant the binding: a cross-site request for a link is refused', async () => {
    const { auth } = mailingAuth(database);
    const answer = await call(auth, 'POST', '/send-verification-email', { email: address('x') }, '', {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(answer.status).toBeLessThan(500);
    expect(answer.setCookies.join('\n')).not.toContain('verify_binding');
  });
});
