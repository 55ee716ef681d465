// The reference server's life: a client that goes away mid-body is not a server failure, and SIGTERM lets
// the requests under way finish before the database closes.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../examples/server/app';
import { migrate } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './db';

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const ROOT = new URL('../../', import.meta.url).pathname;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function collect(response: http.IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () =>
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        text: Buffer.concat(chunks).toString('utf8'),
      }),
    );
  });
}

function request(
  port: number,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string>; agent?: http.Agent } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        agent: init.agent ?? false,
        headers: {
          origin: ORIGIN,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
      },
      (response) => collect(response).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * A request the server has received (it answered `100 Continue` to the headers) and is still reading:
 * `finish()` sends the body and resolves with the answer; `abort()` sends part of it and goes away.
 */
async function underWay(
  port: number,
  path: string,
  init: {
    method: string;
    body: string;
    headers?: Record<string, string>;
    agent?: http.Agent;
    chunked?: boolean;
  },
) {
  let answered: (answer: Answer) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const answer = new Promise<Answer>((resolve, reject) => {
    answered = resolve;
    failed = reject;
  });
  const req = http.request({
    host: '127.0.0.1',
    port,
    path,
    method: init.method,
    agent: init.agent ?? false,
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      expect: '100-continue',
      ...(init.chunked ? {} : { 'content-length': String(Buffer.byteLength(init.body)) }),
      ...init.headers,
    },
  });
  req.on('response', (response) => collect(response).then(answered, failed));
  req.on('error', failed);
  req.flushHeaders();
  await once(req, 'continue');
  return {
    answer,
    finish() {
      req.end(init.body);
      return answer;
    },
    abort() {
      answer.catch(() => {});
      req.write(init.body.slice(0, Math.floor(init.body.length / 2)));
      req.destroy();
    },
  };
}

async function signUp(port: number, email: string, agent?: http.Agent) {
  const answer = await request(port, '/api/auth/sign-up/email', {
    method: 'POST',
    body: JSON.stringify({ email, password: PASSWORD, name: 'Lifecycle' }),
    ...(agent ? { agent } : {}),
  });
  expect(answer.status, answer.text).toBe(200);
  return (answer.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]).join('; ');
}

const profileBody = JSON.stringify({
  languages: [{ language: 'Rust', level: 'beginner' }],
  frameworks: ['Axum'],
});

describe('given the reference server, a client that disconnects mid-body', () => {
  let database: TestDatabase;
  let server: http.Server;
  let port: number;
  const handled: Response[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate(database.db);
    const { app } = createApp({
      db: database.db,
      baseURL: ORIGIN,
      secret: 'lifecycle-test-secret-long-enough-for-better-auth',
      rateLimit: true,
    });
    server = serve({
      // Every answer the app gives, so the test can wait until it has finished with an abandoned request.
      fetch: async (req, env) => {
        const response = await app.fetch(req, env);
        handled.push(response.clone());
        return response;
      },
      port: 0,
      hostname: '127.0.0.1',
    }) as http.Server;
    if (!server.listening) await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  it('is not logged or answered as a server failure, on better-auth routes and the profile API', async () => {
    const cookie = await signUp(port, `abort-${Date.now()}@example.test`);
    const logged = vi.spyOn(console, 'error');
    try {
      const cases = [
        { path: '/api/auth/sign-up/email', method: 'POST', chunked: false },
        { path: '/api/auth/sign-up/email', method: 'POST', chunked: true },
        { path: '/api/auth/sign-in/email', method: 'POST', chunked: false },
        { path: '/api/profile', method: 'PUT', chunked: false, headers: { cookie } },
        { path: '/api/profile', method: 'PUT', chunked: true, headers: { cookie } },
      ];
      for (const { path, method, chunked, headers } of cases) {
        const before = handled.length;
        const body =
          path === '/api/profile'
            ? profileBody
            : JSON.stringify({ email: `gone-${Date.now()}@example.test`, password: PASSWORD, name: 'Gone' });
        const pending = await underWay(port, path, {
          method,
          body,
          chunked,
          ...(headers ? { headers } : {}),
        });
        pending.abort();
        await vi.waitUntil(() => handled.length > before);
        const response = handled[before]!;
        const what = `${method} ${path}${chunked ? ' (chunked)' : ''}`;
        // 400 ABORTED, or INVALID_JSON when the half body ended before the disconnect was seen.
        expect(response.status, what).toBe(400);
        expect(((await response.json()) as { code: string }).code, what).toMatch(/^(ABORTED|INVALID_JSON)$/);
      }
      // The server is unharmed, and nothing was stored from the half bodies.
      expect((await request(port, '/healthz')).status).toBe(200);
      const stored = await request(port, '/api/profile', { headers: { cookie } });
      expect(stored.status).toBe(200);
      expect(JSON.parse(stored.text)).toBeNull();
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});

describe('given the reference server as a process, on SIGTERM', () => {
  let database: TestDatabase;
  let child: ChildProcessWithoutNullStreams;
  let stdout = '';
  let stderr = '';
  let port: number;

  const printed = (text: string) =>
    vi.waitUntil(() => stdout.includes(text), { timeout: 60_000, interval: 50 }).then(() => undefined);

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = process.env.TEST_DATABASE_URL;
    const where = url
      ? { DATABASE_URL: `${url}?options=${encodeURIComponent(`-c search_path=${database.schema}`)}` }
      : { DATA_DIR: 'memory://' };
    // The sources, as `npm run demo` runs the build: tsx for TypeScript, a loader for the migrations' SQL.
    child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './test/server/support/sql-loader.mjs', 'examples/server/index.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...where,
          PORT: '0',
          HOST: '127.0.0.1',
          BASE_URL: ORIGIN,
          BETTER_AUTH_SECRET: 'lifecycle-child-secret-long-enough-for-better-auth',
          SHUTDOWN_GRACE_MS: '30000',
          NODE_ENV: 'development',
        },
      },
    );
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    await vi.waitUntil(() => /listening on 127\.0\.0\.1:\d+/.test(stdout) || child.exitCode !== null, {
      timeout: 110_000,
      interval: 100,
    });
    const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stdout);
    if (!match) throw new Error(`the server did not start:\n${stdout}\n${stderr}`);
    port = Number(match[1]);
  }, 120_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await database.close();
  });

  it('stops accepting, finishes the requests under way without a 5xx, then closes the database', async () => {
    // An idle keep-alive connection, which must not hold the shutdown up.
    const idleAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const cookie = await signUp(port, `stay-${Date.now()}@example.test`, idleAgent);
    const idle = Object.values(idleAgent.freeSockets).flat()[0] as Socket | undefined;
    expect(idle).toBeDefined();
    const idleClosed = once(idle!, 'close');
    // Requests under way on keep-alive connections of their own.
    const agent = new http.Agent({ keepAlive: true });

    const signUpUnderWay = await underWay(port, '/api/auth/sign-up/email', {
      method: 'POST',
      body: JSON.stringify({ email: `late-${Date.now()}@example.test`, password: PASSWORD, name: 'Late' }),
      agent,
    });
    const profileUnderWay = await underWay(port, '/api/profile', {
      method: 'PUT',
      body: profileBody,
      headers: { cookie },
      agent,
    });

    child.kill('SIGTERM');
    await printed('finishing the requests under way');
    await idleClosed;
    // No new connection is accepted.
    await expect(request(port, '/healthz')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const [signedUp, saved] = await Promise.all([signUpUnderWay.finish(), profileUnderWay.finish()]);
    expect(signedUp.status, signedUp.text).toBe(200);
    expect(saved.status, saved.text).toBe(201);
    // Their connections close rather than wait for another request.
    expect(signedUp.headers.connection).toBe('close');
    expect(saved.headers.connection).toBe('close');

    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain('profilekit demo: stopped');
    expect(stderr).not.toMatch(/destroyed|error/i);
    agent.destroy();
    idleAgent.destroy();
  }, 90_000);
});
