/**
 * Load benchmark of the reference server on real PostgreSQL: GET and PATCH /api/profile beside better-auth's
 * own GET /api/auth/get-session at the same load. Run with `npm run bench:server`; not part of `npm test`.
 *
 * Environment: BENCH_DATABASE_URL (default TEST_DATABASE_URL, then postgres://postgres@127.0.0.1:5432/test;
 * a scratch database is created beside it and dropped after), BENCH_CONNECTIONS (10), BENCH_SECONDS (15).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';

const baseUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const port = Number(process.env.BENCH_PORT ?? 3999);
const origin = `http://127.0.0.1:${port}`;
const scratch = `pk_bench_${process.pid}`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function waitForServer(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error('the server exited during start-up');
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start within 20 s');
}

function run(title: string, options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration: seconds, ...options, title }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const dbUrl = new URL(baseUrl);
dbUrl.pathname = `/${scratch}`;
await admin((c) => c.query(`CREATE DATABASE ${scratch}`));
const server = spawn(process.execPath, ['--import', 'tsx', 'examples/server/index.ts'], {
  env: {
    ...process.env,
    TSX_TSCONFIG_PATH: 'examples/tsconfig.json',
    DATABASE_URL: dbUrl.href,
    DATABASE_POOL_SIZE: '10',
    PORT: String(port),
    BASE_URL: origin,
    BETTER_AUTH_SECRET: 'benchmark-secret-that-is-long-enough',
    NODE_ENV: 'production',
    // Measure the handlers, not the 429s of better-auth's per-IP limiter: every request here comes from one IP.
    AUTH_RATE_LIMIT: 'off',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

try {
  await waitForServer(server);
  const signUp = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: 'bench@example.test', password: 'benchmark-password', name: 'Bench' }),
  });
  if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const profile = {
    languages: [{ language: 'Python', level: 'intermediate' }],
    frameworks: ['Django', 'React'],
    experienceYears: '3-5',
    devices: ['Raspberry Pi 4'],
  };
  const put = await fetch(`${origin}/api/profile`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(profile),
  });
  if (put.status !== 201) throw new Error(`profile create failed: ${put.status}`);

  const scenarios: [string, autocannon.Options][] = [
    [
      'GET /api/auth/get-session (better-auth)',
      { url: `${origin}/api/auth/get-session`, headers: { cookie } },
    ],
    ['GET /api/profile', { url: `${origin}/api/profile`, headers: { cookie } }],
    [
      'PATCH /api/profile',
      {
        url: `${origin}/api/profile`,
        method: 'PATCH',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ devices: ['Raspberry Pi 5', 'Arduino Uno'], softwareExperience: 'advanced' }),
      },
    ],
  ];

  const rows: { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number }[] = [];
  for (const [name, options] of scenarios) {
    await run(`${name} (warm-up)`, { ...options, duration: 3 });
    const result = await run(name, options);
    if (result.non2xx > 0) console.error(`${name}: status codes ${JSON.stringify(result.statusCodeStats)}`);
    rows.push({
      name,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    });
  }
  const session = rows[0]!;
  console.log(
    `\n${connections} connections, ${seconds} s per endpoint, Node ${process.version}, ${dbUrl.host} (PostgreSQL)\n`,
  );
  console.log('| Endpoint | Requests/s | p50 (ms) | p99 (ms) | Errors | Non-2xx | p99 vs get-session |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${(r.p99 / session.p99).toFixed(2)}x |`,
    );
  }
  const failed = rows.some(
    (r) => r.errors > 0 || r.non2xx > 0 || (r.name.includes('profile') && r.p99 >= 250),
  );
  console.log(
    failed
      ? '\nTarget missed: profile p99 < 250 ms with 0 errors'
      : '\nTarget met: profile p99 < 250 ms with 0 errors',
  );
  process.exitCode = failed ? 1 : 0;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${scratch}`));
}
