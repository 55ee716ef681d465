import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  NO_MIGRATIONS,
  sql,
} from 'kysely';
import initDown from './migrations/0001_auth_and_profiles.down.sql';
import initUp from './migrations/0001_auth_and_profiles.up.sql';
import rateLimitsDown from './migrations/0002_rate_limits.down.sql';
import rateLimitsUp from './migrations/0002_rate_limits.up.sql';
import hostAnswersDown from './migrations/0003_host_answers.down.sql';
import hostAnswersUp from './migrations/0003_host_answers.up.sql';
import backgroundQueriesDown from './migrations/0004_background_queries.down.sql';
import backgroundQueriesUp from './migrations/0004_background_queries.up.sql';
import twoFactorDown from './migrations/0005_two_factor.down.sql';
import twoFactorUp from './migrations/0005_two_factor.up.sql';

/** The name of the table that records which profilekit migrations ran (kept apart from a host's own). */
export const MIGRATION_TABLE = 'profilekit_migration';
export const MIGRATION_LOCK_TABLE = 'profilekit_migration_lock';

/**
 * Splits a SQL script into statements: a statement ends with `;` at the end of a line, outside a
 * dollar-quoted body. Drivers on the extended protocol (PGlite, prepared statements) run one at a time.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let inDollar = false;
  for (const line of script.split('\n')) {
    const trimmed = line.trim();
    if (!inDollar && (trimmed === '' || trimmed.startsWith('--'))) continue;
    current.push(line);
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    if (!inDollar && trimmed.endsWith(';')) {
      statements.push(current.join('\n').trim().replace(/;$/, ''));
      current = [];
    }
  }
  const rest = current.join('\n').trim();
  if (rest) statements.push(rest);
  return statements;
}

function sqlMigration(up: string, down: string): Migration {
  const run = async (db: Kysely<unknown>, script: string) => {
    for (const statement of splitSqlStatements(script)) await sql.raw(statement).execute(db);
  };
  return { up: (db) => run(db, up), down: (db) => run(db, down) };
}

/** The SQL of each migration, for hosts on another stack who want to read or apply it themselves. */
export const migrationSql: Readonly<Record<string, { up: string; down: string }>> = {
  '0001_auth_and_profiles': { up: initUp, down: initDown },
  '0002_rate_limits': { up: rateLimitsUp, down: rateLimitsDown },
  '0003_host_answers': { up: hostAnswersUp, down: hostAnswersDown },
  '0004_background_queries': { up: backgroundQueriesUp, down: backgroundQueriesDown },
  '0005_two_factor': { up: twoFactorUp, down: twoFactorDown },
};

/** A Kysely MigrationProvider over profilekit's SQL migrations, for hosts that run their own Migrator. */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return Object.fromEntries(
      Object.entries(migrationSql).map(([name, { up, down }]) => [name, sqlMigration(up, down)]),
    );
  },
};

/**
 * Accepts a Kysely over any database interface: profilekit's own tables, a host's or `Kysely<any>`.
 *
 * @param options.schema Where the migration tables live. Name it when the database has other schemas:
 * without it, Kysely takes a migration table found in any schema for this one's. `migrate` names the
 * connection's current schema.
 */
export function createMigrator<DB>(db: Kysely<DB>, options: { schema?: string } = {}): Migrator {
  return new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
}

export class MigrationFailedError extends Error {
  readonly results: MigrationResultSet['results'];
  constructor(direction: string, result: MigrationResultSet) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    super(
      `profilekit migration ${direction} failed${failed ? ` at ${failed.migrationName}` : ''}: ${reason}`,
      {
        cause: result.error,
      },
    );
    this.name = 'MigrationFailedError';
    this.results = result.results;
  }
}

export type MigrateDirection = 'latest' | 'down' | 'reset';

/**
 * Brings the database to the latest schema (`latest`, the default), undoes the last migration (`down`)
 * or every migration (`reset`). Returns the names of the migrations that ran.
 * Throws {@link MigrationFailedError}; a failed migration is rolled back where PostgreSQL allows it.
 */
export async function migrate<DB>(
  db: Kysely<DB>,
  direction: MigrateDirection = 'latest',
): Promise<{ name: string; direction: 'Up' | 'Down' }[]> {
  // The tables go where the connection's search_path puts them; another schema's (an app or a test next
  // door) must not be mistaken for them.
  const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const migrator = createMigrator(db, { schema: current.rows[0]?.schema ?? undefined });
  const result =
    direction === 'latest'
      ? await migrator.migrateToLatest()
      : direction === 'down'
        ? await migrator.migrateDown()
        : await migrator.migrateTo(NO_MIGRATIONS);
  if (result.error !== undefined) throw new MigrationFailedError(direction, result);
  return (result.results ?? []).map((r) => ({ name: r.migrationName, direction: r.direction }));
}
