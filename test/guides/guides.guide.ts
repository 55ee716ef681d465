import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullJourney } from '../e2e/journey';
import { freePort, launchBrowser, openPage, ROOT } from '../e2e/support';
import { type GuideStep, guideSteps } from './extract';

// Runs a guide of docs/guides/ as a newcomer would: its files written into an empty folder, its commands
// run there (with the packed package in place of the published one), its servers started, then its page
// driven in Chromium across the two origins. `npm run test:guides` (after `npm run build`).

let tarball: string;
let browser: Browser;
const running: ChildProcess[] = [];

beforeAll(async () => {
  const out = await mkdtemp(join(tmpdir(), 'profilekit-pack-'));
  const name = execFileSync('npm', ['pack', '--pack-destination', out, '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  tarball = join(out, name.split('\n').pop() ?? '');
  browser = await launchBrowser();
});

/** Stops the guide's servers (each command's whole process group) and waits until they are gone. */
async function stopServers() {
  await Promise.all(
    running.splice(0).map(async (child) => {
      if (!child.pid || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }),
  );
}

afterAll(async () => {
  await stopServers();
  await browser?.close();
});

interface Settings {
  folder: string;
  env: Record<string, string>;
  /** Rewrites a command for this run: the tarball for `profilekit`, free ports for the guide's ones. */
  rewrite: (command: string) => string;
  /** Rewrites a file's text for this run (the API's address in a page). */
  rewriteFile?: (content: string) => string;
}

const log: string[] = [];

function run(step: Extract<GuideStep, { kind: 'command' }>, settings: Settings) {
  const command = settings.rewrite(step.command);
  log.push(`$ ${command}`);
  if (step.keepsRunning) {
    const child = spawn('bash', ['-c', command], { cwd: settings.folder, env: settings.env, detached: true });
    child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    running.push(child);
    return;
  }
  try {
    const output = execFileSync('bash', ['-c', command], {
      cwd: settings.folder,
      env: settings.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10 * 60_000,
    });
    log.push(output);
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`guide line ${step.line}: \`${command}\` failed\n${stdout}\n${stderr}`);
  }
}

async function waitFor(url: string, what: string) {
  // A limit for a loaded machine, not a speed target.
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer at ${url}:\n${log.slice(-40).join('')}`);
}

async function followGuide(file: string, settings: Settings, ready: () => Promise<void>) {
  const steps = guideSteps(await readFile(join(ROOT, 'docs/guides', file), 'utf8'));
  // Files first where they belong in order: a command may need a file written above it.
  for (const step of steps) {
    if (step.kind === 'file') {
      const path = join(settings.folder, step.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, settings.rewriteFile ? settings.rewriteFile(step.content) : step.content);
    } else {
      run(step, settings);
    }
  }
  await ready();
}

const databases: string[] = [];
let admin: pg.Client | undefined;

afterAll(async () => {
  for (const name of databases) await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end();
});

/** A new, empty PostgreSQL database for one guide, and the settings of a run. */
async function setUp(tag: string) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('set TEST_DATABASE_URL: the guides run on PostgreSQL');
  if (!admin) {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  }
  const database = `pk_guide_${tag}_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  databases.push(database);
  const target = new URL(url);
  target.pathname = `/${database}`;
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const api = `http://localhost:${apiPort}`;
  const web = `http://localhost:${webPort}`;
  const folder = await mkdtemp(join(tmpdir(), 'profilekit-guide-'));
  const env = {
    ...(process.env as Record<string, string>),
    PORT: String(apiPort),
    WEB_ORIGIN: web,
    VITE_API_URL: api,
    DATABASE_URL: target.href,
    BETTER_AUTH_SECRET: randomBytes(24).toString('base64url'),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const rewrite = (command: string) =>
    command
      .replace(/(npm install(?: -D)? [^&]*?)\bprofilekit\b/g, `$1${tarball}`)
      .replace(/--port 5173\b/g, `--port ${webPort}`)
      .replace(/--listen 8080\b/g, `--listen ${webPort}`);
  const rewriteFile = (content: string) => content.replaceAll('http://localhost:3000', api);
  return { api, web, folder, env, rewrite, rewriteFile };
}

describe('docs/guides/vite-react-hono.md, then existing-better-auth.md, followed in an empty folder', () => {
  it('builds with the template tsconfig, and a person signs up, reloads, edits, downloads and signs out', async () => {
    const { api, web, folder, env, rewrite } = await setUp('vite');
    await followGuide('vite-react-hono.md', { folder, env, rewrite }, async () => {
      await waitFor(`${api}/api/profile/config`, 'the guide’s API server');
      await waitFor(web, 'the guide’s Vite server');
    });

    const { page, context, errors } = await openPage(browser);
    try {
      await fullJourney(page, {
        url: `${web}/`,
        content: 'Welcome, Grace Hopper',
        by: 'pointer',
        signOut: async () => {
          const download = page.waitForEvent('download');
          await page.getByRole('button', { name: 'Download my data' }).click();
          const saved = await (await download).path();
          const data = JSON.parse(await readFile(saved, 'utf8')) as {
            profile: { languages: { language: string }[]; frameworks: string[] };
          };
          expect(data.profile.languages.map((l) => l.language)).toEqual(['Python', 'C']);
          expect(data.profile.frameworks).toContain('Vue');
          await page.getByRole('button', { name: 'Sign out' }).click();
        },
      });
      expect(errors).toEqual([]);
      // An existing better-auth server: the same folder's server gains the guide's files, which compile.
      await followGuide('existing-better-auth.md', { folder, env, rewrite }, async () => {});
    } catch (error) {
      console.error(log.slice(-60).join(''));
      throw error;
    } finally {
      await context.close();
      await stopServers();
      await rm(folder, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});

describe('docs/guides/plain-html.md, followed in an empty folder', () => {
  it('serves the page with the script tag, and a person signs up, reloads, edits and signs out', async () => {
    const { api, web, folder, env, rewrite, rewriteFile } = await setUp('html');
    await followGuide('plain-html.md', { folder, env, rewrite, rewriteFile }, async () => {
      await waitFor(`${api}/api/profile/config`, 'the guide’s API server');
      await waitFor(web, 'the guide’s page server');
    });
    const { page, context, errors } = await openPage(browser);
    try {
      await fullJourney(page, {
        url: `${web}/`,
        content: 'Welcome back',
        by: 'pointer',
        signOut: () => page.getByRole('button', { name: 'Sign out', exact: true }).click(),
      });
      expect(errors).toEqual([]);
    } catch (error) {
      console.error(log.slice(-60).join(''));
      throw error;
    } finally {
      await context.close();
      await stopServers();
      await rm(folder, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});
