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

// Regression tests for values PostgreSQL cannot store (they answered 500) and for cookie writes from
// other sites (they were stored).

let h: Harness;
let person: Person;

beforeAll(async () => {
  h = await createHarness();
  person = await signUp(h.auth);
  const created = await h.handler(profileRequest(person, 'PUT', fullProfile));
  expect(created.status).toBe(201);
});
afterAll(() => h.close());

async function stored() {
  return h.database.db
    .selectFrom('user_profiles')
    .selectAll()
    .where('user_id', '=', person.id)
    .executeTakeFirstOrThrow();
}

/** A body whose JSON text carries the escape as written, e.g. a lone surrogate `\ud800`. */
function rawRequest(method: string, json: string, headers: Record<string, string> = {}) {
  return profileRequest(person, method, undefined, {
    raw: json,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const BAD_TEXT: [string, string][] = [
  ['a NUL', 'Py\\u0000thon'],
  ['a lone high surrogate', '\\ud800'],
  ['a lone low surrogate', 'x\\udfff'],
  ['a bell (C0 control)', '\\u0007bell'],
  ['a C1 control', 'a\\u0085b'],
  ['a right-to-left override', '\\u202eevil'],
  ['a bidi isolate', 'a\\u2066b'],
  ['only a zero-width space', '\\u200b'],
  ['only invisible characters and spaces', ' \\u200b\\u2060\\ufeff '],
];

const FIELDS: [string, (text: string) => string, string][] = [
  ['a language name', (t) => `{"languages":[{"language":"${t}","level":"expert"}]}`, 'languages.0.language'],
  ['a framework', (t) => `{"frameworks":["${t}"]}`, 'frameworks.0'],
  ['a device', (t) => `{"devices":["ok","${t}"]}`, 'devices.1'],
  ['an architecture', (t) => `{"architectureFamiliarity":["${t}"]}`, 'architectureFamiliarity.0'],
];

describe('given text the database cannot store or a person should not be shown', () => {
  for (const [what, text] of BAD_TEXT) {
    for (const [field, body, path] of FIELDS) {
      it(`refuses ${what} in ${field} with 400 invalid_characters through PUT and PATCH, storing nothing`, async () => {
        const before = await stored();
        const patch = await h.handler(rawRequest('PATCH', body(text)));
        expect(patch.status).toBe(400);
        const patchBody = await patch.json();
        expect(patchBody.code).toBe('VALIDATION_FAILED');
        expect(patchBody.issues).toContainEqual(
          expect.objectContaining({ path, code: 'invalid_characters' }),
        );
        const full = JSON.parse(body('X')) as Record<string, unknown>;
        const putJson = JSON.stringify({ ...fullProfile, ...full }).replace('"X"', `"${text}"`);
        const put = await h.handler(rawRequest('PUT', putJson));
        expect(put.status).toBe(400);
        expect((await put.json()).issues).toContainEqual(
          expect.objectContaining({ path, code: 'invalid_characters' }),
        );
        expect(await stored()).toEqual(before);
      });
    }
  }

  it('stores text in NFC: a decomposed é is stored composed', async () => {
    const response = await h.handler(profileRequest(person, 'PATCH', { frameworks: ['Cafe\u0301'] }));
    expect(response.status).toBe(200);
    expect((await stored()).frameworks).toEqual(['Caf\u00e9']);
    expect((await h.handler(profileRequest(person, 'PUT', fullProfile))).status).toBe(200);
  });

  it('keeps letters, emoji and joiners inside visible text', async () => {
    const names = ['日本語', 'עברית', '👩\u200d💻 Dev', 'Rust\u00a0lang'];
    const response = await h.handler(profileRequest(person, 'PATCH', { frameworks: names }));
    expect(response.status).toBe(200);
    expect((await stored()).frameworks).toEqual(names);
    expect((await h.handler(profileRequest(person, 'PUT', fullProfile))).status).toBe(200);
  });
});

describe('given a database data exception that gets past the schemas', () => {
  it('answers 400 VALIDATION_FAILED, not 500, and does not report a server failure', async () => {
    const errors: unknown[] = [];
    // A session id that is not a UUID makes PostgreSQL itself raise 22P02 (invalid text representation).
    const handler = createProfileHandler({
      auth: { api: { getSession: async () => ({ user: { id: 'not-a-uuid' } }) } },
      db: h.database.db,
      trustedOrigins: [BASE],
      onError: (error) => errors.push(error),
    });
    const get = await handler(profileRequest(person, 'GET'));
    expect(get.status).toBe(400);
    expect((await get.json()).code).toBe('VALIDATION_FAILED');
    const put = await handler(profileRequest(person, 'PUT', fullProfile));
    expect(put.status).toBe(400);
    expect(errors).toEqual([]);
  });
});

describe('given a cookie-authenticated write', () => {
  const change = { frameworks: ['Changed by another site'] };
  const REFUSED: [string, Record<string, string>][] = [
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['Origin: null', { origin: 'null' }],
    [
      'a foreign Origin with Sec-Fetch-Site: cross-site',
      { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    ],
    ['Sec-Fetch-Site: cross-site and no Origin', { origin: '', 'sec-fetch-site': 'cross-site' }],
    ['a foreign Referer and no Origin', { origin: '', referer: 'http://evil.example/page' }],
    ['no Origin at all', { origin: '' }],
    ['an origin that only starts like the trusted one', { origin: `${BASE}.evil.example` }],
  ];

  for (const [what, headers] of REFUSED) {
    for (const method of ['PUT', 'PATCH']) {
      it(`refuses ${method} with ${what}: 403 ORIGIN_NOT_ALLOWED, nothing stored`, async () => {
        const before = await stored();
        const init = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
        const request = profileRequest(
          person,
          method,
          method === 'PUT' ? { ...fullProfile, ...change } : change,
          {
            headers: init,
          },
        );
        if (headers.origin === '') request.headers.delete('origin');
        const response = await h.handler(request);
        expect(response.status).toBe(403);
        expect((await response.json()).code).toBe('ORIGIN_NOT_ALLOWED');
        expect(await stored()).toEqual(before);
      });
    }
  }

  it('accepts the origin better-auth trusts (its baseURL) by default', async () => {
    const response = await h.handler(
      profileRequest(
        person,
        'PATCH',
        { devices: ['Pi'] },
        { headers: { origin: BASE, 'sec-fetch-site': 'same-origin' } },
      ),
    );
    expect(response.status).toBe(200);
    expect((await h.handler(profileRequest(person, 'PUT', fullProfile))).status).toBe(200);
  });

  it('accepts a cross-origin host listed in trustedOrigins, and still refuses the rest', async () => {
    const handler = createProfileHandler({
      auth: h.auth,
      db: h.database.db,
      trustedOrigins: ['https://*.host.example'],
    });
    const trusted = await handler(
      profileRequest(
        person,
        'PATCH',
        { devices: ['Pi'] },
        {
          headers: { origin: 'https://app.host.example', 'sec-fetch-site': 'cross-site' },
        },
      ),
    );
    expect(trusted.status).toBe(200);
    const other = await handler(
      profileRequest(
        person,
        'PATCH',
        { devices: ['Pi'] },
        { headers: { origin: 'https://host.example.evil' } },
      ),
    );
    expect(other.status).toBe(403);
    expect((await h.handler(profileRequest(person, 'PUT', fullProfile))).status).toBe(200);
  });

  it('does not check reads, nor bearer-token writes (no ambient credential to forge)', async () => {
    const read = await h.handler(
      profileRequest(person, 'GET', undefined, { headers: { origin: 'http://evil.example' } }),
    );
    expect(read.status).toBe(200);
    const signIn = await h.auth.handler(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE },
        body: JSON.stringify({ email: person.email, password: 'correct horse battery' }),
      }),
    );
    const token = signIn.headers.get('set-auth-token');
    expect(token).toBeTruthy();
    const bearer = await h.handler(
      profileRequest(
        null,
        'PATCH',
        { devices: ['Bearer'] },
        {
          headers: {
            authorization: `Bearer ${token}`,
            origin: 'http://evil.example',
            'sec-fetch-site': 'cross-site',
          },
        },
      ),
    );
    expect(bearer.status).toBe(200);
    expect((await stored()).devices).toEqual(['Bearer']);
    expect((await h.handler(profileRequest(person, 'PUT', fullProfile))).status).toBe(200);
  });
});
