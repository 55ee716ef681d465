import { readFile } from 'node:fs/promises';
import { betterAuth } from 'better-auth';
import { bearer } from 'better-auth/plugins';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import {
  createAuthHandler,
  createProfileHandler,
  isClientAbort,
  profileKitAuthOptions,
  profileKitCors,
  type TrustProxy,
} from 'profilekit/server';
import { type DevOutbox, mountDevOutbox } from './outbox';
import { demoQuestionnaire } from './questionnaire';
import type { SocialSettings } from './social';

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
  /**
   * Rate limits (per address in the database, and per account on failed sign-ins); on by default in
   * production, and in `index.ts` unless AUTH_RATE_LIMIT=off. The load benchmark turns them off.
   */
  rateLimit?: boolean;
  /**
   * Where the client address comes from: the connection (default), or the proxies in front: a number of
   * hops on X-Forwarded-For or a platform header, as in TRUST_PROXY (`1`, `cf-connecting-ip`...).
   */
  trustProxy?: TrustProxy;
  /** Where reset and verification messages go: the development outbox (never in production). */
  outbox?: DevOutbox | null;
  /** Only people who followed the link mailed to them can sign in. Needs `outbox`. */
  requireEmailVerification?: boolean;
  /** Social and OpenID sign-in (see `socialFromEnv` in ./social). */
  social?: SocialSettings;
  /** The profile handler's one-round-trip PATCH (its `fastWrites`); PROFILE_FAST_WRITES=0 turns it off. */
  fastWrites?: boolean;
  /** Largest request body accepted on /api/auth/* in bytes (413 past it). Default 16 KiB. */
  maxAuthBodyBytes?: number;
}

/** Account recovery: the outbox delivers the links, outside production only. */
function recovery(options: AppOptions) {
  const outbox = process.env.NODE_ENV === 'production' ? null : options.outbox;
  if (!outbox) return {};
  return {
    sendResetPassword: outbox.sendResetPassword,
    sendVerificationEmail: outbox.sendVerificationEmail,
    sendAccountNotice: outbox.sendAccountNotice,
    ...(options.requireEmailVerification ? { requireEmailVerification: true } : {}),
  };
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
    ...profileKitAuthOptions({
      // Here rather than beside `database`, so that production refuses a missing or public secret.
      secret: options.secret,
      baseURL: options.baseURL,
      ...(options.crossSiteCookies
        ? { advanced: { defaultCookieAttributes: { sameSite: 'none', secure: true, partitioned: true } } }
        : {}),
      ...recovery(options),
      emailAndPassword: { enabled: true, minPasswordLength: 8 },
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
      ...(options.rateLimit === undefined ? {} : { rateLimit: { enabled: options.rateLimit } }),
      // An authenticator app and backup codes, offered in the account settings.
      twoFactor: { issuer: 'profilekit demo' },
      // Here, not after the spread: profilekit adds the account settings' plugin to these.
      plugins: [bearer(), ...(options.social?.plugins ?? [])],
    }),
    database: { db: options.db, type: 'postgres' },
    trustedOrigins,
    ...options.social?.options,
  });
  const handleAuth = createAuthHandler(auth);
  const profile = createProfileHandler({
    auth,
    db: options.db,
    questionnaire: demoQuestionnaire,
    fastWrites: options.fastWrites ?? true,
  });

  const app = new Hono();
  app.onError((error, c) => {
    // A client that went away mid-body (the body limit reads it first) is not a server failure.
    if (isClientAbort(error, c.req.raw)) {
      return c.json({ code: 'ABORTED', message: 'The client closed the request' }, 400);
    }
    if (error instanceof HTTPException) return error.getResponse();
    console.error('profilekit demo:', error);
    return c.json({ code: 'SERVER_ERROR', message: 'The server failed to handle the request' }, 500);
  });
  app.use(
    '/api/*',
    // The headers the components send and read, from the package, so this list cannot drift from them.
    cors(profileKitCors(trustedOrigins)),
  );
  // Sign-up and the other auth bodies are a few hundred bytes; nothing larger is read or stored.
  app.use(
    '/api/auth/*',
    bodyLimit({
      maxSize: options.maxAuthBodyBytes ?? 16 * 1024,
      onError: (c) => c.json({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' }, 413),
    }),
  );
  // The connection's address, which no header can change, is the client's unless trustProxy says otherwise.
  app.on(['GET', 'POST'], '/api/auth/*', (c) => handleAuth(c.req.raw, remoteAddress(c.env)));
  app.all('/api/profile', (c) => profile(c.req.raw));
  app.all('/api/profile/*', (c) => profile(c.req.raw));
  app.get('/', async (c) => c.html(await readFile(new URL('index.html', PUBLIC), 'utf8')));
  app.get('/api-console', (c) => c.redirect('/api-console/'));
  app.get('/api-console/', async (c) => c.html(await readFile(new URL('api-console.html', PUBLIC), 'utf8')));
  if (options.outbox && process.env.NODE_ENV !== 'production') mountDevOutbox(app, options.outbox);
  app.get('/healthz', (c) => c.json({ ok: true }));
  // Which "Continue with …" buttons the example pages show.
  app.get('/api/social-providers', (c) => c.json(options.social?.providers ?? []));
  app.get('/favicon.ico', () => new Response(null, { status: 204 }));
  // The example host pages: a plain HTML page using the script-tag embed, and the built React app.
  // The embed's folder: its loader (profilekit.js) and the chunks it fetches on use, named by content.
  app.get('/embed/:file', (c) => {
    const file = c.req.param('file');
    if (!/^[\w.-]+\.js$/.test(file) || file.startsWith('.')) return c.notFound();
    return sendFile(new URL(`embed/${file}`, DIST));
  });
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

/** The TCP peer of a request served by @hono/node-server (none under `app.request` in tests). */
function remoteAddress(env: unknown): string | undefined {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
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
