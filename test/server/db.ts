import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';

export interface TestDatabase {
  // biome-ignore lint/suspicious/noExplicitAny: tests query tables by name
  db: Kysely<any>;
  /** Which engine this is, for test names. */
  engine: 'postgres' | 'pglite';
  /** The schema the tables live in. */
  schema: string;
  /**
   * Another connection to the same database, as a second server instance would open: its own pool on
   * PostgreSQL, the same in-memory database on PGlite. Closed with the database.
   */
  // biome-ignore lint/suspicious/noExplicitAny: tests query tables by name
  connect(): Kysely<any>;
  close(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a new schema on the real PostgreSQL named by
 * TEST_DATABASE_URL, or an in-memory PGlite when it is unset. Runs never see each other's tables.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const client = new PGlite();
    const db = new Kysely({ dialect: new PGliteDialect(client) });
    // Destroying a Kysely over PGlite closes the client, which the first one does.
    const connect = () => new Kysely({ dialect: new PGliteDialect(client) });
    return { db, engine: 'pglite', schema: 'public', connect, close: () => db.destroy() };
  }
  const schema = `pk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const open = () =>
    new Kysely({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: url, max: 20, options: `-c search_path="${schema}"` }),
      }),
    });
  const db = open();
  const others: Kysely<unknown>[] = [];
  return {
    db,
    engine: 'postgres',
    schema,
    connect() {
      const other = open();
      others.push(other);
      return other;
    },
    async close() {
      await Promise.all([db, ...others].map((each) => each.destroy()));
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA "${schema}" CASCADE`);
      await cleanup.end();
    },
  };
}
