import { readFile } from 'node:fs/promises';
import { betterAuth } from 'better-auth';
import { Hono } from 'hono';
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
  /** better-auth's rate limiter; on by default in production. The load benchmark turns it off. */
  rateLimit?: boolean;
}

const PUBLIC = new URL('./public/', import.meta.url);

/** The reference server: better-auth at /api/auth/*, the profile API at /api/profile, example pages at /. */
export function createApp(options: AppOptions) {
  const auth = betterAuth({
    ...profileKitAuthOptions(),
    database: { db: options.db, type: 'postgres' },
    baseURL: options.baseURL,
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    emailAndPassword: { enabled: true, minPasswordLength: 8 },
    ...(options.rateLimit === undefined ? {} : { rateLimit: { enabled: options.rateLimit } }),
  });
  const profile = createProfileHandler({ auth, db: options.db });

  const app = new Hono();
  app.on(['GET', 'POST'], '/api/auth/*', (c) => auth.handler(c.req.raw));
  app.all('/api/profile', (c) => profile(c.req.raw));
  app.all('/api/profile/*', (c) => profile(c.req.raw));
  app.get('/', async (c) => c.html(await readFile(new URL('index.html', PUBLIC), 'utf8')));
  app.get('/healthz', (c) => c.json({ ok: true }));
  return { app, auth };
}
