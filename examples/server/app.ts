import { readFile } from 'node:fs/promises';
import { betterAuth } from 'better-auth';
import { bearer } from 'better-auth/plugins';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Kysely } from 'kysely';
import { createProfileHandler, profileKitAuthOptions } from 'profilekit/server';

export interface AppOptions {
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely instance over the migrated schema
  db: Kysely<any>;
  /** The public URL of this server, e.g. http://localhost:3000. */
  baseURL: string;
  secret: string;
  /** Other origins allowed to call the API with credentials (host pages). */
  trustedOrigins?: string[];
  /**
   * Host pages on another site: session cookies become `SameSite=None; Secure; Partitioned` so the
   * browser sends them on cross-site requests (browsers treat localhost as secure).
   */
  crossSiteCookies?: boolean;
  /** better-auth's rate limiter; on by default in production. The load benchmark turns it off. */
  rateLimit?: boolean;
}

const PUBLIC = new URL('./public/', import.meta.url);

/**
 * The reference server: better-auth at /api/auth/*, the profile API at /api/profile, example pages at /.
 * Both cookie sessions and bearer tokens (better-auth's bearer plugin: the token arrives in the
 * `set-auth-token` response header and goes back as `Authorization: Bearer <token>`) are accepted.
 */
export function createApp(options: AppOptions) {
  const trustedOrigins = options.trustedOrigins ?? [];
  const auth = betterAuth({
    ...profileKitAuthOptions(
      options.crossSiteCookies
        ? { advanced: { defaultCookieAttributes: { sameSite: 'none', secure: true, partitioned: true } } }
        : {},
    ),
    database: { db: options.db, type: 'postgres' },
    baseURL: options.baseURL,
    secret: options.secret,
    trustedOrigins,
    emailAndPassword: { enabled: true, minPasswordLength: 8 },
    plugins: [bearer()],
    ...(options.rateLimit === undefined ? {} : { rateLimit: { enabled: options.rateLimit } }),
  });
  const profile = createProfileHandler({ auth, db: options.db });

  const app = new Hono();
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (trustedOrigins.includes(origin) ? origin : null),
      credentials: true,
      allowHeaders: ['content-type', 'authorization', 'if-match', 'if-none-match'],
      allowMethods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'OPTIONS'],
      exposeHeaders: ['etag', 'set-auth-token'],
      maxAge: 600,
    }),
  );
  app.on(['GET', 'POST'], '/api/auth/*', (c) => auth.handler(c.req.raw));
  app.all('/api/profile', (c) => profile(c.req.raw));
  app.all('/api/profile/*', (c) => profile(c.req.raw));
  app.get('/', async (c) => c.html(await readFile(new URL('index.html', PUBLIC), 'utf8')));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/favicon.ico', () => new Response(null, { status: 204 }));
  // The example host pages: a plain HTML page using the script-tag embed, and the built React app.
  app.get('/embed/profilekit.js', () => sendFile(new URL('embed.global.js', DIST)));
  app.get('/host-page', (c) => c.redirect('/host-page/'));
  app.get('/host-page/', () => sendFile(new URL('host-page/index.html', EXAMPLES)));
  app.get('/react-app', (c) => c.redirect('/react-app/'));
  app.get('/react-app/*', (c) => {
    const path = c.req.path.slice('/react-app/'.length) || 'index.html';
    if (path.split('/').some((part) => part === '..' || part.startsWith('.'))) return c.notFound();
    return sendFile(new URL(`react-app/dist/${path}`, EXAMPLES));
  });
  return { app, auth };
}

const EXAMPLES = new URL('../', import.meta.url);
const DIST = new URL('../../dist/', import.meta.url);
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  map: 'application/json',
};

async function sendFile(url: URL): Promise<Response> {
  try {
    const body = await readFile(url);
    const type = TYPES[url.pathname.split('.').pop() ?? ''] ?? 'application/octet-stream';
    return new Response(body, { headers: { 'content-type': type, 'cache-control': 'no-cache' } });
  } catch {
    return new Response('Not found. Run `npm run demo`, which builds the examples first.', { status: 404 });
  }
}
