import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { migrate } from 'profilekit/server';
import { createApp } from './app';
import { openDatabase } from './database';
import { shutdownOnSignals } from './lifecycle';
import { outboxFromEnvironment } from './outbox';
import { socialFromEnv } from './social';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
// In production both must be set: profileKitAuthOptions refuses to start without them (or with a weak secret).
const production = process.env.NODE_ENV === 'production';
const baseURL = process.env.BASE_URL ?? (production ? '' : `http://localhost:${port}`);
const secret =
  process.env.BETTER_AUTH_SECRET ?? (production ? '' : 'profilekit-demo-secret-change-me-in-production');
if (!process.env.BETTER_AUTH_SECRET && !production) {
  console.warn('profilekit demo: BETTER_AUTH_SECRET is not set; using a development secret');
}

// `npm run demo` prints only where to go (examples/demo.ts); other starts say what they did.
const demo = process.env.PROFILEKIT_DEMO === '1';
const { db, description } = await openDatabase();
const ran = await migrate(db);
if (!demo) for (const m of ran) console.log(`profilekit demo: applied migration ${m.name}`);

const { app } = createApp({
  db,
  baseURL,
  secret,
  trustedOrigins: [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
    ...(process.env.TRUSTED_ORIGINS?.split(',').filter(Boolean) ?? []),
  ],
  // On unless turned off (the browser tests and the benchmark sign many people up from one address).
  rateLimit: process.env.AUTH_RATE_LIMIT !== 'off',
  fastWrites: process.env.PROFILE_FAST_WRITES !== '0',
  // Unset: the connection's address. `1` behind one reverse proxy, or the header your platform sets.
  trustProxy: process.env.TRUST_PROXY ?? false,
  crossSiteCookies: process.env.CROSS_SITE_COOKIES === '1',
  outbox: outboxFromEnvironment(),
  requireEmailVerification: process.env.REQUIRE_EMAIL_VERIFICATION === '1',
  social: socialFromEnv(process.env, baseURL),
});

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  if (!demo) console.log(`profilekit demo on ${description}, listening on ${host}:${info.port}`);
  const pages = [
    [`${baseURL}/react-app/`, 'the components in a React app'],
    [`${baseURL}/host-page/`, 'the components in a plain HTML page (script tag)'],
    ...(process.env.NODE_ENV !== 'production'
      ? [[`${baseURL}/dev/outbox`, 'reset and verification mails']]
      : []),
  ];
  const width = Math.max(...pages.map(([url]) => url?.length ?? 0));
  console.log(
    `profilekit demo: open\n${pages.map(([url, what]) => `  ${url?.padEnd(width)}  ${what}`).join('\n')}`,
  );
});

// SIGTERM (a deploy, Ctrl-C): requests under way finish, then the database pool closes.
shutdownOnSignals(server as Server, {
  close: () => db.destroy(),
  graceMs: Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000),
});
