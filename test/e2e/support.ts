import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = join(ROOT, 'e2e-artifacts');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(origin: string, child: ChildProcess, log: () => string) {
  // A limit for a loaded machine (two cores shared with builds), not a speed target.
  for (let i = 0; i < 450; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${log()}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not start within 90 s:\n${log()}`);
}

export interface ApiServer {
  /** The origin pages use to reach it, e.g. http://localhost:4123. */
  origin: string;
  /** Its PostgreSQL database, when TEST_DATABASE_URL is set (else it runs on PGlite). */
  databaseUrl: string | null;
  /** Stops the process, keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  close(): Promise<void>;
}

/**
 * The reference server (examples/server) as its own process, on a database of its own: a scratch database
 * on the PostgreSQL of TEST_DATABASE_URL when set, else embedded PGlite in a temporary folder.
 */
export async function startApiServer(
  options: {
    hostname?: 'localhost' | '127.0.0.1';
    crossSiteCookies?: boolean;
    trustedOrigins?: string[];
    /** More settings for the server's environment (e.g. a social sign-in provider). */
    env?: Record<string, string>;
    /** A port chosen beforehand (another party must know the origin first). Default: a free one. */
    port?: number;
  } = {},
): Promise<ApiServer> {
  const port = options.port ?? (await freePort());
  const origin = `http://${options.hostname ?? 'localhost'}:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: origin,
    BETTER_AUTH_SECRET: 'e2e-secret-that-is-long-enough-for-better-auth',
    TSX_TSCONFIG_PATH: 'examples/tsconfig.json',
    TRUSTED_ORIGINS: (options.trustedOrigins ?? []).join(','),
    CROSS_SITE_COOKIES: options.crossSiteCookies ? '1' : '',
    AUTH_RATE_LIMIT: 'off',
    ...options.env,
  };
  let dropDatabase = async () => {};
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `pk_e2e_${process.pid}_${port}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.href;
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'profilekit-e2e-db-'));
    env.DATA_DIR = dir;
    env.DATABASE_URL = '';
    dropDatabase = () => rm(dir, { recursive: true, force: true });
  }

  let child: ChildProcess | null = null;
  let output = '';
  async function start() {
    output = '';
    const proc = spawn(process.execPath, ['--import', 'tsx', 'examples/server/index.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout?.on('data', (d) => {
      output += d;
    });
    proc.stderr?.on('data', (d) => {
      output += d;
    });
    child = proc;
    await waitForHealth(origin, proc, () => output);
  }
  async function stop() {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  }
  await start();
  return {
    origin,
    databaseUrl: env.DATABASE_URL || null,
    start,
    stop,
    async close() {
      await stop();
      await dropDatabase();
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves files (and `routes`, which win) on 127.0.0.1, as a separate origin from the API. */
export async function startStaticServer(
  root: string | null,
  routes: Record<string, Route> = {},
  port?: number,
): Promise<StaticServer> {
  const server: Server = createHttpServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    try {
      const route = routes[path];
      if (route) {
        const { type, body, headers } = await route();
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
        response.end(body);
        return;
      }
      if (path === '/favicon.ico' || !root) throw new Error('not found');
      const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(root)) throw new Error('outside the root');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(path === '/favicon.ico' ? 204 : 404);
      response.end();
    }
  });
  const listenOn = port ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(listenOn, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${listenOn}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Route = () => Promise<{ type: string; body: string | Buffer; headers?: Record<string, string> }>;

/**
 * The embed's folder (dist/embed: the loader and its chunks) as routes under `prefix`, for a static server
 * that hosts it. `headers` go on every answer (a CDN's CORS header, say).
 */
export async function embedRoutes(
  prefix = '/embed/',
  headers: Record<string, string> = {},
): Promise<Record<string, Route>> {
  const dir = join(ROOT, 'dist/embed');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.js'));
  return Object.fromEntries(
    files.map((file) => [
      `${prefix}${file}`,
      async () => ({ type: TYPES['.js'] as string, body: await readFile(join(dir, file)), headers }),
    ]),
  );
}

/** The example host page with its script tag pointed at an API server, or with no script tag at all. */
export async function hostPageHtml(settings: { baseURL: string; authMode: 'cookie' | 'bearer' } | null) {
  const html = await readFile(join(ROOT, 'examples/host-page/index.html'), 'utf8');
  if (!settings) return html.replace(/<script src="\/embed\/profilekit\.js"[^>]*><\/script>/, '');
  return html
    .replace('data-base-url=""', `data-base-url="${settings.baseURL}"`)
    .replace('data-auth-mode="cookie"', `data-auth-mode="${settings.authMode}"`);
}

/** Debian's Chromium, driven by playwright-core; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Errors the page reported: uncaught exceptions and console errors. */
  errors: string[];
  /** JavaScript dialogs (alert, confirm, prompt) the page opened. */
  dialogs: string[];
}

export async function openPage(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1100, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    // Chromium logs every 4xx/5xx response as an error; the components expect some (401 for a wrong
    // password, 412 for a stale version). What counts is what the page itself reports.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('dialog', async (dialog) => {
    // Leaving a page with unsaved changes asks first (the editor's warning); a test that navigates on means it.
    if (dialog.type() === 'beforeunload') return dialog.accept();
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.setDefaultTimeout(15_000);
  return { page, context, errors, dialogs };
}

/** Whether the element has focus, looking through shadow roots. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === element;
  });
}

/** Presses Tab until the element has focus (keyboard only), failing after `limit` presses. */
export async function tabTo(page: Page, locator: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await hasFocus(locator)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}
