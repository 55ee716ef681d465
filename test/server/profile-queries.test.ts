// Conditions over the background: `matches` (in the page) and `createProfileQueries` (SQL) must select the
// same people. A generated corpus of 10,000 profiles, written straight into user_profiles with the odd rows a
// long-lived table holds (answers of a question whose kind changed, former option values, JSON nulls), and
// conditions generated over every operator, each run both ways.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededRandom, seededRandom } from '../../examples/server/seeded-random';
import {
  type BackgroundCondition,
  defineQuestionnaire,
  EXPERIENCE_LEVELS,
  isProfileKitError,
  matches,
  SKILL_LEVELS,
} from '../../src/client';
import { type ConditionNode, checkCondition, evaluate } from '../../src/client/match';
import { createProfileQueries, migrate } from '../../src/server';
import { conditionSql } from '../../src/server/profile-queries';
import { createTestDatabase, type TestDatabase } from './db';

const questionnaire = defineQuestionnaire({
  questions: [
    { id: 'course', kind: 'text', label: 'Course' },
    { id: 'hours', kind: 'number', label: 'Hours a week', min: 0, max: 80, increment: 0.5 },
    { id: 'mentor', kind: 'boolean', label: 'Mentor others' },
    { id: 'started', kind: 'date', label: 'Started' },
    {
      id: 'gpu',
      kind: 'single',
      label: 'GPU',
      options: ['RTX 4090', { value: 'M3 Max', formerly: ['M3'] }, 'None'],
    },
    {
      id: 'tools',
      kind: 'multi',
      label: 'Tools',
      options: ['Docker', { value: 'KiCad', formerly: ['kicad'] }, 'Git'],
      allowOther: true,
    },
    {
      id: 'pace',
      kind: 'scale',
      label: 'Pace',
      levels: [{ value: 'slow' }, { value: 'steady', formerly: ['medium'] }, { value: 'fast' }],
    },
    {
      id: 'boards',
      kind: 'group',
      label: 'Boards',
      key: 'board',
      fields: [
        { id: 'board', kind: 'text', label: 'Board' },
        { id: 'level', kind: 'scale', label: 'Level', levels: [{ value: 'low' }, { value: 'high' }] },
        { id: 'since', kind: 'number', label: 'Since' },
        { id: 'owned', kind: 'boolean', label: 'Owned' },
      ],
    },
  ],
});
type Q = typeof questionnaire;

const LANGUAGES = ['Python', 'Rust', 'C', 'TypeScript', 'python', "O'Caml"];
const FRAMEWORKS = ['React', 'Django', 'Flask', 'Vue'];
const DEVICES = ['Jetson Nano', 'Raspberry Pi', 'Arduino Uno'];
const ARCHITECTURES = ['ARM', 'x86', 'RISC-V'];
const YEARS = ['0-1', '1-3', '3-5', '5-10', '10+', '4', '12', '7-9'];
/** Years a long-lived column may hold that no write accepts today: they compare with nothing. */
const ODD_YEARS = ['123', 'about 5'];
const PREFERENCES = ['software', 'hardware', 'both'];
const COURSES = ['Robotics 101', 'Edge AI', 'Embedded C'];
const DATES = ['2023-01-15', '2024-06-30', '2024-07-01', '2025-12-31'];
const GPUS = ['RTX 4090', 'M3 Max', 'M3', 'None'];
const TOOLS = ['Docker', 'KiCad', 'kicad', 'Git', 'Vim'];
const PACES = ['slow', 'steady', 'medium', 'fast'];
const BOARDS = ['Uno', 'Pico', 'ESP32'];

type Row = Record<string, unknown>;

/** One profile as the API shapes it, with now and then a value a question of another kind left behind. */
function profileOf(r: SeededRandom) {
  const odd = () => r.chance(0.04);
  const answers: Record<string, unknown> = {};
  const maybe = (id: string, value: () => unknown, strange: () => unknown) => {
    if (r.chance(0.35)) return;
    answers[id] = odd() ? strange() : value();
  };
  maybe(
    'course',
    () => r.pick(COURSES),
    () => r.pick([3, ['Edge AI'], null]),
  );
  maybe(
    'hours',
    () => r.pick([0, 2.5, 5, 10, 20, 40]),
    () => r.pick(['10', true, null]),
  );
  maybe(
    'mentor',
    () => r.chance(0.5),
    () => r.pick(['true', 1]),
  );
  maybe(
    'started',
    () => r.pick(DATES),
    () => r.pick([20240101, 'soon', null]),
  );
  maybe(
    'gpu',
    () => r.pick(GPUS),
    () => r.pick([['RTX 4090'], 4090]),
  );
  maybe(
    'tools',
    () => r.some(TOOLS),
    () => r.pick(['Docker', { Docker: true }]),
  );
  maybe(
    'pace',
    () => r.pick(PACES),
    () => r.pick([2, ['fast']]),
  );
  maybe(
    'boards',
    () =>
      r.some(BOARDS, 0.5).map((board) => {
        const row: Row = { board };
        if (r.chance(0.8)) row.level = r.pick(['low', 'high']);
        if (r.chance(0.7)) row.since = r.pick([2019, 2021, 2024]);
        if (r.chance(0.6)) row.owned = r.chance(0.5);
        if (odd()) row.since = '2021';
        return row;
      }),
    () => r.pick(['Uno', [['Uno']], ['Uno', { board: 'Pico', level: 'high' }]]),
  );
  const names = [...new Set(r.some(LANGUAGES, 0.3))];
  return {
    languages: names.map((language) => ({ language, level: r.pick(SKILL_LEVELS) })),
    frameworks: r.some(FRAMEWORKS),
    experienceYears: r.chance(0.2) ? null : r.chance(0.05) ? r.pick(ODD_YEARS) : r.pick(YEARS),
    devices: r.chance(0.25) ? null : r.some(DEVICES),
    architectureFamiliarity: r.chance(0.3) ? null : r.some(ARCHITECTURES),
    softwareExperience: r.chance(0.15) ? null : r.pick(EXPERIENCE_LEVELS),
    hardwareExperience: r.chance(0.15) ? null : r.pick(EXPERIENCE_LEVELS),
    backgroundPreference: r.chance(0.15) ? null : r.pick(PREFERENCES),
    answers,
  };
}

type Corpus = { userId: string; profile: ReturnType<typeof profileOf> }[];

/** A condition over every operator, up to `depth` combinators deep. */
function conditionOf(r: SeededRandom, depth: number): BackgroundCondition<Q> {
  const level = () => r.pick(EXPERIENCE_LEVELS);
  const levelTest = () =>
    r.pick([
      () => level(),
      () => ({ atLeast: level() }),
      () => ({ atMost: level() }),
      () => ({ in: r.some(EXPERIENCE_LEVELS) }),
      () => ({ answered: r.chance(0.5) }),
      () => ({ atLeast: level(), atMost: level(), answered: true }),
    ])();
  const list = (values: readonly string[]) =>
    r.pick([
      () => ({ any: r.some(values) }),
      () => ({ all: r.some(values, 0.3) }),
      () => ({ none: r.some(values, 0.3) }),
      () => ({ answered: r.chance(0.5) }),
      () => ({ any: r.some(values), none: r.some(values, 0.2) }),
    ])();
  const years = () => r.pick(['0-1', '1-3', '3-5', '5-10', '10+']);
  const rowTest = () => {
    const test: Row = {};
    if (r.chance(0.5))
      test.board = r.pick([r.pick(BOARDS), { in: r.some(BOARDS) }, { answered: r.chance(0.5) }]);
    if (r.chance(0.5))
      test.level = r.pick([r.pick(['low', 'high']), { atLeast: 'high' }, { answered: r.chance(0.5) }]);
    if (r.chance(0.4)) test.since = r.pick([2021, { atLeast: r.pick([2020, 2021]) }, { atMost: 2021 }]);
    if (r.chance(0.3)) test.owned = r.pick([true, false, { answered: true }]);
    return test;
  };
  const leaves: (() => BackgroundCondition<Q>)[] = [
    () => ({
      languages: Object.fromEntries(
        r
          .some(LANGUAGES, 0.3)
          .map((name) => [
            name,
            r.pick([
              true,
              r.pick(SKILL_LEVELS),
              { atLeast: r.pick(SKILL_LEVELS) },
              { in: r.some(SKILL_LEVELS) },
              { atMost: 'intermediate' },
            ]),
          ]),
      ),
    }),
    () => ({ frameworks: list(FRAMEWORKS) }),
    () => ({ devices: list(DEVICES) }),
    () => ({ architectureFamiliarity: list(ARCHITECTURES) }),
    () => ({
      experienceYears: r.pick([
        () => r.pick(YEARS),
        () => ({ atLeast: years() }),
        () => ({ atMost: years() }),
        () => ({ in: r.some(YEARS) }),
        () => ({ answered: r.chance(0.5) }),
      ])(),
    }),
    () => ({ softwareExperience: levelTest() }),
    () => ({ hardwareExperience: levelTest() }),
    () => ({
      backgroundPreference: r.pick([
        r.pick(PREFERENCES),
        { in: r.some(PREFERENCES) },
        { answered: r.chance(0.5) },
      ]) as never,
    }),
    () => ({
      answers: { course: r.pick([r.pick(COURSES), { in: r.some(COURSES) }, { answered: r.chance(0.5) }]) },
    }),
    () => ({
      answers: { hours: r.pick([5, { atLeast: r.pick([2.5, 10]) }, { atMost: 5 }, { answered: true }]) },
    }),
    () => ({ answers: { mentor: r.pick([true, false, { answered: r.chance(0.5) }]) } }),
    () => ({
      answers: { started: r.pick([r.pick(DATES), { atLeast: '2024-07-01' }, { atMost: '2024-06-30' }]) },
    }),
    () => ({
      answers: {
        gpu: r.pick(['M3 Max', 'RTX 4090', { in: ['M3 Max', 'None'] }, { answered: false }]) as never,
      },
    }),
    () => ({ answers: { tools: list(['Docker', 'KiCad', 'Git', 'Vim']) } }),
    () => ({
      answers: {
        pace: r.pick(['steady', { atLeast: 'steady' }, { atMost: 'slow' }, { in: ['fast'] }]) as never,
      },
    }),
    () => ({
      answers: {
        boards: r.pick([{ some: rowTest() }, { none: rowTest() }, { answered: r.chance(0.5) }]) as never,
      },
    }),
  ];
  if (depth > 0 && r.chance(0.45)) {
    const kind = r.pick(['all', 'any', 'not', 'mixed'] as const);
    const inner = () => conditionOf(r, depth - 1);
    if (kind === 'not') return { not: inner() };
    if (kind === 'mixed') return { ...r.pick(leaves)(), any: [inner(), inner()] };
    return { [kind]: Array.from({ length: 1 + Math.floor(r.next() * 3) }, inner) };
  }
  return r.pick(leaves)();
}

/** Each operator (and, for values, where it reads) a checked condition uses. */
function operators(node: ConditionNode, into: Set<string>): Set<string> {
  if (node.op === 'all' || node.op === 'any') for (const n of node.nodes) operators(n, into);
  else if (node.op === 'not') operators(node.node, into);
  else if (node.op === 'someRow') operators(node.row, into);
  if ('target' in node)
    into.add(`${node.op}:${node.target.at}${node.op === 'compare' ? `:${node.type}` : ''}`);
  else if ('list' in node) into.add(`${node.op}:${node.list.at}`);
  else into.add(node.op);
  return into;
}

let database: TestDatabase;
const corpus: Corpus = [];
const SIZE = 10_000;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.db);
  const r = seededRandom(20261207);
  for (let i = 0; i < SIZE; i += 1) corpus.push({ userId: randomUUID(), profile: profileOf(r) });
  for (let start = 0; start < SIZE; start += 1000) {
    const batch = corpus.slice(start, start + 1000);
    await database.db
      .insertInto('users')
      .values(
        batch.map(({ userId }, i) => ({
          id: userId,
          name: `Person ${start + i}`,
          email: `p${start + i}@example.com`,
        })),
      )
      .execute();
    await database.db
      .insertInto('user_profiles')
      .values(
        batch.map(({ userId, profile }) => ({
          user_id: userId,
          languages: JSON.stringify(profile.languages),
          frameworks: JSON.stringify(profile.frameworks),
          experience_years: profile.experienceYears,
          devices: profile.devices === null ? null : JSON.stringify(profile.devices),
          architecture_familiarity:
            profile.architectureFamiliarity === null ? null : JSON.stringify(profile.architectureFamiliarity),
          software_experience: profile.softwareExperience,
          hardware_experience: profile.hardwareExperience,
          background_preference: profile.backgroundPreference,
          answers: JSON.stringify(profile.answers),
        })),
      )
      .execute();
  }
}, 120_000);

afterAll(() => database?.close());

const queries = () => createProfileQueries({ db: database.db, questionnaire });
const expected = (condition: BackgroundCondition<Q>) =>
  corpus.filter(({ profile }) => matches(profile, condition, questionnaire)).map(({ userId }) => userId);

describe(`given ${SIZE.toLocaleString('en')} generated profiles`, () => {
  it('selects the same people in SQL as matches does, for 600 generated conditions over every operator', async () => {
    const r = seededRandom(7);
    const seen = new Set<string>();
    let split = 0;
    for (let i = 0; i < 600; i += 1) {
      const condition = conditionOf(r, 3);
      const node = checkCondition(condition, questionnaire);
      operators(node, seen);
      const inPage = corpus.filter(({ profile }) => evaluate(node, profile)).map(({ userId }) => userId);
      const { rows } = await sql<{
        user_id: string;
      }>`select user_id from user_profiles where ${conditionSql(node)}`.execute(database.db);
      const inSql = rows.map((row) => row.user_id);
      expect({ condition, count: inSql.length }).toEqual({ condition, count: inPage.length });
      expect(new Set(inSql)).toEqual(new Set(inPage));
      if (inPage.length > 0 && inPage.length < SIZE) split += 1;
    }
    // The conditions mean something: most select some people and leave others.
    expect(split).toBeGreaterThan(450);
    expect([...seen].sort()).toEqual(
      [
        'all',
        'any',
        'not',
        'language',
        'contains:field',
        'contains:answer',
        'nonEmpty:field',
        'nonEmpty:answer',
        'equals:field',
        'equals:answer',
        'equals:row',
        'present:field',
        'present:answer',
        'present:row',
        'compare:field:years',
        'compare:answer:number',
        'compare:answer:date',
        'compare:row:number',
        'someRow',
      ].sort(),
    );
  }, 120_000);

  it('reads a renamed option’s former value as the new one, in both', async () => {
    const condition: BackgroundCondition<Q> = { answers: { gpu: 'M3 Max', pace: { atLeast: 'steady' } } };
    const ids = expected(condition);
    const formerly = corpus.filter(
      ({ profile }) =>
        profile.answers.gpu === 'M3' && ['medium', 'steady', 'fast'].includes(profile.answers.pace as string),
    );
    expect(formerly.length).toBeGreaterThan(0);
    for (const { userId } of formerly) expect(ids).toContain(userId);
    expect(await queries().count(condition)).toBe(ids.length);
  });

  it('finds a page at a time in user id order until next is null', async () => {
    const condition: BackgroundCondition<Q> = {
      languages: { Python: { atLeast: 'intermediate' } },
      any: [{ devices: { any: ['Jetson Nano'] } }, { backgroundPreference: 'hardware' }],
    };
    const want = expected(condition).sort();
    expect(want.length).toBeGreaterThan(300);
    const got: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await queries().find(condition, { limit: 120, ...(after ? { after } : {}) });
      for (const item of page.items) {
        const person = corpus.find(({ userId }) => userId === item.userId);
        expect(item.profile.languages).toEqual(person?.profile.languages);
        expect(item.profile.answers).toEqual(person?.profile.answers);
      }
      got.push(...page.items.map((item) => item.userId));
      after = page.next ?? undefined;
      pages += 1;
    } while (after);
    expect(got).toEqual(want);
    expect(pages).toBe(Math.ceil(want.length / 120));
    expect(await queries().count(condition)).toBe(want.length);
  });

  it('breaks a field down by value, in the questionnaire’s order, former values under the current ones', async () => {
    const where: BackgroundCondition<Q> = { hardwareExperience: { atLeast: 'beginner' } };
    const people = corpus
      .filter(({ profile }) => matches(profile, where, questionnaire))
      .map(({ profile }) => profile);
    const tally = (values: unknown[]) => {
      const counts = new Map<string, number>();
      for (const v of values)
        counts.set(JSON.stringify(v ?? null), (counts.get(JSON.stringify(v ?? null)) ?? 0) + 1);
      return counts;
    };
    const asMap = (entries: { value: unknown; count: number }[]) =>
      new Map(entries.map((e) => [JSON.stringify(e.value), e.count]));

    const software = await queries().breakdown('softwareExperience', { where });
    expect(software.map((e) => e.value)).toEqual([...EXPERIENCE_LEVELS, null]);
    expect(asMap(software)).toEqual(tally(people.map((p) => p.softwareExperience)));

    const devices = await queries().breakdown('devices', { where });
    expect(asMap(devices)).toEqual(tally(people.flatMap((p) => p.devices ?? [])));

    const gpu = await queries().breakdown('answers.gpu', { where });
    const gpus = people.map((p) => {
      const v = p.answers.gpu;
      return v === 'M3' ? 'M3 Max' : v;
    });
    expect(asMap(gpu)).toEqual(tally(gpus));
    // Options first in their order; then what a changed kind left (by count); unanswered last.
    expect(gpu.slice(0, 3).map((e) => e.value)).toEqual(['RTX 4090', 'M3 Max', 'None']);
    expect(gpu.at(-1)?.value).toBeNull();

    const tools = await queries().breakdown('answers.tools');
    const allTools = corpus.flatMap(({ profile }) => {
      const v = profile.answers.tools;
      return Array.isArray(v) ? v.map((t) => (t === 'kicad' ? 'KiCad' : t)) : [];
    });
    expect(asMap(tools)).toEqual(tally(allTools));

    const languages = await queries().breakdown('languages', { where: { backgroundPreference: 'both' } });
    const both = corpus.filter(({ profile }) => profile.backgroundPreference === 'both');
    const python = both.flatMap(({ profile }) => profile.languages.filter((l) => l.language === 'Python'));
    const entry = languages.find((e) => e.value === 'Python');
    expect(entry?.count).toBe(python.length);
    expect(entry?.levels.expert).toBe(python.filter((l) => l.level === 'expert').length);
    // 'python' is another name as stored: names compare exactly.
    expect(languages.find((e) => e.value === 'python')).toBeDefined();
  });

  it('binds every value as a parameter: quotes, semicolons and SQL in names select nobody and change nothing', async () => {
    const hostile = ["'); drop table users; --", "x' or '1'='1", '"]}\' or true --', 'Python\\'];
    for (const name of hostile) {
      expect(await queries().count({ languages: { [name]: true } })).toBe(0);
      expect(await queries().count({ devices: { any: [name] } })).toBe(0);
      expect(await queries().count({ answers: { course: name, tools: { any: [name] } } })).toBe(0);
    }
    expect(await queries().count({ languages: { "O'Caml": true } })).toBe(
      expected({ languages: { "O'Caml": true } }).length,
    );
    const { rows } = await sql<{ n: string }>`select count(*) as n from users`.execute(database.db);
    expect(Number(rows[0]?.n)).toBe(SIZE);
  });
});

describe('given a condition the questionnaire cannot answer', () => {
  const deep = (n: number): Record<string, unknown> =>
    n === 0 ? { devices: { any: ['Arduino Uno'] } } : { not: deep(n - 1) };
  const cases: [string, unknown, string][] = [
    ['a list, not an object', [], ''],
    ['an unknown field', { gpu: 'RTX 4090' }, 'gpu'],
    ['an unknown host question', { answers: { shoeSize: 42 } }, 'answers.shoeSize'],
    ['a level that does not exist', { softwareExperience: 'guru' }, 'softwareExperience'],
    ['an unknown test', { softwareExperience: { above: 'beginner' } }, 'softwareExperience.above'],
    [
      'a level test on a language with a bad level',
      { languages: { Python: { atLeast: 'master' } } },
      'languages.Python.atLeast',
    ],
    ['an empty language name', { languages: { ' ': true } }, 'languages. '],
    ['a list test that is a string', { devices: 'Jetson Nano' }, 'devices'],
    ['years written with spaces', { experienceYears: { atLeast: '3 - 5' } }, 'experienceYears.atLeast'],
    ['a number given as a string', { answers: { hours: { atLeast: '10' } } }, 'answers.hours.atLeast'],
    ['an infinite number', { answers: { hours: Number.POSITIVE_INFINITY } }, 'answers.hours'],
    ['a date that is not in the calendar', { answers: { started: '2024-02-30' } }, 'answers.started'],
    ['an option the single choice does not have', { answers: { gpu: 'GTX 1080' } }, 'answers.gpu'],
    ['a scale level it does not have', { answers: { pace: { atLeast: 'sprint' } } }, 'answers.pace.atLeast'],
    ['an `in` that is not a list', { backgroundPreference: { in: 'software' } }, 'backgroundPreference.in'],
    [
      'an `answered` that is not a boolean',
      { answers: { mentor: { answered: 'yes' } } },
      'answers.mentor.answered',
    ],
    [
      'a row field the group does not have',
      { answers: { boards: { some: { colour: 'red' } } } },
      'answers.boards.some.colour',
    ],
    ['`any` that is not a list', { any: { devices: { any: [] } } }, 'any'],
    ['a combinator holding a string', { all: ['devices'] }, 'all.0'],
    ['nesting past the limit', deep(17), `${'not.'.repeat(17).slice(0, -1)}`],
    [
      'more tests than the limit',
      { frameworks: { any: Array.from({ length: 501 }, (_, i) => `F${i}`) } },
      'frameworks.any.500',
    ],
  ];
  it.each(cases)(
    'refuses %s with VALIDATION_FAILED and the path, in matches and in every query',
    async (_, condition, path) => {
      const attempts: (() => unknown)[] = [
        () => matches(corpus[0]?.profile ?? null, condition as never, questionnaire),
        () => queries().count(condition as never),
        () => queries().find(condition as never),
        () => queries().breakdown('devices', { where: condition as never }),
      ];
      for (const attempt of attempts) {
        const error = await (async () => attempt())().then(
          () => null,
          (e: unknown) => e,
        );
        expect(isProfileKitError(error, 'VALIDATION_FAILED')).toBe(true);
        expect((error as { issues: { path: string; code: string }[] }).issues).toEqual([
          expect.objectContaining({ path, code: 'invalid_condition' }),
        ]);
      }
    },
  );

  it('refuses host answers without the questionnaire, and a bad page or field', async () => {
    expect(() => matches(corpus[0]?.profile ?? null, { answers: { hours: 5 } } as never)).toThrow(
      /answers\.hours/,
    );
    const bare = createProfileQueries({ db: database.db });
    await expect(bare.count({ answers: { hours: 5 } } as never)).rejects.toThrow(/not a question/);
    for (const [options, path] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ limit: 2.5 }, 'limit'],
      [{ after: "' or 1=1 --" }, 'after'],
    ] as const) {
      await expect(queries().find({}, options as never)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path }],
      });
    }
    await expect(queries().breakdown('answers.boards' as never)).rejects.toMatchObject({
      issues: [{ path: 'answers.boards' }],
    });
    await expect(queries().breakdown('shoeSize' as never)).rejects.toMatchObject({
      issues: [{ path: 'shoeSize' }],
    });
  });

  it('meets nothing without a profile, and everything with an empty condition', async () => {
    expect(matches(null, {})).toBe(false);
    expect(matches(null, { not: { devices: { any: ['Arduino Uno'] } } })).toBe(false);
    expect(matches(corpus[0]?.profile, {})).toBe(true);
    expect(await queries().count({})).toBe(SIZE);
    expect(await queries().count({ any: [] })).toBe(0);
  });
});
