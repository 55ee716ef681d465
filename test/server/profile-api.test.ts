import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfileHandler } from '../../src/server';
import {
  BASE,
  createHarness,
  fullProfile,
  type Harness,
  type Person,
  profileRequest,
  signUp,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function storedRow(person: Person) {
  return h.database.db
    .selectFrom('user_profiles')
    .selectAll()
    .where('user_id', '=', person.id)
    .executeTakeFirst();
}

async function send(request: Request) {
  const response = await h.handler(request);
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: text ? JSON.parse(text) : null,
    response,
  };
}

describe('given a person who just signed up through better-auth', () => {
  let person: Person;
  beforeAll(async () => {
    person = await signUp(h.auth);
  });

  it('has a users row with a UUID id and the password hash only in accounts', async () => {
    expect(person.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const user = await h.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', person.id)
      .executeTakeFirst();
    expect(user).toMatchObject({ email: person.email, name: 'Test Person', email_verified: false });
    const account = await h.database.db
      .selectFrom('accounts')
      .select(['provider_id', 'password_hash'])
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(account.provider_id).toBe('credential');
    expect(account.password_hash).toMatch(/\S{20,}/);
    expect(account.password_hash).not.toContain('correct horse');
  });

  it('has no profile yet: 200 with null, no ETag, and HEAD agrees', async () => {
    const response = await h.handler(profileRequest(person, 'GET'));
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toBeNull();
    const head = await h.handler(profileRequest(person, 'HEAD'));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses a PATCH before any profile exists', async () => {
    expect(await send(profileRequest(person, 'PATCH', { devices: [] }))).toMatchObject({
      status: 404,
      body: { code: 'PROFILE_NOT_FOUND' },
    });
  });

  describe('creating, reading, replacing and patching', () => {
    let etag: string;

    it('creates the profile with PUT (201) and returns it with an ETag', async () => {
      const created = await send(profileRequest(person, 'PUT', fullProfile));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject(fullProfile);
      expect(created.etag).toMatch(/^"v\d+"$/);
      expect(created.response.headers.get('cache-control')).toBe('no-store');
      etag = created.etag!;
    });

    it('reads back the same profile and version', async () => {
      const read = await send(profileRequest(person, 'GET'));
      expect(read).toMatchObject({ status: 200, etag, body: fullProfile });
      expect(Date.parse(read.body.createdAt)).not.toBeNaN();
    });

    it('answers 304 for a matching If-None-Match', async () => {
      const read = await h.handler(
        profileRequest(person, 'GET', undefined, { headers: { 'if-none-match': etag } }),
      );
      expect(read.status).toBe(304);
    });

    it('stores string-or-object input in one canonical form', async () => {
      const replaced = await send(
        profileRequest(person, 'PUT', {
          languages: [{ language: 'Rust', level: 'Expert' }],
          frameworks: [{ name: 'Axum' }],
          devices: [{ name: 'ESP32' }],
        }),
      );
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({
        languages: [{ language: 'Rust', level: 'expert' }],
        frameworks: ['Axum'],
        devices: ['ESP32'],
        experienceYears: null,
        softwareExperience: null,
      });
      expect(replaced.etag).not.toBe(etag);
      const row = await storedRow(person);
      expect(row).toMatchObject({ frameworks: ['Axum'], devices: ['ESP32'], architecture_familiarity: null });
      etag = replaced.etag!;
    });

    it('PATCH changes only the given fields and null clears one', async () => {
      const before = await send(profileRequest(person, 'PUT', fullProfile));
      const patched = await send(
        profileRequest(
          person,
          'PATCH',
          { devices: ['Jetson Nano'], hardwareExperience: null },
          { headers: { 'if-match': before.etag! } },
        ),
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        ...fullProfile,
        devices: ['Jetson Nano'],
        hardwareExperience: null,
      });
      expect(new Date(patched.body.updatedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(before.body.updatedAt).getTime(),
      );
      etag = patched.etag!;
    });

    it('refuses a write with a stale If-Match and changes nothing', async () => {
      const before = await storedRow(person);
      for (const [method, body] of [
        ['PATCH', { devices: [] }],
        ['PUT', fullProfile],
      ] as const) {
        const stale = await send(profileRequest(person, method, body, { headers: { 'if-match': '"v1"' } }));
        expect(stale).toMatchObject({ status: 412, body: { code: 'PROFILE_VERSION_CONFLICT' } });
      }
      for (const garbage of ['nonsense', '"v-1"', 'W/', '"v99999999999"']) {
        const bad = await send(
          profileRequest(person, 'PATCH', { devices: [] }, { headers: { 'if-match': garbage } }),
        );
        expect(bad.status).toBe(412);
      }
      expect(await storedRow(person)).toEqual(before);
    });

    it('accepts If-Match: * for an existing profile', async () => {
      const result = await send(
        profileRequest(person, 'PATCH', { experienceYears: '10+' }, { headers: { 'if-match': '*' } }),
      );
      expect(result).toMatchObject({ status: 200, body: { experienceYears: '10+' } });
    });
  });
});

describe('given a create-only PUT (If-None-Match: *)', () => {
  let person: Person;
  beforeAll(async () => {
    person = await signUp(h.auth);
  });

  it('creates the profile when there is none', async () => {
    const created = await send(
      profileRequest(person, 'PUT', fullProfile, { headers: { 'if-none-match': '*' } }),
    );
    expect(created).toMatchObject({
      status: 201,
      etag: '"v1"',
      body: { frameworks: fullProfile.frameworks },
    });
  });

  it('refuses to replace an existing profile with 412 and changes nothing', async () => {
    const before = await storedRow(person);
    const again = await send(
      profileRequest(person, 'PUT', { languages: [], frameworks: [] }, { headers: { 'if-none-match': '*' } }),
    );
    expect(again).toMatchObject({ status: 412, body: { code: 'PROFILE_VERSION_CONFLICT' } });
    expect(await storedRow(person)).toEqual(before);
  });

  it('with a tag list, replaces unless the stored version is listed', async () => {
    const before = await storedRow(person);
    const listed = await send(
      profileRequest(person, 'PUT', fullProfile, { headers: { 'if-none-match': '"v9", "v1"' } }),
    );
    expect(listed).toMatchObject({ status: 412, body: { code: 'PROFILE_VERSION_CONFLICT' } });
    expect(await storedRow(person)).toEqual(before);
    const other = await send(
      profileRequest(person, 'PUT', fullProfile, { headers: { 'if-none-match': '"v7"' } }),
    );
    expect(other).toMatchObject({ status: 200, etag: '"v2"' });
  });

  it('refuses If-Match together with If-None-Match as 400 naming the header, and changes nothing', async () => {
    const before = await storedRow(person);
    const both = await send(
      profileRequest(person, 'PUT', fullProfile, { headers: { 'if-none-match': '*', 'if-match': '*' } }),
    );
    expect(both).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', issues: [{ path: 'if-none-match' }] },
    });
    expect(await storedRow(person)).toEqual(before);
  });

  it('lets exactly one of 8 racing creates win', async () => {
    const racer = await signUp(h.auth);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send(
          profileRequest(
            racer,
            'PUT',
            { ...fullProfile, experienceYears: `${i}-${i + 1}` },
            { headers: { 'if-none-match': '*' } },
          ),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(7);
    const winner = results.find((r) => r.status === 201);
    expect((await storedRow(racer))?.experience_years).toBe(winner?.body.experienceYears);
  });
});

describe('given two people', () => {
  let a: Person;
  let b: Person;
  beforeAll(async () => {
    a = await signUp(h.auth);
    b = await signUp(h.auth);
    await h.handler(profileRequest(a, 'PUT', fullProfile));
    await h.handler(
      profileRequest(b, 'PUT', { languages: [{ language: 'Go', level: 'expert' }], frameworks: ['Gin'] }),
    );
  });

  it('A never reads B, whatever id is put in the path or query', async () => {
    for (const url of [
      `${BASE}/api/profile?userId=${b.id}`,
      `${BASE}/api/profile?user_id=${b.id}&id=${b.id}`,
      `${BASE}/api/profile/?userId=${b.id}`,
    ]) {
      const read = await send(profileRequest(a, 'GET', undefined, { url }));
      expect(read.status).toBe(200);
      expect(read.body.frameworks).toEqual(fullProfile.frameworks);
    }
    const byPath = await send(profileRequest(a, 'GET', undefined, { url: `${BASE}/api/profile/${b.id}` }));
    expect(byPath.status).toBe(404);
    expect(byPath.body.code).toBe('NOT_FOUND');
  });

  it('A cannot change B by naming B in the body, path or query, and B is unchanged', async () => {
    const bBefore = await storedRow(b);
    const aBefore = await storedRow(a);
    for (const body of [
      { ...fullProfile, userId: b.id },
      { ...fullProfile, user_id: b.id },
      { ...fullProfile, id: bBefore!.id },
      { ...fullProfile, createdAt: '2000-01-01T00:00:00Z' },
    ]) {
      const result = await send(profileRequest(a, 'PUT', body));
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('VALIDATION_FAILED');
      expect(result.body.issues).toContainEqual(expect.objectContaining({ code: 'read_only' }));
    }
    const viaQuery = await send(
      profileRequest(a, 'PATCH', { frameworks: ['Hijacked'] }, { url: `${BASE}/api/profile?userId=${b.id}` }),
    );
    expect(viaQuery.status).toBe(200);
    expect(await storedRow(b)).toEqual(bBefore);
    expect((await storedRow(a))?.frameworks).toEqual(['Hijacked']);
    expect((await storedRow(a))?.created_at).toEqual(aBefore?.created_at);
  });

  it('a request without a session, or with a forged one, gets 401', async () => {
    expect((await send(profileRequest(null, 'GET'))).body.code).toBe('UNAUTHENTICATED');
    const forged = { ...a, cookie: 'better-auth.session_token=forged.signature' };
    const result = await send(profileRequest(forged, 'PUT', fullProfile));
    expect(result).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });
});

describe('given malformed requests', () => {
  let person: Person;
  let before: Awaited<ReturnType<typeof storedRow>>;
  beforeAll(async () => {
    person = await signUp(h.auth);
    await h.handler(profileRequest(person, 'PUT', fullProfile));
    before = await storedRow(person);
  });

  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  const huge = JSON.stringify({ ...fullProfile, frameworks: ['x'.repeat(1_100_000)] });
  const cases: [
    string,
    string,
    { raw?: string; body?: unknown; headers?: Record<string, string> },
    number,
    string,
  ][] = [
    ['wrong types', 'PUT', { body: { languages: 'Python', frameworks: 3 } }, 400, 'VALIDATION_FAILED'],
    ['an unknown key', 'PATCH', { body: { isAdmin: true } }, 400, 'VALIDATION_FAILED'],
    [
      'a huge array',
      'PATCH',
      { body: { devices: Array.from({ length: 1000 }, (_, i) => `d${i}`) } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'duplicate languages',
      'PATCH',
      {
        body: {
          languages: [
            { language: 'Go', level: 'expert' },
            { language: 'GO', level: 'beginner' },
          ],
        },
      },
      400,
      'VALIDATION_FAILED',
    ],
    ['an unknown level', 'PATCH', { body: { softwareExperience: 'godlike' } }, 400, 'VALIDATION_FAILED'],
    [
      'deep nesting',
      'PUT',
      { raw: `{"languages":${deep},"frameworks":[]}`, headers: { 'content-type': 'application/json' } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a JSON array body',
      'PUT',
      { raw: '[1,2,3]', headers: { 'content-type': 'application/json' } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a JSON null body',
      'PATCH',
      { raw: 'null', headers: { 'content-type': 'application/json' } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'bad JSON',
      'PUT',
      { raw: '{"languages": [', headers: { 'content-type': 'application/json' } },
      400,
      'INVALID_JSON',
    ],
    [
      'an empty body',
      'PATCH',
      { raw: '', headers: { 'content-type': 'application/json' } },
      400,
      'INVALID_JSON',
    ],
    [
      'invalid UTF-8',
      'PUT',
      { raw: undefined, headers: { 'content-type': 'application/json' } },
      400,
      'INVALID_JSON',
    ],
    [
      'more than 1 MB',
      'PUT',
      { raw: huge, headers: { 'content-type': 'application/json' } },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a form post',
      'PUT',
      { raw: 'languages=Python', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['no content type', 'PATCH', { raw: '{}' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'text/plain JSON',
      'PATCH',
      { raw: '{}', headers: { 'content-type': 'text/plain' } },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a DELETE', 'DELETE', {}, 405, 'METHOD_NOT_ALLOWED'],
    ['a POST', 'POST', { body: fullProfile }, 405, 'METHOD_NOT_ALLOWED'],
  ];

  it.each(cases)(
    '%s gets a 4xx with a code and changes nothing',
    async (name, method, input, status, code) => {
      const raw = name === 'invalid UTF-8' ? new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) : input.raw;
      const request = new Request(`${BASE}/api/profile`, {
        method,
        headers: {
          cookie: person.cookie,
          origin: BASE,
          ...(input.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...input.headers,
        },
        body: input.body !== undefined ? JSON.stringify(input.body) : raw,
      });
      const result = await send(request);
      expect(result.status).toBe(status);
      expect(result.body.code).toBe(code);
      expect(typeof result.body.message).toBe('string');
      expect(await storedRow(person)).toEqual(before);
    },
  );

  it('names the wrong field in issues', async () => {
    const result = await send(
      profileRequest(person, 'PATCH', { languages: [{ language: 'Go', level: 'guru' }] }),
    );
    expect(result.body.issues).toEqual([
      expect.objectContaining({ path: 'languages.0.level', code: 'invalid_value' }),
    ]);
  });

  it.each([-1, 2.5, 100, '3-', 'ten', true])(
    'refuses %j as experienceYears, naming the field, and keeps the stored years',
    async (years) => {
      const result = await send(profileRequest(person, 'PATCH', { experienceYears: years }));
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('VALIDATION_FAILED');
      expect(result.body.issues).toEqual([
        expect.objectContaining({
          path: 'experienceYears',
          code: typeof years === 'boolean' ? 'invalid_type' : 'invalid_format',
        }),
      ]);
      expect(await storedRow(person)).toEqual(before);
    },
  );

  it('a body over the limit is refused even when Content-Length is not sent', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const request = new Request(`${BASE}/api/profile`, {
      method: 'PUT',
      headers: { cookie: person.cookie, origin: BASE, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const result = await send(request);
    expect(result.status).toBe(413);
  });
});

describe('given 16 concurrent writes with the same If-Match', () => {
  it('exactly one succeeds, the rest get 412 and nothing is lost', async () => {
    const person = await signUp(h.auth);
    const created = await send(profileRequest(person, 'PUT', fullProfile));
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        send(
          profileRequest(
            person,
            'PATCH',
            { devices: [`Board ${i}`] },
            { headers: { 'if-match': created.etag! } },
          ),
        ),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(15);
    const row = await storedRow(person);
    expect(row?.devices).toEqual(winners[0]!.body.devices);
    expect(row?.languages).toEqual(fullProfile.languages);
    expect(`"v${row?.version}"`).toBe(winners[0]!.etag);
  });
});

describe('given a person who is deleted', () => {
  it('their profile, sessions and accounts go with them', async () => {
    const person = await signUp(h.auth);
    await h.handler(profileRequest(person, 'PUT', fullProfile));
    await h.database.db.deleteFrom('users').where('id', '=', person.id).execute();
    for (const table of ['user_profiles', 'sessions', 'accounts']) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)} where user_id = ${person.id}`.execute(
        h.database.db,
      );
      expect(rows[0]?.n).toBe(0);
    }
    expect((await send(profileRequest(person, 'GET'))).status).toBe(401);
  });

  it('deleting through better-auth removes the profile too', async () => {
    const person = await signUp(h.auth);
    await h.handler(profileRequest(person, 'PUT', fullProfile));
    const response = await h.auth.handler(
      new Request(`${BASE}/api/auth/delete-user`, {
        method: 'POST',
        headers: { cookie: person.cookie, 'content-type': 'application/json', origin: BASE },
        body: JSON.stringify({ password: 'correct horse battery' }),
      }),
    );
    expect(response.status).toBe(200);
    expect(await storedRow(person)).toBeUndefined();
  });
});

describe('createProfileHandler', () => {
  it('refuses to start without a better-auth instance or a Kysely db', () => {
    // @ts-expect-error auth is required
    expect(() => createProfileHandler({ db: h.database.db })).toThrow(/auth/);
    // @ts-expect-error db must be a Kysely instance
    expect(() => createProfileHandler({ auth: h.auth, db: {} })).toThrow(/Kysely/);
  });

  it('answers 500 SERVER_ERROR (and reports it) when the database fails, not for bad input', async () => {
    const errors: unknown[] = [];
    const person = await signUp(h.auth);
    const broken = createProfileHandler({
      auth: h.auth,
      db: h.database.db.withSchema('schema_that_does_not_exist'),
      onError: (e) => errors.push(e),
    });
    const response = await broken(profileRequest(person, 'GET'));
    expect(response.status).toBe(500);
    expect(((await response.json()) as { code: string }).code).toBe('SERVER_ERROR');
    expect(errors).toHaveLength(1);
  });
});
