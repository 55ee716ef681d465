import { mkdir } from 'node:fs/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

/**
 * Postgres through DATABASE_URL (any Postgres, Neon included: `?sslmode=require` turns TLS on), or
 * embedded PGlite kept under examples/server/.data (or DATA_DIR) when it is unset, so the demo needs no set-up.
 * DATA_DIR=memory:// keeps it in memory only, gone when the server stops.
 */
export async function openDatabase(url = process.env.DATABASE_URL) {
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return {
      db: new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }),
      description: 'PostgreSQL (DATABASE_URL)',
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const dir = process.env.DATA_DIR ?? new URL('./.data/pglite/', import.meta.url).pathname;
  if (dir !== 'memory://') await mkdir(dir, { recursive: true });
  const client = new PGlite(dir);
  return {
    db: new Kysely<unknown>({ dialect: new PGliteDialect(client) }),
    description: `embedded PGlite (${dir})`,
  };
}
