import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createHarness, type Harness, signUp } from './harness';

// Regression tests: sign-up and update-user stored a 1.5 MB name, and names of control characters.

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return h.auth.handler(
    new Request(`${BASE}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

async function userCount() {
  const row = await h.database.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('given a name at sign-up', () => {
  it.each([
    ['1.5 MB long', 'x'.repeat(1_500_000), 'NAME_TOO_LONG'],
    ['101 characters', 'y'.repeat(101), 'NAME_TOO_LONG'],
    ['a right-to-left override', '\u202eevil', 'INVALID_NAME'],
    ['a NUL', 'a\u0000b', 'INVALID_NAME'],
    ['only a zero-width space', '\u200b', 'INVALID_NAME'],
  ])('refuses %s with 400 and a code, creating nobody', async (_what, name, code) => {
    const before = await userCount();
    const response = await post('/sign-up/email', {
      email: `n${Math.random().toString(36).slice(2)}@example.test`,
      password: 'correct horse battery',
      name,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe(code);
    expect(await userCount()).toBe(before);
  });

  it('stores an accepted name trimmed and in NFC', async () => {
    const email = 'nfc@example.test';
    const response = await post('/sign-up/email', {
      email,
      password: 'correct horse battery',
      name: ' Jose\u0301 ',
    });
    expect(response.status).toBe(200);
    const user = await h.database.db
      .selectFrom('users')
      .select('name')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('Jos\u00e9');
  });
});

describe('given a name at update-user', () => {
  it('refuses a long or invisible name and keeps the old one', async () => {
    const person = await signUp(h.auth);
    for (const [name, code] of [
      ['z'.repeat(10_000), 'NAME_TOO_LONG'],
      ['\u0007bell', 'INVALID_NAME'],
    ] as const) {
      const response = await post('/update-user', { name }, { cookie: person.cookie });
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe(code);
    }
    const ok = await post('/update-user', { name: 'Ada Lovelace' }, { cookie: person.cookie });
    expect(ok.status).toBe(200);
    const user = await h.database.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('Ada Lovelace');
  });
});
