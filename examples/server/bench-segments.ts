/**
 * Personalization queries at scale: seeds PostgreSQL with profiles drawn from fixed distributions (the same
 * seed gives the same rows), then measures `createProfileQueries`' `count` and `find` (first page of 50) for
 * the ten conditions documented in docs/personalization.md, SEGMENTS_CONNECTIONS at a time (10). Run with
 * `npm run bench:segments`; not part of `npm test`.
 *
 * Environment: SEGMENTS_DATABASE_URL (default TEST_DATABASE_URL, then postgres://postgres@127.0.0.1:5432/test;
 * a database pk_segments_<profiles> is created beside it), SEGMENTS_PROFILES (1000000), SEGMENTS_CALLS (200
 * per condition and query), SEGMENTS_KEEP=1 to keep the seeded database for the next run (it is reused when
 * it holds the same number of profiles), SEGMENTS_EXPLAIN=<file> to write each query's EXPLAIN ANALYZE there.
 * Targets (issue 26): p99 at most 50 ms for `find` and 200 ms for `count`, on 2 cores.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type BackgroundCondition, EXPERIENCE_LEVELS, SKILL_LEVELS } from '../../src/client/index';
import { checkCondition } from '../../src/client/match';
import { createProfileQueries, migrate } from '../../src/server/index';
import { conditionSql } from '../../src/server/profile-queries';
import { demoQuestionnaire } from './questionnaire';
import { type SeededRandom, seededRandom } from './seeded-random';

type Q = typeof demoQuestionnaire;

const baseUrl =
  process.env.SEGMENTS_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const profiles = Number(process.env.SEGMENTS_PROFILES ?? 1_000_000);
const calls = Number(process.env.SEGMENTS_CALLS ?? 200);
const connections = Number(process.env.SEGMENTS_CONNECTIONS ?? 10);
const keep = process.env.SEGMENTS_KEEP === '1';
const name = `pk_segments_${profiles}`;

/** The ten documented conditions: broad and rare, on columns, lists, languages and host answers. */
export const SEGMENTS: Record<string, BackgroundCondition<Q>> = {
  'Python beginners': { languages: { Python: 'beginner' } },
  'Python, intermediate or better': { languages: { Python: { atLeast: 'intermediate' } } },
  'Owns a Jetson Nano': { devices: { any: ['Jetson Nano'] } },
  'Prefers hardware': { backgroundPreference: 'hardware' },
  'Advanced software experience or more': { softwareExperience: { atLeast: 'advanced' } },
  'Three years or more': { experienceYears: { atLeast: '3-5' } },
  'React with TypeScript': { frameworks: { all: ['React'] }, languages: { TypeScript: true } },
  'Rust expert who knows RISC-V': {
    languages: { Rust: 'expert' },
    architectureFamiliarity: { any: ['RISC-V'] },
  },
  'Has an RTX 4090 and took Fast.ai': { answers: { gpu: 'rtx-4090', courses: { any: ['Fast.ai'] } } },
  'Hardware-minded, not software-first': {
    any: [{ devices: { any: ['Arduino Uno'] } }, { hardwareExperience: { atLeast: 'intermediate' } }],
    not: { backgroundPreference: 'software' },
  },
};

const LANGUAGES = [
  ['Python', 0.55],
  ['JavaScript', 0.45],
  ['TypeScript', 0.3],
  ['C', 0.22],
  ['C++', 0.2],
  ['Java', 0.18],
  ['Rust', 0.07],
  ['Go', 0.08],
] as const;
const SKILL = SKILL_LEVELS.map((l, i) => [l, [4, 4, 2, 1][i] as number] as const);
const EXPERIENCE = EXPERIENCE_LEVELS.map((l, i) => [l, [1, 4, 4, 2, 1][i] as number] as const);

function profileOf(r: SeededRandom) {
  const answered = (p: number) => r.next() < p;
  const languages = r.each(LANGUAGES).map((language) => ({ language, level: r.weighted(SKILL) }));
  const answers: Record<string, unknown> = {};
  if (answered(0.5))
    answers.courses = r.each([
      ['CS50', 0.4],
      ['Nand2Tetris', 0.1],
      ['Fast.ai', 0.15],
      ['Embedded Systems (edX)', 0.1],
    ]);
  if (answered(0.6))
    answers.gpu = r.weighted([
      ['none', 5],
      ['rtx-4090', 1],
      ['apple-m', 3],
      ['Radeon 7900', 0.5],
    ]);
  if (answered(0.5)) answers.hoursPerWeek = Math.floor(r.next() * 20);
  if (answered(0.4)) answers.mentor = r.next() < 0.2;
  if (answered(0.4))
    answers.confidence = r.weighted([
      ['never', 4],
      ['some', 3],
      ['confident', 1],
    ]);
  return {
    languages,
    frameworks: r.each([
      ['React', 0.35],
      ['Django', 0.12],
      ['Flask', 0.1],
      ['Vue', 0.12],
      ['Express', 0.2],
    ]),
    experience_years: answered(0.85)
      ? r.weighted([
          ['0-1', 3],
          ['1-3', 4],
          ['3-5', 3],
          ['5-10', 2],
          ['10+', 1],
        ])
      : null,
    devices: answered(0.7)
      ? r.each([
          ['Raspberry Pi', 0.3],
          ['Arduino Uno', 0.25],
          ['Jetson Nano', 0.04],
          ['ESP32', 0.12],
        ])
      : null,
    architecture_familiarity: answered(0.6)
      ? r.each([
          ['x86', 0.6],
          ['ARM', 0.4],
          ['RISC-V', 0.06],
        ])
      : null,
    software_experience: answered(0.9) ? r.weighted(EXPERIENCE) : null,
    hardware_experience: answered(0.8) ? r.weighted(EXPERIENCE) : null,
    background_preference: answered(0.85)
      ? r.weighted([
          ['software', 5],
          ['hardware', 2],
          ['both', 3],
        ])
      : null,
    answers,
  };
}

async function seed(db: Kysely<unknown>): Promise<number> {
  const r = seededRandom(26);
  const started = performance.now();
  const batch = 10_000;
  for (let start = 0; start < profiles; start += batch) {
    const ids: string[] = [];
    const rows = [];
    for (let i = start; i < Math.min(start + batch, profiles); i += 1) {
      ids.push(randomUUID());
      rows.push(profileOf(r));
    }
    await sql`insert into users (id, name, email)
      select id, 'Person ' || (${start}::int + n), 'person' || (${start}::int + n) || '@example.com'
      from unnest(${ids}::uuid[]) with ordinality as u(id, n)`.execute(db);
    // One round trip per batch: the rows as one JSON array, expanded by the server.
    const json = JSON.stringify(rows.map((row, i) => ({ ...row, user_id: ids[i] })));
    await sql`insert into user_profiles (user_id, languages, frameworks, experience_years, devices,
        architecture_familiarity, software_experience, hardware_experience, background_preference, answers)
      select user_id, languages, frameworks, experience_years, devices, architecture_familiarity,
        software_experience, hardware_experience, background_preference, answers
      from jsonb_to_recordset(${json}::jsonb) as t(user_id uuid, languages jsonb, frameworks jsonb,
        experience_years text, devices jsonb, architecture_familiarity jsonb, software_experience text,
        hardware_experience text, background_preference text, answers jsonb)`.execute(db);
    if ((start / batch) % 10 === 9) console.log(`  seeded ${(start + batch).toLocaleString('en')}`);
  }
  return (performance.now() - started) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** `calls` runs of one query, `connections` at a time; latencies in ms. */
async function measure(
  run: () => Promise<unknown>,
): Promise<{ p50: number; p99: number; perSecond: number }> {
  const times: number[] = [];
  let left = calls;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (left > 0) {
        left -= 1;
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    perSecond: Math.round(calls / elapsed),
  };
}

async function main() {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.href, max: connections }) }),
  });
  try {
    await migrate(db);
    const { rows } = await sql<{ n: string }>`select count(*) as n from user_profiles`.execute(db);
    if (Number(rows[0]?.n) !== profiles) {
      await sql`truncate users cascade`.execute(db);
      console.log(`Seeding ${profiles.toLocaleString('en')} profiles…`);
      const seconds = await seed(db);
      console.log(
        `Seeded in ${seconds.toFixed(1)} s: ${Math.round(profiles / seconds).toLocaleString('en')} profiles a second`,
      );
      const started = performance.now();
      await sql`vacuum analyze user_profiles`.execute(db);
      await sql`vacuum analyze users`.execute(db);
      console.log(`VACUUM ANALYZE: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
      console.log(`Reusing ${name} (${profiles.toLocaleString('en')} profiles)`);
      await sql`vacuum analyze user_profiles`.execute(db);
    }
    const { rows: size } = await sql<{ table: string; indexes: string }>`
      select pg_size_pretty(pg_table_size('user_profiles')) as table,
             pg_size_pretty(pg_indexes_size('user_profiles')) as indexes`.execute(db);
    console.log('user_profiles:', size[0]);

    const queries = createProfileQueries({ db, questionnaire: demoQuestionnaire });
    const results: Record<string, string | number>[] = [];
    const plans: string[] = [];
    for (const [label, condition] of Object.entries(SEGMENTS)) {
      const count = await queries.count(condition);
      // Warm the cache and the plan, then measure.
      await queries.find(condition);
      const find = await measure(() => queries.find(condition));
      const counted = await measure(() => queries.count(condition));
      results.push({
        condition: label,
        matching: count,
        'find p50': find.p50,
        'find p99': find.p99,
        'count p50': counted.p50,
        'count p99': counted.p99,
      });
      if (process.env.SEGMENTS_EXPLAIN) {
        const where = conditionSql(checkCondition(condition, demoQuestionnaire));
        for (const [what, query] of [
          [
            'find',
            sql`explain (analyze, buffers, costs off) select * from user_profiles where ${where} order by user_id limit 51`,
          ],
          [
            'count',
            sql`explain (analyze, buffers, costs off) select count(*) from user_profiles where ${where}`,
          ],
        ] as const) {
          const plan = await query.execute(db);
          plans.push(
            `## ${label}: ${what}\n\n${(plan.rows as Record<string, string>[]).map((row) => Object.values(row)[0]).join('\n')}\n`,
          );
        }
      }
    }
    console.table(results);
    const worst = (key: 'find p99' | 'count p99') => Math.max(...results.map((r) => Number(r[key])));
    console.log(
      `Worst find p99 ${worst('find p99')} ms (target 50), worst count p99 ${worst('count p99')} ms (target 200)`,
    );
    if (process.env.SEGMENTS_EXPLAIN) await writeFile(process.env.SEGMENTS_EXPLAIN, plans.join('\n'));
  } finally {
    await db.destroy();
    if (!keep) {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    }
  }
}

await main();
