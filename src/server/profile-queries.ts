// Who has a background: conditions compiled to parameterised SQL over user_profiles. The condition is checked
// and made exact by the same code as `matches` (src/client/match.ts), so a page and a query agree.
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { choiceOf } from '../client/answer-rules';
import type { AnswersOf, ProfileOf } from '../client/answers';
import { BACKGROUND_PREFERENCES, EXPERIENCE_LEVELS, SKILL_LEVELS } from '../client/constants';
import { ProfileKitError } from '../client/errors';
import { type ChoiceOption, type HostQuestion, optionValue, type ScaleLevel } from '../client/host-questions';
import {
  type BackgroundCondition,
  type ConditionNode,
  checkCondition,
  type ListField,
  type ListTarget,
  type ScalarField,
  type Target,
} from '../client/match';
import type { QuestionnaireDefinition } from '../client/questionnaire';
import { type Selected, toProfile } from './profile-row';

const COLUMN: Record<ScalarField | ListField, string> = {
  experienceYears: 'experience_years',
  softwareExperience: 'software_experience',
  hardwareExperience: 'hardware_experience',
  backgroundPreference: 'background_preference',
  frameworks: 'frameworks',
  devices: 'devices',
  architectureFamiliarity: 'architecture_familiarity',
};

/**
 * What the lists, languages and host answers hold as one text array (migration 0004's stored `facts`, which
 * its GIN index covers): a text per value, its parts joined by the unit separator.
 */
const SEP = '\u001f';
const LIST_FACT: Record<ListField, string> = { frameworks: 'f', devices: 'd', architectureFamiliarity: 'a' };

/** Holds any of the facts: one `&&`, which the facts' GIN index answers without reading the row again. */
function hasFact(facts: readonly string[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(facts && ${sql.val(facts)}::text[])`;
}

/** A host answer is one of `values`: strings and booleans by their facts, numbers by JSONB containment. */
function answerEquals(id: string, values: readonly (string | number | boolean)[]): RawBuilder<SqlBool> {
  const facts = values
    .filter((v) => typeof v !== 'number')
    .map((v) => `q${SEP}${id}${SEP}${typeof v === 'string' ? 's' : 'b'}${SEP}${String(v)}`);
  const numbers = values.filter((v) => typeof v === 'number');
  const parts = [
    ...(facts.length > 0 ? [hasFact(facts)] : []),
    ...(numbers.length > 0
      ? [
          containsAny(
            sql`answers`,
            numbers.map((v) => ({ [id]: v })),
          ),
        ]
      : []),
  ];
  return parts.length === 1
    ? (parts[0] as RawBuilder<SqlBool>)
    : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/** The JSON value a target reads (a host answer or a row's field); built-in fields are columns. */
function jsonAt(
  target: Exclude<Target, { at: 'field' }> | Extract<ListTarget, { at: 'answer' }>,
): RawBuilder<unknown> {
  return target.at === 'answer' ? sql`(answers -> ${target.id}::text)` : sql`(r.v -> ${target.field}::text)`;
}

const jsonb = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** `left @> right` for each right, or-ed: each one a containment a GIN index (jsonb_path_ops) serves. */
function containsAny(left: RawBuilder<unknown>, rights: readonly unknown[]): RawBuilder<SqlBool> {
  if (rights.length === 0) return FALSE;
  return sql<SqlBool>`(${sql.join(
    rights.map((right) => sql`${left} @> ${jsonb(right)}`),
    sql` or `,
  )})`;
}

/**
 * @internal A checked condition as a SQL predicate over user_profiles. A test on a missing value is NULL or
 * false, never an error: `not` is `IS NOT TRUE`, so a NULL reads as "does not hold", as in `matches`.
 */
export function conditionSql(node: ConditionNode): RawBuilder<SqlBool> {
  switch (node.op) {
    case 'all':
      return node.nodes.length === 0
        ? TRUE
        : sql<SqlBool>`(${sql.join(node.nodes.map(conditionSql), sql` and `)})`;
    case 'any':
      return node.nodes.length === 0
        ? FALSE
        : sql<SqlBool>`(${sql.join(node.nodes.map(conditionSql), sql` or `)})`;
    case 'not':
      return sql<SqlBool>`((${conditionSql(node.node)}) is not true)`;
    case 'language':
      return hasFact(
        node.levels === null
          ? [`l${SEP}${node.name}`]
          : node.levels.map((level) => `ll${SEP}${node.name}${SEP}${level}`),
      );
    case 'contains':
      return node.list.at === 'field'
        ? hasFact([`${LIST_FACT[node.list.field]}${SEP}${node.value}`])
        : hasFact([`qe${SEP}${node.list.id}${SEP}s${SEP}${node.value}`]);
    case 'nonEmpty':
      if (node.list.at === 'field')
        return sql<SqlBool>`(jsonb_array_length(${sql.raw(COLUMN[node.list.field])}) > 0)`;
      return sql<SqlBool>`(case when jsonb_typeof(${jsonAt(node.list)}) = 'array' then jsonb_array_length(${jsonAt(node.list)}) > 0 else false end)`;
    case 'equals': {
      const { target, values } = node;
      if (values.length === 0) return FALSE;
      if (target.at === 'field')
        return sql<SqlBool>`(${sql.raw(COLUMN[target.field])} in (${sql.join(values)}))`;
      if (target.at === 'answer') return answerEquals(target.id, values);
      return containsAny(
        sql`r.v`,
        values.map((v) => ({ [target.field]: v })),
      );
    }
    case 'present':
      if (node.target.at === 'field')
        return sql<SqlBool>`(${sql.raw(COLUMN[node.target.field])} is not null)`;
      return sql<SqlBool>`(jsonb_typeof(${jsonAt(node.target)}) <> 'null')`;
    case 'compare': {
      const op = sql.raw(node.cmp === 'gte' ? '>=' : '<=');
      const { target } = node;
      if (target.at === 'field') {
        // The first number of a range ("3-5" → 3), a column of migration 0004; NULL for anything else.
        return sql<SqlBool>`(experience_years_from ${op} ${node.bound})`;
      }
      const value = jsonAt(target);
      if (node.type === 'number') {
        return sql<SqlBool>`(case when jsonb_typeof(${value}) = 'number' then (${value})::numeric ${op} ${node.bound}::numeric else false end)`;
      }
      // Dates as written, compared by code point as `matches` compares strings.
      return sql<SqlBool>`(case when jsonb_typeof(${value}) = 'string' then (${value} #>> '{}') collate "C" ${op} ${node.bound}::text collate "C" else false end)`;
    }
    case 'someRow': {
      const rows = jsonAt({ at: 'answer', id: node.id });
      return sql<SqlBool>`(case when jsonb_typeof(${rows}) = 'array' then exists (select 1 from jsonb_array_elements(${rows}) as r(v) where jsonb_typeof(r.v) = 'object' and ${conditionSql(node.row)}) else false end)`;
    }
  }
}

/** One value of a breakdown and how many profiles hold it; `null` counts the profiles without an answer. */
export interface BreakdownEntry {
  value: string | number | boolean | null;
  count: number;
}
/** A language's entry: how many list it, and how many at each level. */
export interface LanguageBreakdownEntry extends BreakdownEntry {
  value: string;
  levels: Record<(typeof SKILL_LEVELS)[number], number>;
}

type HostIds<T> = keyof AnswersOf<T> & string;
/** What `breakdown` counts: a built-in field, or a host question as `answers.<id>` (not a group). */
export type BreakdownField<T> =
  | 'languages'
  | ScalarField
  | ListField
  | (string extends HostIds<T> ? `answers.${string}` : `answers.${HostIds<T>}`);

export interface ProfileQueriesOptions<T extends QuestionnaireDefinition> {
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely instance over the migrated schema
  db: Kysely<any>;
  /** The questionnaire the host answers are read by; keep a question (hidden) for as long as you query it. */
  questionnaire?: T;
}

export interface FindOptions {
  /** At most this many (1 to 1000, default 50). */
  limit?: number;
  /** The `next` of the page before: the profiles after it, in user id order. */
  after?: string;
}

export interface FoundProfile<A> {
  userId: string;
  profile: ProfileOf<A>;
}

export interface FoundPage<A> {
  items: FoundProfile<A>[];
  /** Pass as `after` for the next page; null on the last. */
  next: string | null;
}

export interface ProfileQueries<T extends QuestionnaireDefinition> {
  /** The profiles that meet a condition, a page at a time in user id order (keyset pagination). */
  find(condition: BackgroundCondition<T>, options?: FindOptions): Promise<FoundPage<AnswersOf<T>>>;
  /** How many profiles meet a condition. */
  count(condition: BackgroundCondition<T>): Promise<number>;
  /**
   * How many profiles hold each value of one field, among those that meet `where` (all when absent): levels
   * and options in the questionnaire's order, other values by count; a renamed option counts under its
   * current value.
   */
  breakdown(
    field: 'languages',
    options?: { where?: BackgroundCondition<T> },
  ): Promise<LanguageBreakdownEntry[]>;
  breakdown(
    field: BreakdownField<T>,
    options?: { where?: BackgroundCondition<T> },
  ): Promise<BreakdownEntry[]>;
}

/** What a found profile is read from: the API's fields, not the facts kept for the index. */
const PROFILE_COLUMNS = [
  'user_id',
  'languages',
  'frameworks',
  'experience_years',
  'devices',
  'architecture_familiarity',
  'software_experience',
  'hardware_experience',
  'background_preference',
  'answers',
  'created_at',
  'updated_at',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refuse(path: string, message: string): never {
  throw new ProfileKitError('VALIDATION_FAILED', `profilekit: ${path}: ${message}`, {
    issues: [{ path, code: 'invalid_query', message }],
  });
}

/** The values of a field in the questionnaire's order, and its options or levels when it is a host question. */
function vocabulary(
  field: string,
  question: HostQuestion | undefined,
): { order: string[]; choices: readonly (ChoiceOption | ScaleLevel)[] } {
  const fixed: Partial<Record<string, readonly string[]>> = {
    softwareExperience: EXPERIENCE_LEVELS,
    hardwareExperience: EXPERIENCE_LEVELS,
    backgroundPreference: BACKGROUND_PREFERENCES,
  };
  if (!question) return { order: [...(fixed[field] ?? [])], choices: [] };
  const choices: readonly (ChoiceOption | ScaleLevel)[] =
    question.kind === 'scale'
      ? question.levels
      : question.kind === 'single' || question.kind === 'multi'
        ? question.options
        : [];
  return { order: choices.map((o) => optionValue(o as ChoiceOption)), choices };
}

function ordered(
  entries: Map<string | null, { value: BreakdownEntry['value']; count: number }>,
  order: string[],
) {
  const rank = (value: BreakdownEntry['value']) => {
    if (value === null) return Number.MAX_SAFE_INTEGER;
    const i = order.indexOf(value as string);
    return i < 0 ? order.length : i;
  };
  return [...entries.values()].sort(
    (a, b) =>
      rank(a.value) - rank(b.value) || b.count - a.count || String(a.value).localeCompare(String(b.value)),
  );
}

/**
 * Server-only queries over the profiles by background: `find`, `count` and `breakdown`. There is no HTTP
 * endpoint: the host decides who may call them. Every condition is checked as `matches` checks it (a
 * `ProfileKitError`, `VALIDATION_FAILED` with the path, for a malformed one) and compiled to parameterised SQL.
 *
 * @example
 * const queries = createProfileQueries({ db, questionnaire });
 * const beginners = await queries.count({ languages: { Python: 'beginner' } });
 * const page = await queries.find({ devices: { any: ['Jetson Nano'] } }, { limit: 100 });
 */
export function createProfileQueries<T extends QuestionnaireDefinition = QuestionnaireDefinition>(
  options: ProfileQueriesOptions<T>,
): ProfileQueries<T> {
  const { db, questionnaire } = options;
  const where = (condition: unknown): Expression<SqlBool> =>
    conditionSql(checkCondition(condition, questionnaire));
  const questions = new Map((questionnaire?.questions ?? []).map((q) => [q.id, q]));

  async function breakdown(field: string, opts: { where?: unknown } = {}): Promise<BreakdownEntry[]> {
    const filter = opts.where === undefined ? TRUE : where(opts.where);
    if (field === 'languages') {
      const { rows } = await sql<{ value: string; level: string; count: string }>`
        select l ->> 'language' as value, l ->> 'level' as level, count(*) as count
        from user_profiles, jsonb_array_elements(languages) as l
        where ${filter} group by 1, 2`.execute(db);
      const byName = new Map<string, LanguageBreakdownEntry>();
      for (const row of rows) {
        const entry =
          byName.get(row.value) ??
          ({
            value: row.value,
            count: 0,
            levels: Object.fromEntries(SKILL_LEVELS.map((l) => [l, 0])),
          } as LanguageBreakdownEntry);
        entry.count += Number(row.count);
        if (row.level in entry.levels)
          entry.levels[row.level as keyof LanguageBreakdownEntry['levels']] += Number(row.count);
        byName.set(row.value, entry);
      }
      return [...byName.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
    let value: RawBuilder<unknown>;
    let list = false;
    let question: HostQuestion | undefined;
    if (field in COLUMN) {
      const column = COLUMN[field as ScalarField | ListField];
      list = ['frameworks', 'devices', 'architectureFamiliarity'].includes(field);
      value = list ? sql.raw(column) : sql`to_jsonb(${sql.raw(column)})`;
    } else if (field.startsWith('answers.') && questions.has(field.slice('answers.'.length))) {
      question = questions.get(field.slice('answers.'.length)) as HostQuestion;
      if (question.kind === 'group')
        refuse(field, 'a group is broken down by its rows’ fields in your own SQL');
      list = question.kind === 'multi';
      value = sql`(answers -> ${question.id}::text)`;
    } else {
      return refuse(field, 'not a field or a host question of the questionnaire');
    }
    const { rows } = list
      ? await sql<{ value: unknown; count: string }>`
          select e.value as value, count(*) as count
          from user_profiles, jsonb_array_elements(case when jsonb_typeof(${value}) = 'array' then ${value} else '[]'::jsonb end) as e(value)
          where ${filter} group by 1`.execute(db)
      : await sql<{ value: unknown; count: string }>`
          select ${value} as value, count(*) as count from user_profiles where ${filter} group by 1`.execute(
          db,
        );
    const { order, choices } = vocabulary(field, question);
    const entries = new Map<string | null, { value: BreakdownEntry['value']; count: number }>();
    for (const row of rows) {
      let read = (row.value ?? null) as BreakdownEntry['value'];
      // A former value counts under the current one; a value no option has stays as it is.
      if (typeof read === 'string') read = choiceOf(choices, read) ?? read;
      const key = read === null ? null : JSON.stringify(read);
      const entry = entries.get(key) ?? { value: read, count: 0 };
      entry.count += Number(row.count);
      entries.set(key, entry);
    }
    return ordered(entries, order);
  }

  return {
    async find(condition, findOptions = {}) {
      const limit = findOptions.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        refuse('limit', 'must be a whole number from 1 to 1000');
      const { after } = findOptions;
      if (after !== undefined && (typeof after !== 'string' || !UUID.test(after))) {
        refuse('after', 'must be the `next` of an earlier page');
      }
      let query = db.selectFrom('user_profiles').select(PROFILE_COLUMNS).where(where(condition));
      if (after !== undefined) query = query.where('user_id', '>', after);
      const rows = (await query
        .orderBy('user_id')
        .limit(limit + 1)
        .execute()) as Selected[];
      const page = rows.slice(0, limit);
      return {
        items: page.map((row) => ({
          userId: row.user_id,
          profile: toProfile(row) as ProfileOf<AnswersOf<T>>,
        })),
        next: rows.length > limit ? (page[page.length - 1] as Selected).user_id : null,
      };
    },
    async count(condition) {
      const row = await db
        .selectFrom('user_profiles')
        .select(sql<string>`count(*)`.as('count'))
        .where(where(condition))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    breakdown: breakdown as ProfileQueries<T>['breakdown'],
  };
}
