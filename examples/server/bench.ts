/**
 * Load benchmark of the reference server on real PostgreSQL: GET and PATCH /api/profile beside better-auth's
 * own GET /api/auth/get-session at the same load. Run with `npm run bench:server`; not part of `npm test`.
 *
 * Each load (BENCH_CONNECTIONS, default "10,50") runs get-session, GET and PATCH /api/profile, then
 * password sign-in and sign-up, which are CPU-bound (scrypt): for those it also reports how many the server
 * process completes per second of CPU time it used, that is per core.
 *
 * Environment: BENCH_DATABASE_URL (default TEST_DATABASE_URL, then postgres://postgres@127.0.0.1:5432/test;
 * a scratch database is created beside it and dropped after), BENCH_CONNECTIONS ("10,50"), BENCH_SECONDS (15
 * per endpoint, in BENCH_ROUNDS turns, 3 by default), PROFILE_FAST_WRITES=0 for the write path without its
 * one-round-trip shortcut.
 * Targets: profile p99 under 250 ms with 0 errors and 0 non-2xx; PATCH p99 at most 0.7x get-session's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import pg from 'pg';

const baseUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const loads = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Waits until the server is idle: what a warm-up left queued (hashes above all) must not count. */
async function settle(pid: number | undefined): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const before = await cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 500));
    if ((await cpuSeconds(pid)) - before < 0.05) return;
  }
}

function run(title: string, options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: seconds, ...options, title }, (error, result) =>
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
    headers: { cookie, 'content-type': 'application/json', origin },
    body: JSON.stringify(profile),
  });
  if (put.status !== 201) throw new Error(`profile create failed: ${put.status}`);

  const json = { 'content-type': 'application/json', origin };
  let signUps = 0;
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
        headers: { cookie, 'content-type': 'application/json', origin },
        body: JSON.stringify({ devices: ['Raspberry Pi 5', 'Arduino Uno'], softwareExperience: 'advanced' }),
      },
    ],
    [
      'POST /api/auth/sign-in/email (better-auth, scrypt)',
      {
        url: `${origin}/api/auth/sign-in/email`,
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'bench@example.test', password: 'benchmark-password' }),
      },
    ],
    [
      'POST /api/auth/sign-up/email (better-auth, scrypt)',
      {
        url: `${origin}/api/auth/sign-up/email`,
        method: 'POST',
        headers: json,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                email: `bench-${process.pid}-${++signUps}@example.test`,
                password: 'benchmark-password',
                name: 'Bench',
              }),
            }),
          },
        ],
      },
    ],
  ];

  interface Row {
    name: string;
    rps: number;
    p50: number;
    p99: number;
    errors: number;
    non2xx: number;
    perCore?: number;
  }
  let failed = false;
  for (const connections of loads) {
    // On a shared machine the load drifts: each endpoint runs in `rounds` turns, interleaved with the
    // others, and its figures are the median turn's, so that every endpoint meets the same drift.
    const turns = new Map<string, Row[]>();
    for (let round = 0; round < rounds; round++) {
      for (const [name, options] of scenarios) {
        const scrypt = name.includes('scrypt');
        // A hash takes a CPU core for about 0.1 s: sign-ins and sign-ups run once, as a number of requests
        // (two per connection) rather than a time, so each load gives figures however busy the machine is.
        if (scrypt && round > 0) continue;
        if (round === 0)
          await run(`${name} (warm-up)`, { ...options, connections, duration: 3, timeout: 60 });
        await settle(server.pid);
        const before = await cpuSeconds(server.pid);
        // Password hashing queues up under load: a sign-in waits its turn rather than time out.
        const result = await run(name, {
          ...options,
          connections,
          ...(scrypt ? { amount: connections * 2, timeout: 120 } : { duration: seconds / rounds }),
        });
        const used = (await cpuSeconds(server.pid)) - before;
        if (result.non2xx > 0)
          console.error(`${name}: status codes ${JSON.stringify(result.statusCodeStats)}`);
        const turn: Row = {
          name,
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          ...(scrypt ? { perCore: result.requests.total / used } : {}),
        };
        turns.set(name, [...(turns.get(name) ?? []), turn]);
      }
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const rows: Row[] = [...turns].map(([name, all]) => ({
      name,
      rps: Math.round(median(all.map((t) => t.rps))),
      p50: median(all.map((t) => t.p50)),
      p99: median(all.map((t) => t.p99)),
      errors: all.reduce((sum, t) => sum + t.errors, 0),
      non2xx: all.reduce((sum, t) => sum + t.non2xx, 0),
      ...(all[0]?.perCore === undefined ? {} : { perCore: median(all.map((t) => t.perCore ?? 0)) }),
    }));
    const session = rows[0]!;
    const patch = rows.find((r) => r.name.startsWith('PATCH'))!;
    console.log(
      `\n${connections} connections, ${seconds} s per endpoint in ${rounds} interleaved turns (median turn), Node ${process.version}, ${dbUrl.host} (PostgreSQL)\n`,
    );
    console.log(
      '| Endpoint | Requests/s | p50 (ms) | p99 (ms) | Errors | Non-2xx | p99 vs get-session | Per CPU-second |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      const perCore = r.perCore === undefined ? '' : r.perCore.toFixed(1);
      console.log(
        `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${(r.p99 / session.p99).toFixed(2)}x | ${perCore} |`,
      );
    }
    const missed =
      rows.some(
        (r) =>
          !r.name.includes('scrypt') &&
          (r.errors > 0 || r.non2xx > 0 || (r.name.includes('profile') && r.p99 >= 250)),
      ) || patch.p99 > 0.7 * session.p99;
    console.log(
      missed
        ? `\nTargets missed at ${connections} connections (profile p99 < 250 ms, 0 errors, PATCH p99 <= 0.7x get-session)`
        : `\nTargets met at ${connections} connections: PATCH p99 ${(patch.p99 / session.p99).toFixed(2)}x get-session`,
    );
    failed ||= missed;
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${scratch}`));
}
