import { createInterface } from 'node:readline/promises';
import { Kysely, PostgresDialect } from 'kysely';
import { type MigrateDirection, migrate, migrationSql } from './migrations';

const USAGE = `Usage: profilekit <command> [options]

Commands:
  migrate [latest]              Apply profilekit's migrations to DATABASE_URL (creates or updates its tables)
  migrate down                  Revert the last migration (drops what it created)
  migrate reset                 Revert every migration: drops profilekit's tables and all their data
  sql [up|down]                 Print the migration SQL, for review or for other tools

Options:
  -y, --yes                     Do not ask before \`migrate down\` or \`migrate reset\` (for scripts)
  -h, --help                    Show this help

Environment:
  DATABASE_URL                  postgres://user:password@host:5432/db (add ?sslmode=require for Neon)`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const yes = argv.includes('--yes') || argv.includes('-y');
  const unknown = argv.find((a) => a.startsWith('-') && !['--yes', '-y'].includes(a));
  if (unknown) return usage(`unknown option "${unknown}"`);
  const [command, arg] = argv.filter((a) => !a.startsWith('-'));
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
  if (direction !== 'latest' && !yes && !(await confirmed(direction, url))) {
    console.error(
      `profilekit: nothing reverted. Run \`profilekit migrate ${direction} --yes\` to skip asking.`,
    );
    return 2;
  }
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

/** Asks on a terminal before dropping tables; without one (a script, CI) the answer is no. */
async function confirmed(direction: MigrateDirection, url: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    console.error(`profilekit: \`migrate ${direction}\` drops tables and their data; pass --yes to confirm.`);
    return false;
  }
  const where = new URL(url);
  where.password = '';
  const what = direction === 'reset' ? 'every profilekit table' : 'what the last migration created';
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `profilekit: this drops ${what} and its data in ${where.host}${where.pathname}. Type "yes" to go on: `,
    );
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    prompt.close();
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
