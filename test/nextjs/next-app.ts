import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, ROOT } from '../e2e/support';

export const APP_DIR = join(ROOT, 'examples/nextjs');
const NEXT_BIN = join(APP_DIR, 'node_modules/next/dist/bin/next');

/** A scratch database on the PostgreSQL of TEST_DATABASE_URL (or the machine's default), dropped after. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `pk_next_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function nextEnv(databaseUrl: string, origin = 'http://127.0.0.1:3000'): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_URL: origin,
    BETTER_AUTH_SECRET: 'next-e2e-secret-that-is-long-enough-for-better-auth',
  };
}

/** Runs `next <args>` in the example to completion; rejects with its output when it fails. */
export function runNext(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: APP_DIR, env });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`next ${args.join(' ')} failed:\n${output}`)),
    );
  });
}

export interface NextServer {
  origin: string;
  output(): string;
  close(): Promise<void>;
}

/** `next start` or `next dev` on a free port of 127.0.0.1, ready when the first page answers. */
export async function startNext(mode: 'start' | 'dev', databaseUrl: string): Promise<NextServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [NEXT_BIN, mode, '--hostname', '127.0.0.1', '--port', String(port)],
    // Its own process group: next start runs the server in a child process, and both must stop.
    { cwd: APP_DIR, env: nextEnv(databaseUrl, origin), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const close = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  // `next dev` compiles a page on its first request: allow it time on a busy machine.
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`next ${mode} exited during start-up:\n${output}`);
    try {
      const response = await fetch(`${origin}/api/auth/ok`);
      if (response.ok) return { origin, output: () => output, close };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  await close();
  throw new Error(`next ${mode} did not answer within 150 s:\n${output}`);
}
