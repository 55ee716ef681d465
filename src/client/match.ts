// Conditions over a person's background: one checked form (`ConditionNode`) that `matches` evaluates here and
// the server compiles to SQL, so a page and a query always agree on who a condition selects.
import type { Choice, HostQuestionsOf, ValueOf } from './answers';
import {
  BACKGROUND_PREFERENCES,
  type BackgroundPreference,
  EXPERIENCE_LEVELS,
  type ExperienceLevel,
  SKILL_LEVELS,
  type SkillLevel,
} from './constants';
import { ProfileKitError } from './errors';
import {
  type ChoiceOption,
  type HostQuestion,
  isDate,
  type RowField,
  type ScaleLevel,
} from './host-questions';
import type { QuestionnaireDefinition } from './questionnaire';

/** One of fixed values (`'beginner'`), one of several (`{ in }`), or whether it was answered at all. */
export type ChoiceTest<V extends string = string> = V | { in?: readonly V[]; answered?: boolean };
/** A `ChoiceTest` that may also compare by the order of the levels, lowest first. */
export type LevelTest<L extends string = string> =
  | L
  | { in?: readonly L[]; atLeast?: L; atMost?: L; answered?: boolean };
/** A list answer: holds any of, all of, none of the values; `answered` is a non-empty list. */
export interface ListTest<V extends string = string> {
  any?: readonly V[];
  all?: readonly V[];
  none?: readonly V[];
  answered?: boolean;
}
/** A language the person listed: at any level (`true`), at one level, or by the levels' order. */
export type LanguageTest =
  | true
  | SkillLevel
  | { in?: readonly SkillLevel[]; atLeast?: SkillLevel; atMost?: SkillLevel };
/**
 * Years of experience: one answer (`'3-5'`), several, or compared by the first number of the range (`atLeast:
 * '3-5'` holds for "3-5", "5-10" and "10+", whatever the range's end).
 */
export type YearsTest =
  | string
  | { in?: readonly string[]; atLeast?: string; atMost?: string; answered?: boolean };
export type NumberTest = number | { atLeast?: number; atMost?: number; answered?: boolean };
/** Dates as `YYYY-MM-DD`; `atLeast` is on or after. */
export type DateTest = string | { atLeast?: string; atMost?: string; answered?: boolean };
export type BooleanTest = boolean | { answered?: boolean };
export type TextTest = string | { in?: readonly string[]; answered?: boolean };

type ScalarTestOf<Q> = Q extends { kind: 'text' }
  ? TextTest
  : Q extends { kind: 'number' }
    ? NumberTest
    : Q extends { kind: 'boolean' }
      ? BooleanTest
      : Q extends { kind: 'date' }
        ? DateTest
        : Q extends { kind: 'single' }
          ? ChoiceTest<Choice<Q>>
          : Q extends { kind: 'scale'; levels: readonly (infer L)[] }
            ? LevelTest<ValueOf<L>>
            : never;
/** A group's rows: `some` row, or `none`, meets every field test given. */
export interface GroupTest<R = Record<string, unknown>> {
  some?: R;
  none?: R;
  answered?: boolean;
}
type RowTestOf<F> = {
  [K in F as K extends { id: infer I extends string } ? I : never]?: ScalarTestOf<K>;
};
/** The test a host question takes, by its kind. */
export type HostTestOf<Q> = Q extends { kind: 'multi' }
  ? ListTest<Choice<Q>>
  : Q extends { kind: 'group'; fields: readonly (infer F)[] }
    ? GroupTest<RowTestOf<F>>
    : ScalarTestOf<Q>;

type HostConditions<T> = [HostQuestionsOf<T>] extends [never]
  ? Record<string, never>
  : string extends (HostQuestionsOf<T> extends { id: infer I } ? I : never)
    ? Record<string, unknown>
    : { [Q in HostQuestionsOf<T> as Q extends { id: infer I extends string } ? I : never]?: HostTestOf<Q> };

/**
 * A condition over a person's background, typed by the questionnaire (`BackgroundCondition<typeof
 * questionnaire>`): every key given must hold; `all`, `any` and `not` combine conditions. Levels compare in the
 * questionnaire's order; names and options compare exactly as stored (the questionnaire's options are the
 * spelling to use).
 *
 * @example
 * const pythonHardware: BackgroundCondition<typeof questionnaire> = {
 *   languages: { Python: { atLeast: 'intermediate' } },
 *   any: [{ devices: { any: ['Jetson Nano'] } }, { backgroundPreference: 'hardware' }],
 *   answers: { gpu: { in: ['RTX 4090'] } },
 * };
 */
export interface BackgroundCondition<T = QuestionnaireDefinition> {
  languages?: { readonly [language: string]: LanguageTest };
  frameworks?: ListTest;
  devices?: ListTest;
  architectureFamiliarity?: ListTest;
  experienceYears?: YearsTest;
  softwareExperience?: LevelTest<ExperienceLevel>;
  hardwareExperience?: LevelTest<ExperienceLevel>;
  backgroundPreference?: ChoiceTest<BackgroundPreference>;
  /** The host questions' answers, by question id. */
  answers?: HostConditions<T>;
  all?: readonly BackgroundCondition<T>[];
  any?: readonly BackgroundCondition<T>[];
  not?: BackgroundCondition<T>;
}

/** The built-in fields that hold one value, and the lists of names. */
export type ScalarField =
  | 'experienceYears'
  | 'softwareExperience'
  | 'hardwareExperience'
  | 'backgroundPreference';
export type ListField = 'frameworks' | 'devices' | 'architectureFamiliarity';
type Scalar = string | number | boolean;

/** @internal Where a value is read: a built-in field, a host answer, or a field of a group's row. */
export type Target =
  | { at: 'field'; field: ScalarField }
  | { at: 'answer'; id: string }
  | { at: 'row'; field: string };
/** @internal Where a list is read. */
export type ListTarget = { at: 'field'; field: ListField } | { at: 'answer'; id: string };

/**
 * @internal A checked condition. Every value is exact (formerly-used option values are spelled out), so
 * evaluating it needs no questionnaire.
 */
export type ConditionNode =
  | { op: 'all'; nodes: ConditionNode[] }
  | { op: 'any'; nodes: ConditionNode[] }
  | { op: 'not'; node: ConditionNode }
  /** A language listed with one of `levels` (any level when null). */
  | { op: 'language'; name: string; levels: readonly SkillLevel[] | null }
  | { op: 'contains'; list: ListTarget; value: string }
  | { op: 'nonEmpty'; list: ListTarget }
  /** The value is one of `values`, of the same JSON type. */
  | { op: 'equals'; target: Target; values: readonly Scalar[] }
  /** A number, a `YYYY-MM-DD` date, or the first number of a years range, compared with `bound`. */
  | {
      op: 'compare';
      target: Target;
      type: 'number' | 'date' | 'years';
      cmp: 'gte' | 'lte';
      bound: number | string;
    }
  /** Answered: present and not null. */
  | { op: 'present'; target: Target }
  | { op: 'someRow'; id: string; row: ConditionNode };

/** How large a condition may be: a page's conditions are small, and a query's must stay cheap to compile. */
export const CONDITION_LIMITS = { depth: 16, terms: 500 } as const;

function fail(path: string, message: string): never {
  const where = path === '' ? 'the condition' : `"${path}"`;
  throw new ProfileKitError('VALIDATION_FAILED', `profilekit: condition ${where}: ${message}`, {
    issues: [{ path, code: 'invalid_condition', message }],
  });
}

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (value: unknown, key: string): unknown =>
  isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;

/** How a years answer is written (as `experienceYearsSchema` checks it): "3-5", "10+" or one number. */
const YEARS = /^\d{1,2}(?:-\d{1,2}|\+)?$/;

/** One node for several tests that must all hold. */
const allOf = (nodes: ConditionNode[]): ConditionNode =>
  nodes.length === 1 ? (nodes[0] as ConditionNode) : { op: 'all', nodes };

function keysOf(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(join(path, key), `unknown test; use ${allowed.join(', ')}`);
  }
}

/** One kind of value: how condition values are checked and which stored values a value stands for. */
interface Domain {
  type: 'string' | 'number' | 'boolean' | 'date' | 'years';
  /** Ordered values, lowest first, each with the values it was formerly stored as. */
  levels?: readonly (readonly string[])[];
  /** The values allowed, each with its former values; absent: any value of the type. */
  choices?: readonly (readonly string[])[];
}

const fixed = (values: readonly string[]): readonly (readonly string[])[] => values.map((v) => [v]);
const LEVELS: Domain = { type: 'string', levels: /* @__PURE__ */ fixed(EXPERIENCE_LEVELS) };
const SKILLS = /* @__PURE__ */ fixed(SKILL_LEVELS);

function choiceSpellings(options: readonly (ChoiceOption | ScaleLevel)[]): (readonly string[])[] {
  return options.map((option) =>
    typeof option === 'string' ? [option] : [option.value, ...(option.formerly ?? [])],
  );
}

function domainOf(question: HostQuestion | RowField): Domain {
  switch (question.kind) {
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'date' };
    case 'scale':
      return { type: 'string', levels: choiceSpellings(question.levels) };
    case 'single':
    case 'multi':
      return question.allowOther
        ? { type: 'string' }
        : { type: 'string', choices: choiceSpellings(question.options as readonly ChoiceOption[]) };
    default:
      return { type: 'string' };
  }
}

/** The tests a value of a domain takes besides equality. */
function allowedTests(domain: Domain): readonly string[] {
  if (domain.type === 'boolean') return ['answered'];
  if (domain.type === 'number' || domain.type === 'date') return ['atLeast', 'atMost', 'answered'];
  if (domain.type === 'years' || domain.levels !== undefined) return ['in', 'atLeast', 'atMost', 'answered'];
  return ['in', 'answered'];
}

class Checker {
  private terms = 0;
  constructor(private readonly questions: ReadonlyMap<string, HostQuestion>) {}

  private term(path: string): void {
    this.terms += 1;
    if (this.terms > CONDITION_LIMITS.terms) fail(path, `more than ${CONDITION_LIMITS.terms} tests`);
  }

  condition(value: unknown, path: string, depth: number): ConditionNode {
    if (!isRecord(value)) fail(path, 'must be an object');
    if (depth > CONDITION_LIMITS.depth) fail(path, `nested deeper than ${CONDITION_LIMITS.depth}`);
    const nodes: ConditionNode[] = [];
    for (const [key, test] of Object.entries(value)) {
      if (test === undefined) continue;
      const at = join(path, key);
      switch (key) {
        case 'all':
        case 'any': {
          if (!Array.isArray(test)) fail(at, 'must be a list of conditions');
          const inner = test.map((c, i) => this.condition(c, join(at, i), depth + 1));
          nodes.push({ op: key, nodes: inner });
          break;
        }
        case 'not':
          nodes.push({ op: 'not', node: this.condition(test, at, depth + 1) });
          break;
        case 'languages':
          nodes.push(this.languages(test, at));
          break;
        case 'frameworks':
        case 'devices':
        case 'architectureFamiliarity':
          nodes.push(this.list(test, at, { at: 'field', field: key }, { type: 'string' }));
          break;
        case 'experienceYears':
          nodes.push(this.scalar(test, at, { at: 'field', field: key }, { type: 'years' }));
          break;
        case 'softwareExperience':
        case 'hardwareExperience':
          nodes.push(this.scalar(test, at, { at: 'field', field: key }, LEVELS));
          break;
        case 'backgroundPreference':
          nodes.push(
            this.scalar(
              test,
              at,
              { at: 'field', field: key },
              { type: 'string', choices: fixed(BACKGROUND_PREFERENCES) },
            ),
          );
          break;
        case 'answers':
          nodes.push(...this.answers(test, at));
          break;
        default:
          fail(at, 'unknown field; use a built-in field, answers, all, any or not');
      }
    }
    return allOf(nodes);
  }

  private languages(test: unknown, path: string): ConditionNode {
    if (!isRecord(test)) fail(path, 'must map language names to tests');
    const nodes: ConditionNode[] = [];
    for (const [name, languageTest] of Object.entries(test)) {
      const at = join(path, name);
      this.term(at);
      if (name.trim() === '') fail(at, 'needs a language name');
      if (languageTest === true) {
        nodes.push({ op: 'language', name, levels: null });
        continue;
      }
      const levels = this.levelSet(languageTest, at, { type: 'string', levels: SKILLS }) as SkillLevel[];
      nodes.push({ op: 'language', name, levels });
    }
    return { op: 'all', nodes };
  }

  /** The level values a level test selects (`'advanced'`, `{ in }`, `{ atLeast, atMost }`), in order. */
  private levelSet(test: unknown, path: string, domain: Domain): string[] {
    const levels = domain.levels as readonly (readonly string[])[];
    const index = (value: unknown, at: string) => {
      const i = levels.findIndex((spellings) => spellings.includes(value as string));
      if (typeof value !== 'string' || i < 0)
        fail(at, `must be one of ${levels.map((l) => l[0]).join(', ')}`);
      return i;
    };
    if (!isRecord(test)) return [...(levels[index(test, path)] as readonly string[])];
    keysOf(test, path, ['in', 'atLeast', 'atMost']);
    let chosen = levels.map((_, i) => i);
    if (test.in !== undefined) {
      const wanted = this.values(test.in, join(path, 'in')).map((v, i) => index(v, join(path, `in.${i}`)));
      chosen = chosen.filter((i) => wanted.includes(i));
    }
    if (test.atLeast !== undefined) {
      const low = index(test.atLeast, join(path, 'atLeast'));
      chosen = chosen.filter((i) => i >= low);
    }
    if (test.atMost !== undefined) {
      const high = index(test.atMost, join(path, 'atMost'));
      chosen = chosen.filter((i) => i <= high);
    }
    return chosen.flatMap((i) => levels[i] as readonly string[]);
  }

  private values(list: unknown, path: string): unknown[] {
    if (!Array.isArray(list)) fail(path, 'must be a list');
    for (let i = 0; i < list.length; i += 1) this.term(join(path, i));
    return list;
  }

  /** The stored values one condition value stands for (itself and, for an option, its former values). */
  private spellings(value: unknown, path: string, domain: Domain): Scalar[] {
    switch (domain.type) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'must be a finite number');
        return [value];
      case 'boolean':
        if (typeof value !== 'boolean') fail(path, 'must be true or false');
        return [value];
      case 'date':
        if (typeof value !== 'string' || !isDate(value)) fail(path, 'must be a date written YYYY-MM-DD');
        return [value];
      case 'years':
        if (typeof value !== 'string' || !YEARS.test(value))
          fail(path, 'must be years such as "3-5", "10+" or "2"');
        return [value];
      default: {
        if (typeof value !== 'string') fail(path, 'must be a string');
        const set = domain.choices ?? domain.levels;
        if (set === undefined) return [value];
        const spellings = set.find((s) => s.includes(value));
        if (!spellings) fail(path, `must be one of ${set.map((s) => s[0]).join(', ')}`);
        return [...spellings];
      }
    }
  }

  private scalar(test: unknown, path: string, target: Target, domain: Domain): ConditionNode {
    this.term(path);
    if (!isRecord(test)) return { op: 'equals', target, values: this.spellings(test, path, domain) };
    keysOf(test, path, allowedTests(domain));
    const nodes: ConditionNode[] = [];
    if (domain.levels !== undefined) {
      const { answered: _, ...levelTest } = test;
      if (Object.keys(levelTest).length > 0) {
        nodes.push({ op: 'equals', target, values: this.levelSet(levelTest, path, domain) });
      }
    } else {
      if (test.in !== undefined) {
        const values = this.values(test.in, join(path, 'in')).flatMap((v, i) =>
          this.spellings(v, join(path, `in.${i}`), domain),
        );
        nodes.push({ op: 'equals', target, values });
      }
      for (const cmp of ['atLeast', 'atMost'] as const) {
        if (test[cmp] === undefined) continue;
        const at = join(path, cmp);
        const [value] = this.spellings(test[cmp], at, domain);
        const type = domain.type as 'number' | 'date' | 'years';
        const bound = type === 'years' ? Number.parseInt(value as string, 10) : (value as number | string);
        nodes.push({ op: 'compare', target, type, cmp: cmp === 'atLeast' ? 'gte' : 'lte', bound });
      }
    }
    if (test.answered !== undefined)
      nodes.push(this.answered(test.answered, join(path, 'answered'), { op: 'present', target }));
    return allOf(nodes);
  }

  private answered(value: unknown, path: string, node: ConditionNode): ConditionNode {
    if (typeof value !== 'boolean') fail(path, 'must be true or false');
    return value ? node : { op: 'not', node };
  }

  private list(test: unknown, path: string, list: ListTarget, domain: Domain): ConditionNode {
    if (!isRecord(test)) fail(path, 'must be a test such as { any: [...] }');
    keysOf(test, path, ['any', 'all', 'none', 'answered']);
    const nodes: ConditionNode[] = [];
    const holding = (values: unknown, at: string) =>
      this.values(values, at).map((v, i): ConditionNode => {
        const spellings = this.spellings(v, join(at, i), domain) as string[];
        const each = spellings.map((value): ConditionNode => ({ op: 'contains', list, value }));
        return each.length === 1 ? (each[0] as ConditionNode) : { op: 'any', nodes: each };
      });
    if (test.any !== undefined) nodes.push({ op: 'any', nodes: holding(test.any, join(path, 'any')) });
    if (test.all !== undefined) nodes.push({ op: 'all', nodes: holding(test.all, join(path, 'all')) });
    if (test.none !== undefined) {
      nodes.push({ op: 'not', node: { op: 'any', nodes: holding(test.none, join(path, 'none')) } });
    }
    if (test.answered !== undefined)
      nodes.push(this.answered(test.answered, join(path, 'answered'), { op: 'nonEmpty', list }));
    return allOf(nodes);
  }

  private answers(test: unknown, path: string): ConditionNode[] {
    if (!isRecord(test)) fail(path, 'must map question ids to tests');
    const nodes: ConditionNode[] = [];
    for (const [id, answerTest] of Object.entries(test)) {
      if (answerTest === undefined) continue;
      const at = join(path, id);
      const question = this.questions.get(id);
      if (!question) fail(at, 'is not a question of the questionnaire');
      if (question.kind === 'multi')
        nodes.push(this.list(answerTest, at, { at: 'answer', id }, domainOf(question)));
      else if (question.kind === 'group') nodes.push(this.group(answerTest, at, question));
      else nodes.push(this.scalar(answerTest, at, { at: 'answer', id }, domainOf(question)));
    }
    return nodes;
  }

  private group(
    test: unknown,
    path: string,
    question: Extract<HostQuestion, { kind: 'group' }>,
  ): ConditionNode {
    if (!isRecord(test)) fail(path, 'must be a test such as { some: { field: ... } }');
    keysOf(test, path, ['some', 'none', 'answered']);
    const row = (rowTest: unknown, at: string): ConditionNode => {
      if (!isRecord(rowTest)) fail(at, 'must map the row’s field ids to tests');
      const nodes = Object.entries(rowTest)
        .filter(([, fieldTest]) => fieldTest !== undefined)
        .map(([field, fieldTest]) => {
          const definition = question.fields.find((f) => f.id === field);
          if (!definition) fail(join(at, field), `is not a field of "${question.id}"`);
          return this.scalar(fieldTest, join(at, field), { at: 'row', field }, domainOf(definition));
        });
      return {
        op: 'someRow',
        id: question.id,
        row: allOf(nodes),
      };
    };
    const nodes: ConditionNode[] = [];
    if (test.some !== undefined) nodes.push(row(test.some, join(path, 'some')));
    if (test.none !== undefined) nodes.push({ op: 'not', node: row(test.none, join(path, 'none')) });
    if (test.answered !== undefined) {
      nodes.push(
        this.answered(test.answered, join(path, 'answered'), {
          op: 'nonEmpty',
          list: { at: 'answer', id: question.id },
        }),
      );
    }
    return allOf(nodes);
  }
}

/**
 * @internal Checks a condition against the questionnaire and returns its exact form. Throws a
 * `ProfileKitError` (`VALIDATION_FAILED`, one issue with the condition's path) for an unknown field, question
 * or test, a value of the wrong kind, a level or option the question does not have, or a condition past
 * `CONDITION_LIMITS`.
 */
export function checkCondition(condition: unknown, questionnaire?: QuestionnaireDefinition): ConditionNode {
  const questions = new Map((questionnaire?.questions ?? []).map((q) => [q.id, q]));
  return new Checker(questions).condition(condition, '', 0);
}

/** What `matches` reads of a profile: the API's profile, or any object of its shape. */
export interface MatchableProfile {
  languages?: readonly { language: string; level: string }[] | null;
  frameworks?: readonly string[] | null;
  devices?: readonly string[] | null;
  architectureFamiliarity?: readonly string[] | null;
  experienceYears?: string | null;
  softwareExperience?: string | null;
  hardwareExperience?: string | null;
  backgroundPreference?: string | null;
  answers?: Readonly<Record<string, unknown>> | null;
}

function read(target: Target, profile: MatchableProfile, row: unknown): unknown {
  if (target.at === 'field') return profile[target.field];
  if (target.at === 'answer') return own(profile.answers, target.id);
  return own(row, target.field);
}

function readList(list: ListTarget, profile: MatchableProfile): unknown {
  return list.at === 'field' ? profile[list.field] : own(profile.answers, list.id);
}

/** The first number of a years answer written as the questionnaire writes it ("3-5" is 3). */
const firstNumber = (value: string): number | undefined =>
  YEARS.test(value) ? Number.parseInt(value, 10) : undefined;

/** @internal Evaluates a checked condition. */
export function evaluate(node: ConditionNode, profile: MatchableProfile, row?: unknown): boolean {
  switch (node.op) {
    case 'all':
      return node.nodes.every((n) => evaluate(n, profile, row));
    case 'any':
      return node.nodes.some((n) => evaluate(n, profile, row));
    case 'not':
      return !evaluate(node.node, profile, row);
    case 'language': {
      const languages = profile.languages;
      return (
        Array.isArray(languages) &&
        languages.some(
          (entry) =>
            isRecord(entry) &&
            entry.language === node.name &&
            (node.levels === null || node.levels.includes(entry.level as SkillLevel)),
        )
      );
    }
    case 'contains': {
      const list = readList(node.list, profile);
      return Array.isArray(list) && list.includes(node.value);
    }
    case 'nonEmpty': {
      const list = readList(node.list, profile);
      return Array.isArray(list) && list.length > 0;
    }
    case 'equals': {
      const value = read(node.target, profile, row);
      return node.values.some((v) => v === value);
    }
    case 'present': {
      const value = read(node.target, profile, row);
      return value !== undefined && value !== null;
    }
    case 'compare': {
      const value = read(node.target, profile, row);
      let left: number | string | undefined;
      if (node.type === 'number') left = typeof value === 'number' ? value : undefined;
      else if (node.type === 'date') left = typeof value === 'string' ? value : undefined;
      else left = typeof value === 'string' ? firstNumber(value) : undefined;
      if (left === undefined) return false;
      return node.cmp === 'gte' ? left >= node.bound : left <= node.bound;
    }
    case 'someRow': {
      const rows = own(profile.answers, node.id);
      return Array.isArray(rows) && rows.some((r) => isRecord(r) && evaluate(node.row, profile, r));
    }
  }
}

/**
 * Whether a profile meets a condition; a missing profile (`null`, no background yet) meets none. Pure: the
 * same answer for the same profile, here and in `createProfileQueries`' SQL. Give the questionnaire when the
 * condition tests host answers (`answers`); throws a `ProfileKitError` (`VALIDATION_FAILED`, with the path)
 * for a condition the questionnaire cannot answer.
 *
 * @example
 * matches(profile, { languages: { Python: { atLeast: 'intermediate' } }, devices: { any: ['Jetson Nano'] } });
 */
export function matches<T extends QuestionnaireDefinition = QuestionnaireDefinition>(
  profile: MatchableProfile | null | undefined,
  condition: BackgroundCondition<T>,
  questionnaire?: T,
): boolean {
  const node = checkCondition(condition, questionnaire);
  return profile != null && evaluate(node, profile);
}
