// Rate limits as production runs them: two instances of the reference server on one database, real TCP
// connections from distinct loopback addresses (127.0.0.x), better-auth's limiter with database storage and
// profilekit's per-account limit on failed sign-ins.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { betterAuth } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AppOptions, createApp } from '../../examples/server/app';
import {
  ADDRESS_RULES,
  createAuthHandler,
  DEFAULT_FAILED_SIGN_IN_LIMIT,
  migrate,
  profileKitAuthOptions,
} from '../../src/server';
import { accountKey } from '../../src/server/limits';
import { createTestDatabase, type TestDatabase } from './db';

// Several tests make 30 or more sign-ins, each a scrypt hash: on two cores shared with the browser suites
// that can pass 20 s.
vi.setConfig({ testTimeout: 90_000 });

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const ACCOUNT_MAX = DEFAULT_FAILED_SIGN_IN_LIMIT.max; // 10
const ACCOUNT_WINDOW = DEFAULT_FAILED_SIGN_IN_LIMIT.window; // 900 s
const ADDRESS_SIGN_INS = ADDRESS_RULES['/sign-in/email'].max; // 30 per 15 min
const ADDRESS_SIGN_UPS = ADDRESS_RULES['/sign-up/email'].max; // 10 per hour

interface Instance {
  url: string;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

let database: TestDatabase;
const instances: Instance[] = [];

async function start(options: Partial<AppOptions> = {}): Promise<Instance> {
  const { app } = createApp({
    // Each instance opens its own connection, as a second server would.
    db: instances.length === 0 ? database.db : database.connect(),
    baseURL: ORIGIN,
    secret: 'rate-limit-test-secret-long-enough-for-better-auth',
    rateLimit: true,
    ...options,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
  if (!server.listening) await once(server, 'listening');
  const instance = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  instances.push(instance);
  return instance;
}

/** One request on its own TCP connection from `from`, a loopback address (the client's true address). */
function send(
  instance: Instance,
  path: string,
  init: { from: string; body?: unknown; method?: string; headers?: Record<string, string> },
): Promise<Answer> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(path, instance.url),
      {
        method: init.method ?? 'POST',
        localAddress: init.from,
        agent: false,
        headers: {
          origin: ORIGIN,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...init.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, unknown> = {};
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            body = { text };
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const signIn = (instance: Instance, from: string, email: string, password: string, forwardedFor?: string) =>
  send(instance, '/api/auth/sign-in/email', {
    from,
    body: { email, password },
    ...(forwardedFor === undefined ? {} : { headers: { 'x-forwarded-for': forwardedFor } }),
  });

let people = 0;
async function signUp(instance: Instance, from: string, headers: Record<string, string> = {}) {
  const email = `limits${++people}-${Date.now()}@example.test`;
  const answer = await send(instance, '/api/auth/sign-up/email', {
    from,
    body: { email, password: PASSWORD, name: 'Limit Tester' },
    headers,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { email, id: (answer.body.user as { id: string }).id };
}

/** A 429 in the shape the components read: `Retry-After` in seconds, and the same figure in the body. */
function expectRateLimited(answer: Answer, atMost: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(429);
  const seconds = Number(answer.headers['retry-after']);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(atMost);
  expect(answer.body).toMatchObject({ code: 'RATE_LIMITED', retryAfter: seconds });
}

/** Failed sign-ins for one account until refused; how many were judged (401) before the first 429. */
async function failUntilRefused(attempt: (i: number) => Promise<Answer>, limit = 50) {
  for (let i = 0; i < limit; i++) {
    const answer = await attempt(i);
    if (answer.status === 429) return { judged: i, refusal: answer };
    expect(answer.status, JSON.stringify(answer.body)).toBe(401);
  }
  throw new Error(`no 429 after ${limit} attempts`);
}

async function sessionAddresses(userId: string) {
  const { rows } = await sql<{ ip_address: string | null }>`
    select ip_address from sessions where user_id = ${userId} order by created_at`.execute(database.db);
  return rows.map((row) => row.ip_address);
}

let a: Instance;
let b: Instance;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
  a = await start();
  b = await start();
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
  await database.close();
});

describe(`given two instances on one ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'} database`, () => {
  it('counts failed sign-ins per account across both instances: the 11th attempt is refused on either', async () => {
    const owner = await signUp(a, '127.0.0.2');
    const { judged, refusal } = await failUntilRefused((i) =>
      signIn(i % 2 ? b : a, '127.0.0.3', owner.email, `wrong password ${i}`),
    );
    expect(judged).toBe(ACCOUNT_MAX);
    expectRateLimited(refusal, ACCOUNT_WINDOW);
    expect(refusal.body.message).toMatch(/failed sign-ins/);
    // Refused on the other instance too, whatever the password: nothing is checked while the window lasts.
    expectRateLimited(await signIn(b, '127.0.0.3', owner.email, 'another wrong one'), ACCOUNT_WINDOW);
    expectRateLimited(await signIn(a, '127.0.0.3', owner.email, PASSWORD), ACCOUNT_WINDOW);
    // The email's case does not make another account.
    expectRateLimited(await signIn(b, '127.0.0.3', owner.email.toUpperCase(), 'x'), ACCOUNT_WINDOW);
    const { rows } = await sql<{ count: number }>`
      select count from rate_limits where key = ${await accountKey(owner.email)}`.execute(database.db);
    expect(rows).toEqual([{ count: ACCOUNT_MAX }]);
  });

  it('holds the account limit against a burst of parallel guesses split over both instances', async () => {
    const owner = await signUp(b, '127.0.0.2');
    const answers = await Promise.all(
      Array.from({ length: 2 * ACCOUNT_MAX }, (_, i) =>
        signIn(i % 2 ? a : b, '127.0.0.4', owner.email, `guess ${i}`, `198.51.100.${i + 1}`),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(ACCOUNT_MAX);
    expect(statuses.filter((status) => status === 429)).toHaveLength(ACCOUNT_MAX);
  });

  it('counts an email without an account the same way, so the answer tells nothing', async () => {
    const { judged, refusal } = await failUntilRefused((i) =>
      signIn(i % 2 ? a : b, '127.0.0.5', 'nobody-here@example.test', `guess ${i}`),
    );
    expect(judged).toBe(ACCOUNT_MAX);
    expectRateLimited(refusal, ACCOUNT_WINDOW);
  });

  describe('without a trusted proxy (the default), a rotating X-Forwarded-For', () => {
    it('does not reset the account limit: still 10 failed attempts, then 429', async () => {
      const owner = await signUp(a, '127.0.0.2');
      const { judged, refusal } = await failUntilRefused((i) =>
        signIn(i % 2 ? b : a, '127.0.0.6', owner.email, `wrong ${i}`, `203.0.113.${i + 1}`),
      );
      expect(judged).toBe(ACCOUNT_MAX);
      expectRateLimited(refusal, ACCOUNT_WINDOW);
    });

    it('does not reset the address limit on sign-in: 30 attempts from one connection address, then 429', async () => {
      const attempt = (i: number) =>
        signIn(i % 2 ? b : a, '127.0.0.7', `stuffed${i}@example.test`, 'leaked password', `192.0.2.${i + 1}`);
      const first = await Promise.all(Array.from({ length: ADDRESS_SIGN_INS }, (_, i) => attempt(i)));
      expect(first.map((answer) => answer.status)).toEqual(Array(ADDRESS_SIGN_INS).fill(401));
      const refusal = await attempt(ADDRESS_SIGN_INS);
      // better-auth's own 429, in profilekit's shape.
      expectRateLimited(refusal, ADDRESS_RULES['/sign-in/email'].window);
      expectRateLimited(await attempt(ADDRESS_SIGN_INS + 1), ADDRESS_RULES['/sign-in/email'].window);
      // Counted in the database, keyed by the connection's address.
      const { rows } = await sql<{ key: string; count: number }>`
        select key, count from rate_limits where key like '%|/sign-in/email' and key like '127.0.0.7|%'`.execute(
        database.db,
      );
      expect(rows).toEqual([{ key: '127.0.0.7|/sign-in/email', count: ADDRESS_SIGN_INS }]);
      // Another address is not affected.
      expect((await signIn(a, '127.0.0.8', 'stuffed0@example.test', 'leaked password')).status).toBe(401);
    });

    it('does not reset the address limit on sign-up: 10 per hour from one address, then 429', async () => {
      for (let i = 0; i < ADDRESS_SIGN_UPS; i++) {
        await signUp(i % 2 ? b : a, '127.0.0.9', { 'x-forwarded-for': `192.0.2.${100 + i}` });
      }
      const refusal = await send(a, '/api/auth/sign-up/email', {
        from: '127.0.0.9',
        body: { email: 'one-too-many@example.test', password: PASSWORD, name: 'Too Many' },
        headers: { 'x-forwarded-for': '192.0.2.250' },
      });
      expectRateLimited(refusal, ADDRESS_RULES['/sign-up/email'].window);
    });

    it('records the connection address with the session, not the forwarded one', async () => {
      const person = await signUp(b, '127.0.0.10', { 'x-forwarded-for': '198.51.100.7' });
      expect(await sessionAddresses(person.id)).toEqual(['127.0.0.10']);
    });

    it('ignores a request header that tries to pass for the address the server hands over', async () => {
      const person = await signUp(a, '127.0.0.11', {
        'x-profilekit-client-address': '198.51.100.8',
        'x-real-ip': '198.51.100.9',
        'cf-connecting-ip': '198.51.100.10',
      });
      expect(await sessionAddresses(person.id)).toEqual(['127.0.0.11']);
    });
  });

  describe('behind a trusted proxy (trustProxy: 1)', () => {
    let c: Instance;
    let d: Instance;
    beforeAll(async () => {
      c = await start({ trustProxy: 1 });
      d = await start({ trustProxy: 1 });
    });
    // The proxy connects from 127.0.0.20 and appends what it saw; the client wrote the entries before.
    const PROXY = '127.0.0.20';

    it('takes the right-most forwarded address, never the ones the client wrote', async () => {
      const person = await signUp(c, PROXY, { 'x-forwarded-for': '10.9.9.9, 203.0.113.50' });
      expect(await sessionAddresses(person.id)).toEqual(['203.0.113.50']);
    });

    it('limits each forwarded address on its own, not the proxy', async () => {
      const attempt = (i: number, client: string, spoofed = `10.0.0.${i % 250}`) =>
        signIn(i % 2 ? d : c, PROXY, `proxied${i}@example.test`, 'leaked password', `${spoofed}, ${client}`);
      const first = await Promise.all(
        Array.from({ length: ADDRESS_SIGN_INS }, (_, i) => attempt(i, '203.0.113.60')),
      );
      expect(first.map((answer) => answer.status)).toEqual(Array(ADDRESS_SIGN_INS).fill(401));
      expectRateLimited(
        await attempt(ADDRESS_SIGN_INS, '203.0.113.60'),
        ADDRESS_RULES['/sign-in/email'].window,
      );
      // Through the same proxy connection, another client is still answered.
      expect((await attempt(ADDRESS_SIGN_INS + 1, '203.0.113.61')).status).toBe(401);
    });

    it('keeps the account limit when the forwarded address changes every time', async () => {
      const owner = await signUp(d, PROXY, { 'x-forwarded-for': '203.0.113.70' });
      const { judged, refusal } = await failUntilRefused((i) =>
        signIn(i % 2 ? c : d, PROXY, owner.email, `wrong ${i}`, `203.0.113.${100 + i}`),
      );
      expect(judged).toBe(ACCOUNT_MAX);
      expectRateLimited(refusal, ACCOUNT_WINDOW);
    });

    it('reads a platform header when trustProxy names one (cf-connecting-ip)', async () => {
      const e = await start({ trustProxy: 'cf-connecting-ip' });
      const person = await signUp(e, PROXY, {
        'cf-connecting-ip': '2001:db8:1234:5678::9',
        'x-forwarded-for': '203.0.113.80',
      });
      // better-auth keys IPv6 clients by their /64.
      expect(await sessionAddresses(person.id)).toEqual(['2001:0db8:1234:5678:0000:0000:0000:0000']);
    });
  });

  describe('the owner of a targeted account', () => {
    it('is refused while the window lasts, then signs in from their own address once it has passed', async () => {
      const owner = await signUp(b, '127.0.0.2');
      vi.useFakeTimers({ toFake: ['Date'] });
      const { judged } = await failUntilRefused((i) =>
        signIn(i % 2 ? a : b, '127.0.0.30', owner.email, `attacker ${i}`),
      );
      expect(judged).toBe(ACCOUNT_MAX);
      // From the owner's own address, with the right password: refused, and told how long to wait.
      const refused = await signIn(a, '127.0.0.31', owner.email, PASSWORD);
      expectRateLimited(refused, ACCOUNT_WINDOW);
      expect(Number(refused.headers['retry-after'])).toBe(ACCOUNT_WINDOW);

      vi.setSystemTime(Date.now() + (ACCOUNT_WINDOW - 60) * 1000);
      const stillRefused = await signIn(b, '127.0.0.31', owner.email, PASSWORD);
      expectRateLimited(stillRefused, 60);

      vi.setSystemTime(Date.now() + 61 * 1000);
      const signedIn = await signIn(b, '127.0.0.31', owner.email, PASSWORD);
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
      expect(signedIn.headers['set-cookie']?.join(';')).toMatch(/session_token=/);
      // The right password cleared the account: the attacker starts again from nothing.
      const { rows } =
        await sql`select 1 from rate_limits where key = ${await accountKey(owner.email)}`.execute(
          database.db,
        );
      expect(rows).toEqual([]);
      expect((await signIn(a, '127.0.0.30', owner.email, 'attacker again')).status).toBe(401);
    });

    it('clears the count by signing in before the limit is reached', async () => {
      const owner = await signUp(a, '127.0.0.2');
      for (let i = 0; i < ACCOUNT_MAX - 1; i++) {
        expect((await signIn(i % 2 ? a : b, '127.0.0.32', owner.email, `typo ${i}`)).status).toBe(401);
      }
      expect((await signIn(a, '127.0.0.33', owner.email, PASSWORD)).status).toBe(200);
      const { judged } = await failUntilRefused((i) =>
        signIn(i % 2 ? a : b, '127.0.0.32', owner.email, `x${i}`),
      );
      expect(judged).toBe(ACCOUNT_MAX);
    });
  });

  describe('a host mounting better-auth with its own hooks and a limit of its own', () => {
    it('runs its hooks beside the name rule and the account limit, which use its window', async () => {
      const seen: string[] = [];
      const auth = betterAuth({
        ...profileKitAuthOptions({
          rateLimit: { enabled: true },
          failedSignInLimit: { max: 3, window: 60 },
          hooks: {
            before: createAuthMiddleware(async (ctx) => {
              seen.push(`before ${ctx.path}`);
            }),
            after: createAuthMiddleware(async (ctx) => {
              seen.push(`after ${ctx.path}`);
              ctx.setHeader('x-host-hook', 'ran');
            }),
          },
        }),
        database: { db: database.db, type: 'postgres' },
        baseURL: ORIGIN,
        secret: 'rate-limit-test-secret-long-enough-for-better-auth',
        logger: { disabled: true },
      });
      const handle = createAuthHandler(auth);
      const post = (path: string, body: unknown) =>
        handle(
          new Request(`${ORIGIN}/api/auth${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': '6.6.6.6' },
            body: JSON.stringify(body),
          }),
          '127.0.0.50',
        );
      const email = `hooks-${Date.now()}@example.test`;
      const tooLong = await post('/sign-up/email', { email, password: PASSWORD, name: 'n'.repeat(101) });
      expect(tooLong.status).toBe(400);
      expect(await tooLong.json()).toMatchObject({ code: 'NAME_TOO_LONG' });
      const signedUp = await post('/sign-up/email', { email, password: PASSWORD, name: '  Hook  ' });
      expect(signedUp.status).toBe(200);
      expect(signedUp.headers.get('x-host-hook')).toBe('ran');
      expect(((await signedUp.json()) as { user: { name: string } }).user.name).toBe('Hook');
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await post('/sign-in/email', { email, password: `no ${i}` })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await post('/sign-in/email', { email, password: PASSWORD });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(55);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(seen).toContain('before /sign-up/email');
      expect(seen).toContain('after /sign-in/email');
    });
  });

  describe('bad input', () => {
    it('never answers a 5xx to malformed sign-ins, paths or forwarding headers, nor logs an error', async () => {
      const c = await start({ trustProxy: 2 });
      const logged = vi.spyOn(console, 'error');
      const long = Array.from({ length: 4000 }, (_, i) =>
        String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
      ).join('');
      const bodies: unknown[] = [
        {},
        { email: 42, password: 'x' },
        { email: ['a@example.test'], password: 'x' },
        { email: '', password: 'x' },
        { email: `${long}@example.test`, password: 'x' },
        { email: 'nul\u0000@example.test', password: 'x' },
        { email: 'a@example.test' },
        { email: 'a@example.test', password: 'p'.repeat(4000) },
        null,
        'just a string',
      ];
      const forwarded = [
        '',
        ', ,',
        'not-an-address',
        '[::1]:80',
        '1.2.3.4:5678',
        '999.1.1.1',
        '1.2.3.4,'.repeat(500),
        'fe80::1%eth0',
      ];
      const answers: Answer[] = [];
      for (const [i, body] of bodies.entries()) {
        for (const instance of [a, c]) {
          answers.push(
            await send(instance, '/api/auth/sign-in/email', {
              from: '127.0.0.40',
              body,
              headers: { 'x-forwarded-for': forwarded[i % forwarded.length]! },
            }),
          );
        }
      }
      // Paths a client chose become limiter keys: longer than a btree entry allows.
      for (const instance of [a, c]) {
        answers.push(
          await send(instance, `/api/auth/${encodeURIComponent(long)}`, {
            from: '127.0.0.41',
            method: 'GET',
          }),
        );
        answers.push(await send(instance, `/api/auth/${'x'.repeat(6000)}`, { from: '127.0.0.41', body: {} }));
      }
      for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
      expect(logged).not.toHaveBeenCalled();
      logged.mockRestore();
    });
  });
});
