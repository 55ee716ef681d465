// Server-only: the database, better-auth and the profile API, created once per server process.
import { betterAuth } from 'better-auth';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createProfileHandler, type ProfileKitDatabase, profileKitAuthOptions } from 'profilekit/server';

export const db = new Kysely<ProfileKitDatabase>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) }),
});

// BETTER_AUTH_URL (this app's public origin) and BETTER_AUTH_SECRET come from the environment.
export const auth = betterAuth({
  ...profileKitAuthOptions({
    // Route handlers never see the connection, so the client address is what the proxy in front of Next
    // forwards: by default the one it appends to X-Forwarded-For (Vercel, nginx); TRUST_PROXY names another
    // (cf-connecting-ip on Cloudflare). Clients must not be able to reach `next start` around it.
    trustProxy: process.env.TRUST_PROXY || 'x-forwarded-for',
  }),
  database: { db, type: 'postgres' },
  emailAndPassword: { enabled: true, minPasswordLength: 8 },
});

export const profileHandler = createProfileHandler({ auth, db });
