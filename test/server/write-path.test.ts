import type { KyselyPlugin } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProfileHandler } from '../../src/server';
import { cookieValue } from '../../src/server/fast-write';
import {
  BASE,
  createHarness,
  fullProfile,
  type Harness,
  type Person,
  profileRequest,
  signUp,
} from './harness';

// The write path in one round trip (src/server/fast-write.ts): a cookie PATCH verifies the signed cookie in
// process and checks the session inside its UPDATE. Everything it does not write goes the ordinary way, so
// each answer must be the one the handler gives with the shortcut off.

let h: Harness;
/** The statements the shortcut's handler sends, by kind. */
const statements: string[] = [];
const counting: KyselyPlugin = {
  transformQuery(args) {
    statements.push(args.node.kind);
    return args.node;
  },
  transformResult: async (args) => args.result,
};
let fast: (request: Request) => Promise<Response>;
let ordinary: (request: Request) => Promise<Response>;

beforeAll(async () => {
  h = await createHarness();
  fast = createProfileHandler({ auth: h.auth, db: h.database.db.withPlugin(counting), onError: () => {} });
  ordinary = createProfileHandler({ auth: h.auth, db: h.database.db, fastWrites: false, onError: () => {} });
});
afterAll(() => h.close());
afterEach(() => {
  statements.length = 0;
  vi.restoreAllMocks();
});

async function answer(handler: (request: Request) => Promise<Response>, request: Request) {
  const response = await handler(request);
  const body = (await response.json()) as Record<string, unknown>;
  const { createdAt: _c, updatedAt: _u, ...rest } = body;
  return { status: response.status, etag: response.headers.get('etag'), body: rest };
}

async function withProfile(): Promise<Person> {
  const person = await signUp(h.auth);
  const put = await ordinary(profileRequest(person, 'PUT', fullProfile));
  expect(put.status).toBe(201);
  return person;
}

const change = { devices: ['Raspberry Pi 5'], softwareExperience: 'expert' };

describe('given a signed-in person with a profile', () => {
  it('writes a cookie PATCH in one statement, without asking better-auth for the session', async () => {
    const person = await withProfile();
    const getSession = vi.spyOn(h.auth.api, 'getSession');
    const result = await answer(fast, profileRequest(person, 'PATCH', change));
    expect(result).toMatchObject({ status: 200, etag: '"v2"', body: { ...fullProfile, ...change } });
    expect(getSession).not.toHaveBeenCalled();
    expect(statements).toEqual(['RawNode']);
  });

  it('honours If-Match in the same statement, and answers a stale one as the ordinary path does', async () => {
    const person = await withProfile();
    const current = profileRequest(person, 'PATCH', change, { headers: { 'if-match': '"v1"' } });
    expect(await answer(fast, current)).toMatchObject({ status: 200, etag: '"v2"' });
    const stale = () => profileRequest(person, 'PATCH', { devices: [] }, { headers: { 'if-match': '"v1"' } });
    const refused = await answer(fast, stale());
    expect(refused).toEqual(await answer(ordinary, stale()));
    expect(refused).toMatchObject({ status: 412, body: { code: 'PROFILE_VERSION_CONFLICT' } });
  });

  it.each([
    ['a session that has expired', async (person: Person) => expire(person), 401],
    ['a cookie signed with another secret', async (person: Person) => forge(person), 401],
    ['no profile yet', async () => signUp(h.auth), 404],
  ] as const)('answers %s exactly as the ordinary path does', async (_case, arrange, status) => {
    const person = await arrange(await withProfile());
    const request = () => profileRequest(person, 'PATCH', change);
    const result = await answer(fast, request());
    expect(result).toEqual(await answer(ordinary, request()));
    expect(result.status).toBe(status);
  });

  it('keeps 401 ahead of a bad body for a visitor without a session, as before', async () => {
    const person = forge(await withProfile());
    const bad = () => profileRequest(person, 'PATCH', { devices: 'not a list' });
    const result = await answer(fast, bad());
    expect(result).toEqual(await answer(ordinary, bad()));
    expect(result.status).toBe(401);
    const real = await withProfile();
    const refused = await answer(fast, profileRequest(real, 'PATCH', { devices: 'not a list' }));
    expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('leaves a bearer token to better-auth', async () => {
    const person = await withProfile();
    const token = person.cookie.match(/session_token=([^.;]+)/)?.[1];
    const getSession = vi.spyOn(h.auth.api, 'getSession');
    const result = await answer(
      fast,
      new Request(`${BASE}/api/profile`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(change),
      }),
    );
    expect(result).toMatchObject({ status: 200, etag: '"v2"' });
    expect(getSession).toHaveBeenCalledTimes(1);
  });
});

async function expire(person: Person): Promise<Person> {
  await h.database.db
    .updateTable('sessions')
    .set({ expires_at: new Date(Date.now() - 60_000) })
    .where('user_id', '=', person.id)
    .execute();
  return person;
}

/** The same token under a signature made with another key: what a tampered cookie looks like. */
function forge(person: Person): Person {
  const cookie = person.cookie.replace(/(session_token=[^.;]+)\.[^;]+/, `$1.${'A'.repeat(43)}%3D`);
  if (cookie === person.cookie) throw new Error(`no signed session cookie in ${person.cookie}`);
  return { ...person, cookie };
}

describe('reading the Cookie header', () => {
  it.each([
    ['a=1; pk=two', 'two'],
    ['pk=first; pk=second', 'first'],
    ['pk="quoted"', 'quoted'],
    ['pk=a%2Eb', 'a.b'],
    ['pk=%E0%A4%A', '%E0%A4%A'],
    ['other=1', null],
    ['; pk', null],
  ])('%s gives %s, as better-auth reads it', (header, value) => {
    expect(cookieValue(header, 'pk')).toBe(value);
  });
});
