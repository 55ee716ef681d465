import { Kysely, PostgresDialect } from 'kysely';
import { type MigrateDirection, migrate, migrationSql } from './migrations';

const USAGE = `Usage: profilekit <command>

Commands:
  migrate [latest|down|reset]   Apply profilekit's migrations to DATABASE_URL (default: latest)
  sql [up|down]                 Print the migration SQL, for review or for other tools

Environment:
  DATABASE_URL                  postgres://user:password@host:5432/db (add ?sslmode=require for Neon)`;

async function main(argv: string[]): Promise<number> {
  const [command, arg] = argv;
  if (command === 'sql') {
    const direction = arg ?? 'up';
    if (direction !== 'up' && direction !== 'down') return usage(`unknown direction "${direction}"`);
    for (const [name, scripts] of Object.entries(migrationSql)) {
      process.stdout.write(`-- ${name} (${direction})\n${scripts[direction]}\n`);
    }
    return 0;
  }
  if (command !== 'migrate') return usage(command ? `unknown command "${command}"` : 'no command given');
  const direction = (arg ?? 'latest') as MigrateDirection;
  if (!['latest', 'down', 'reset'].includes(direction)) return usage(`unknown migrate direction "${arg}"`);
  const url = process.env.DATABASE_URL;
  if (!url) return usage('DATABASE_URL is not set');
  const pg = await loadPg();
  if (pg === undefined) {
    console.error(
      'profilekit: `profilekit migrate` needs the "pg" package (PostgreSQL driver): npm install pg',
    );
    return 1;
  }
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  try {
    const ran = await migrate(db, direction);
    if (ran.length === 0) console.log('profilekit: nothing to do, the database is up to date');
    for (const m of ran)
      console.log(`profilekit: ${m.direction === 'Up' ? 'applied' : 'reverted'} ${m.name}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await db.destroy();
  }
}

/** `pg` is an optional peer dependency: only this command needs it. */
async function loadPg() {
  try {
    return (await import('pg')).default;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

function usage(problem: string): number {
  console.error(`profilekit: ${problem}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
