import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProfileClient, isProfileKitError } from '../../src/client';
import {
  createMockBackend,
  demoUser,
  type PersonaName,
  resetTokens,
  sampleProfile,
  verificationTokens,
} from '../../src/msw';

// Used the way a host's own test suite would: setupServer with the backend's handlers.
const API = 'http://localhost:3000';
const backend = createMockBackend({ baseURL: API });
const server = setupServer(...backend.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => backend.reset('signedOut'));
afterAll(() => server.close());

const profiles = () => createProfileClient({ baseURL: API, retryDelay: () => 1 });
const json = (path: string, body: unknown) =>
  fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isProfileKitError(error) ? error.code : String(error);
  }
}

describe('reset while a request waits', () => {
  it('leaves that request unanswered, and it changes nothing', async () => {
    backend.reset('signedOut');
    backend.setLatency(30);
    let answered = false;
    void json('/api/auth/sign-up/email', {
      email: 'late@example.com',
      password: 'a long enough password',
      name: 'Late',
    }).then(() => {
      answered = true;
    });
    // The request has reached the backend and waits out its latency when the next test resets it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    backend.reset('signedOut');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    expect(backend.currentUser).toBeNull();
    expect(backend.users.map((u) => u.email)).not.toContain('late@example.com');
  });
});

describe('createMockBackend personas', () => {
  it('signedOut: no session, the profile API answers 401, the demo person can sign in', async () => {
    backend.reset('signedOut');
    expect(await (await fetch(`${API}/api/auth/get-session`)).json()).toBeNull();
    expect(await codeOf(profiles().get())).toBe('UNAUTHENTICATED');
    const signIn = await json('/api/auth/sign-in/email', {
      email: demoUser.email,
      password: demoUser.password,
    });
    expect(signIn.status).toBe(200);
    expect(backend.currentUser?.email).toBe(demoUser.email);
  });

  it('signedInWithoutProfile: a session and PROFILE_NOT_FOUND', async () => {
    backend.reset('signedInWithoutProfile');
    const session = await (await fetch(`${API}/api/auth/get-session`)).json();
    expect(session.user.email).toBe(demoUser.email);
    expect(await codeOf(profiles().get())).toBe('PROFILE_NOT_FOUND');
  });

  it('signedInWithProfile: the sample profile with an ETag, and writes are kept', async () => {
    backend.reset('signedInWithProfile');
    const client = profiles();
    const { profile, etag } = await client.get();
    expect(profile).toMatchObject(sampleProfile);
    expect(etag).toBe('"v1"');
    await client.patch({ devices: ['ESP32'] }, { ifMatch: true });
    expect(backend.profile?.devices).toEqual(['ESP32']);
  });

  it('slowNetwork: responses arrive later than a short timeout', async () => {
    backend.reset('slowNetwork');
    const client = createProfileClient({ baseURL: API, timeout: 50, retries: 0 });
    expect(await codeOf(client.get())).toBe('TIMEOUT');
  });

  it('serverError: the profile API and sign-up fail with 500', async () => {
    backend.reset('serverError');
    expect(await codeOf(profiles().get())).toBe('SERVER_ERROR');
    expect(
      (
        await json('/api/auth/sign-up/email', {
          email: 'new@example.com',
          password: 'long-enough',
          name: 'N',
        })
      ).status,
    ).toBe(500);
  });

  it('emailTaken: every sign-up gets USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', async () => {
    backend.reset('emailTaken');
    const response = await json('/api/auth/sign-up/email', {
      email: 'fresh@example.com',
      password: 'long-enough',
      name: 'F',
    });
    expect(response.status).toBe(422);
    expect((await response.json()).code).toBe('USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL');
  });

  it('versionConflict: a conditional write loses to a concurrent edit, and a reload shows it', async () => {
    backend.reset('versionConflict');
    const client = profiles();
    await client.get();
    expect(await codeOf(client.patch({ devices: ['ESP32'] }, { ifMatch: true }))).toBe(
      'PROFILE_VERSION_CONFLICT',
    );
    const reloaded = await client.get();
    expect(reloaded.profile.experienceYears).toBe('10+');
    expect(reloaded.profile.devices).toEqual(sampleProfile.devices);
  });

  it('a new person signs up, is signed in, and starts without a profile', async () => {
    const response = await json('/api/auth/sign-up/email', {
      email: 'Grace@Example.com',
      password: 'long-enough',
      name: 'Grace',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toContain('better-auth.session_token=');
    expect(backend.currentUser?.email).toBe('grace@example.com');
    expect(await codeOf(profiles().get())).toBe('PROFILE_NOT_FOUND');
    expect(backend.users.map((u) => u.email)).toEqual([demoUser.email, 'grace@example.com']);
  });

  it('refuses an unknown persona by name', () => {
    expect(() => backend.reset('nobody' as PersonaName)).toThrow(/unknown persona/);
  });

  it('every persona: the demo person has a working, an expired and a used reset token', async () => {
    const reset = (token: string) =>
      json('/api/auth/reset-password', { token, newPassword: 'a-new-password' });
    for (const token of [resetTokens.expired, resetTokens.used]) {
      const answer = await reset(token);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ code: 'INVALID_TOKEN' });
    }
    expect((await reset(resetTokens.valid)).status).toBe(200);
    expect((await reset(resetTokens.valid)).status).toBe(400);
    expect(
      (await json('/api/auth/sign-in/email', { email: demoUser.email, password: demoUser.password })).status,
    ).toBe(401);
    expect(
      (await json('/api/auth/sign-in/email', { email: demoUser.email, password: 'a-new-password' })).status,
    ).toBe(200);
  });

  it('emailNotVerified: sign-in is refused until the mailed link is followed; sign-up signs nobody in', async () => {
    backend.reset('emailNotVerified');
    const signIn = await json('/api/auth/sign-in/email', {
      email: demoUser.email,
      password: demoUser.password,
    });
    expect(signIn.status).toBe(403);
    expect(await signIn.json()).toMatchObject({ code: 'EMAIL_NOT_VERIFIED' });
    const fresh = { email: 'new@example.test', password: 'a-long-password', name: 'New' };
    const taken = await (await json('/api/auth/sign-up/email', { ...fresh, email: demoUser.email })).json();
    const created = await (await json('/api/auth/sign-up/email', fresh)).json();
    expect(Object.keys(taken).sort()).toEqual(Object.keys(created).sort());
    expect(created).toMatchObject({ token: null, user: { email: fresh.email, emailVerified: false } });
    expect(await (await fetch(`${API}/api/auth/get-session`)).json()).toBeNull();
    const mail = backend.outbox.find((m) => m.to === fresh.email);
    expect(mail?.kind).toBe('verify-email');
    const followed = await fetch(mail?.url ?? '', { redirect: 'manual' });
    expect(followed.status).toBe(302);
    expect(backend.currentUser).toMatchObject({ email: fresh.email, emailVerified: true });
  });

  it('emailNotVerified: the expired token leads back with TOKEN_EXPIRED and signs nobody in', async () => {
    backend.reset('emailNotVerified');
    const back = `${API}/welcome?profilekit=verify-email`;
    const followed = await fetch(
      `${API}/api/auth/verify-email?token=${verificationTokens.expired}&callbackURL=${encodeURIComponent(back)}`,
      { redirect: 'manual' },
    );
    expect(followed.headers.get('location')).toBe(`${back}&error=TOKEN_EXPIRED`);
    expect(backend.currentUser).toBeNull();
    expect(backend.users[0]?.emailVerified).toBe(false);
  });

  it('sends at most 3 verification links a minute, as better-auth does in production, then says how long to wait', async () => {
    backend.reset('emailNotVerified');
    const send = () => json('/api/auth/send-verification-email', { email: demoUser.email, callbackURL: '/' });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('x-retry-after'))).toBeGreaterThan(55);
    expect(backend.outbox.filter((m) => m.kind === 'verify-email')).toHaveLength(3);
    backend.reset('emailNotVerified');
    expect((await send()).status).toBe(200);
  });
});

describe('account lifecycle in the mock backend', () => {
  it('socialFirstVisit: the provider signs the person in without a profile; they have no password', async () => {
    backend.reset('socialFirstVisit');
    const social = await json('/api/auth/sign-in/social', { provider: 'github', callbackURL: '/welcome' });
    expect(await social.json()).toEqual({ url: '/welcome', redirect: true });
    expect(backend.currentUser?.providerId).toBe('github');
    expect(await codeOf(profiles().get())).toBe('PROFILE_NOT_FOUND');
    const accounts = await (await fetch(`${API}/api/auth/list-accounts`)).json();
    expect(accounts.map((a: { providerId: string }) => a.providerId)).toEqual(['github']);
    // No password to sign in with.
    const signIn = await json('/api/auth/sign-in/email', { email: demoUser.email, password: '' });
    expect(signIn.status).toBe(401);
  });

  it('socialReturning: signed in through the provider, with a profile; an unknown provider id is refused', async () => {
    backend.reset('socialReturning');
    expect((await profiles().get()).profile.languages).toEqual(sampleProfile.languages);
    const bad = await json('/api/auth/sign-in/social', { provider: '../evil' });
    expect(bad.status).toBe(404);
  });

  it('a first social visit on a password persona creates a second account', async () => {
    backend.reset('signedOut');
    await json('/api/auth/sign-in/social', { provider: 'local-oidc' });
    expect(backend.users.map((u) => u.providerId)).toEqual(['credential', 'local-oidc']);
  });

  it('delete-user: a wrong password is refused and keeps everything; the right one deletes it all', async () => {
    backend.reset('signedInWithProfile');
    const wrong = await json('/api/auth/delete-user', { password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'INVALID_PASSWORD' });
    expect(backend.users).toHaveLength(1);
    const right = await json('/api/auth/delete-user', { password: demoUser.password });
    expect(await right.json()).toEqual({ success: true, message: 'User deleted' });
    expect(backend.users).toHaveLength(0);
    expect(backend.currentUser).toBeNull();
    expect(await codeOf(profiles().get())).toBe('UNAUTHENTICATED');
    // Deleting twice: nobody is signed in any more.
    expect((await json('/api/auth/delete-user', { password: demoUser.password })).status).toBe(401);
  });

  it('staleSession: deleting without the password needs a fresh sign-in (SESSION_EXPIRED)', async () => {
    backend.reset('staleSession');
    const stale = await json('/api/auth/delete-user', {});
    expect(await stale.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(backend.users).toHaveLength(1);
    expect((await json('/api/auth/delete-user', { password: demoUser.password })).status).toBe(200);
  });

  it('exports the account and profile as the server does', async () => {
    backend.reset('signedInWithProfile');
    const data = await profiles().exportData();
    expect(data).toMatchObject({
      format: 'profilekit-export/1',
      user: { email: demoUser.email, name: demoUser.name },
      accounts: [{ providerId: 'credential' }],
      profile: sampleProfile,
    });
    expect(JSON.stringify(data)).not.toContain(demoUser.password);
    backend.reset('signedOut');
    expect(await codeOf(profiles().exportData())).toBe('UNAUTHENTICATED');
  });
});
