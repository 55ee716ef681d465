import { serve } from '@hono/node-server';
import { migrate } from 'profilekit/server';
import { createApp } from './app';
import { openDatabase } from './database';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const baseURL = process.env.BASE_URL ?? `http://localhost:${port}`;
const secret = process.env.BETTER_AUTH_SECRET ?? 'profilekit-demo-secret-change-me-in-production';
if (!process.env.BETTER_AUTH_SECRET) {
  console.warn('profilekit demo: BETTER_AUTH_SECRET is not set; using a development secret');
}

const { db, description } = await openDatabase();
const ran = await migrate(db);
for (const m of ran) console.log(`profilekit demo: applied migration ${m.name}`);

const { app } = createApp({
  db,
  baseURL,
  secret,
  trustedOrigins: [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
    ...(process.env.TRUSTED_ORIGINS?.split(',').filter(Boolean) ?? []),
  ],
  rateLimit: process.env.AUTH_RATE_LIMIT === 'off' ? false : undefined,
  crossSiteCookies: process.env.CROSS_SITE_COOKIES === '1',
});

const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  console.log(`profilekit demo on ${description}`);
  console.log(`profilekit demo: open ${baseURL}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => {
      db.destroy().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
