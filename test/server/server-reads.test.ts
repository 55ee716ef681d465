import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerAuthGate, ServerForBackground } from '../../src/rsc/index';
import { createProfileQueries, getProfile, getSession } from '../../src/server/index';
import { createHarness, type Harness, profileRequest, signUp } from './harness';

// Reading the session and profile on the server (Server Components, loaders), and the server-side gate.

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const headersOf = (cookie?: string) => new Headers(cookie ? { cookie } : {});
const background = {
  languages: [{ language: 'Python', level: 'advanced' }],
  frameworks: ['React'],
};

describe('getSession', () => {
  it('reads the signed-in person, without the session token', async () => {
    const person = await signUp(h.auth);
    const session = await getSession({ auth: h.auth, headers: headersOf(person.cookie) });
    expect(session).toEqual({
      user: { id: person.id, email: person.email, name: 'Test Person', image: null, emailVerified: false },
      session: { id: expect.any(String), expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    const token = decodeURIComponent(person.cookie).match(/session_token=([^.;]+)/)?.[1];
    expect(token).toBeTruthy();
    expect(JSON.stringify(session)).not.toContain(token);
  });

  it('resolves to null without a session, or with a forged cookie', async () => {
    expect(await getSession({ auth: h.auth, headers: headersOf() })).toBeNull();
    expect(
      await getSession({ auth: h.auth, headers: headersOf('better-auth.session_token=forged.value') }),
    ).toBeNull();
  });

  it('takes read-only headers such as a framework hands to server code', async () => {
    const person = await signUp(h.auth);
    const readOnly = {
      get: (n: string) => headersOf(person.cookie).get(n),
      has: () => true,
      forEach: headersOf(person.cookie).forEach.bind(headersOf(person.cookie)),
    };
    expect((await getSession({ auth: h.auth, headers: readOnly }))?.user.id).toBe(person.id);
  });

  it('refuses something that is not a better-auth instance, by name', async () => {
    await expect(getSession({ auth: {} as never, headers: headersOf() })).rejects.toThrow(
      'getSession: `auth` must be a better-auth instance',
    );
  });
});

describe('getProfile', () => {
  it('reads the profile with the same version the API reports', async () => {
    const person = await signUp(h.auth);
    const saved = await h.handler(profileRequest(person, 'PUT', background));
    expect(saved.status).toBe(201);
    const fromApi = await h.handler(profileRequest(person, 'GET'));
    const snapshot = await getProfile({ auth: h.auth, db: h.database.db, headers: headersOf(person.cookie) });
    expect(snapshot).toEqual({
      userId: person.id,
      profile: await fromApi.json(),
      etag: fromApi.headers.get('etag'),
    });
    expect(await getProfile({ db: h.database.db, userId: person.id })).toEqual(snapshot);
  });

  it('says when a signed-in person has no profile yet, and when nobody is signed in', async () => {
    const person = await signUp(h.auth);
    expect(await getProfile({ db: h.database.db, userId: person.id })).toEqual({
      userId: person.id,
      profile: null,
      etag: null,
    });
    expect(await getProfile({ auth: h.auth, db: h.database.db, headers: headersOf() })).toBeNull();
  });

  it('refuses an empty user id and a missing database, by name', async () => {
    await expect(getProfile({ db: h.database.db, userId: '' })).rejects.toThrow('`userId`');
    await expect(getProfile({ db: undefined as never, userId: 'x' })).rejects.toThrow('`db`');
  });
});

describe('ServerAuthGate', () => {
  it('returns the children for a signed-in person, and hands a function the session', async () => {
    const person = await signUp(h.auth);
    const headers = headersOf(person.cookie);
    expect(
      await ServerAuthGate({ auth: h.auth, headers, children: 'members only', fallback: 'sign in' }),
    ).toBe('members only');
    expect(
      await ServerAuthGate({ auth: h.auth, headers, children: (session) => `hello ${session.user.email}` }),
    ).toBe(`hello ${person.email}`);
  });

  it('never calls or returns the children for a signed-out visitor', async () => {
    let rendered = false;
    const children = () => {
      rendered = true;
      return 'members only';
    };
    expect(await ServerAuthGate({ auth: h.auth, headers: headersOf(), children, fallback: 'sign in' })).toBe(
      'sign in',
    );
    expect(await ServerAuthGate({ auth: h.auth, headers: headersOf(), children })).toBeNull();
    expect(rendered).toBe(false);
  });
});

describe('ServerForBackground and the background queries', () => {
  const advanced = { languages: { Python: { atLeast: 'advanced' as const } } };

  it('chooses the variant by the profile getProfile read, and renders nothing of the other', async () => {
    const person = await signUp(h.auth);
    const headers = headersOf(person.cookie);
    const read = () => getProfile({ auth: h.auth, db: h.database.db, headers });
    const choose = async () =>
      ServerForBackground({
        profile: await read(),
        when: advanced,
        children: 'advanced track',
        fallback: 'basics',
      });
    // No profile yet, then Python advanced, then beginner after a PATCH.
    expect(await choose()).toBe('basics');
    expect((await h.handler(profileRequest(person, 'PUT', background))).status).toBe(201);
    expect(await choose()).toBe('advanced track');
    const patched = await h.handler(
      profileRequest(person, 'PATCH', { languages: [{ language: 'Python', level: 'beginner' }] }),
    );
    expect(patched.status).toBe(200);
    expect(await choose()).toBe('basics');
    expect(ServerForBackground({ profile: null, when: advanced, children: 'advanced track' })).toBeNull();
    expect(() =>
      ServerForBackground({ profile: null, when: { languages: { Python: { atLeast: 'master' } } } as never }),
    ).toThrow(/languages\.Python\.atLeast/);
  });

  it('finds a profile saved through the API at once, by what each write stored', async () => {
    const person = await signUp(h.auth);
    const queries = createProfileQueries({ db: h.database.db });
    const mine = async (condition: Parameters<typeof queries.find>[0]) =>
      (await queries.find(condition, { limit: 1000 })).items.some((item) => item.userId === person.id);
    const teensy = { devices: { any: ['Teensy 4.1'] }, experienceYears: { atLeast: '3-5' as const } };
    expect(await mine(teensy)).toBe(false);
    const saved = await h.handler(
      profileRequest(person, 'PUT', { ...background, devices: ['Teensy 4.1'], experienceYears: '5-10' }),
    );
    expect(saved.status).toBe(201);
    expect(await mine(teensy)).toBe(true);
    expect(await mine({ ...advanced, frameworks: { all: ['React'] } })).toBe(true);
    await h.handler(profileRequest(person, 'PATCH', { experienceYears: '1-3' }));
    expect(await mine(teensy)).toBe(false);
    expect(await mine({ devices: { any: ['Teensy 4.1'] } })).toBe(true);
  });
});
