import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProfileClient, isProfileKitError } from '../../src/client';
import { createMockBackend, demoUser, type PersonaName, sampleProfile } from '../../src/msw';

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
});
