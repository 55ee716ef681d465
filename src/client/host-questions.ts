// A host's own questions, beside the eight built-in ones. Plain data only, so a definition can cross every
// boundary: from a Server Component to a client one, into the embed's JSON, to the server.

/** The kinds of a host question. */
export type HostQuestionKind =
  | 'text'
  | 'number'
  | 'boolean'
  | 'date'
  | 'single'
  | 'multi'
  | 'scale'
  | 'group';

/**
 * One choice of a `single` or `multi` question: a string (its value and label at once) or a value with a
 * label. The value is what is stored: relabel freely. To rename a value, list the old one in `formerly`: a
 * stored or sent former value still reads and is accepted, as the new one.
 */
export type ChoiceOption = string | { value: string; label?: string; formerly?: readonly string[] };

/** One level of a `scale`, lowest first. */
export interface ScaleLevel {
  value: string;
  label?: string;
  formerly?: readonly string[];
}

/** A scalar value an answer may hold; `visibleWhen` compares with these. */
export type ScalarAnswer = string | number | boolean;

/**
 * Shows a question only when another answer (a host question's id or a built-in field's name) equals
 * `equals`, or one of its values when it is a list. For a list answer (a `multi`, `frameworks`...), when the
 * list holds the value. A question that is not shown is not required, and its answer is neither sent nor
 * refused-for-missing; a stored one is kept.
 */
export interface VisibleWhen {
  question: string;
  equals: ScalarAnswer | readonly ScalarAnswer[];
}

interface Common<Id extends string> {
  /** Stable key of the answer, in the API, the database and the JSON Schema: never reuse one for another question. */
  id: Id;
  label: string;
  /** Help text shown under the label. */
  description?: string;
  /** An answer is needed (for `multi`: at least one entry, for `group`: at least one row). */
  required?: boolean;
}

interface Placed {
  /** Leaves the question out of the forms and refuses answers to it; a stored answer is kept. */
  hidden?: boolean;
  /** The sign-up step: `software`, `hardware` or the id of a step of the definition's `steps`. Default `software`. */
  step?: string;
  visibleWhen?: VisibleWhen;
}

export interface TextQuestion<Id extends string = string> extends Common<Id> {
  kind: 'text';
  /** Default 500, at most 10000. */
  maxLength?: number;
  /** A regular expression (its source, `u` flag) the whole answer must match. */
  pattern?: string;
}

export interface NumberQuestion<Id extends string = string> extends Common<Id> {
  kind: 'number';
  min?: number;
  max?: number;
  /**
   * Answers are `min` (or zero) plus a whole number of increments; `1` for whole numbers. (The input's
   * `step`: named apart from the sign-up `step` every question has.)
   */
  increment?: number;
  /** Shown beside the field ("hours", "GB"). */
  unit?: string;
}

export interface BooleanQuestion<Id extends string = string> extends Common<Id> {
  kind: 'boolean';
}

export interface DateQuestion<Id extends string = string> extends Common<Id> {
  kind: 'date';
  /** Earliest date, `YYYY-MM-DD`. */
  min?: string;
  /** Latest date, `YYYY-MM-DD`. */
  max?: string;
}

export interface SingleQuestion<Id extends string = string> extends Common<Id> {
  kind: 'single';
  options: readonly ChoiceOption[];
  /** A free answer beside the options. Default false. */
  allowOther?: boolean;
}

export interface MultiQuestion<Id extends string = string> extends Common<Id> {
  kind: 'multi';
  options: readonly ChoiceOption[];
  allowOther?: boolean;
  minCount?: number;
  /** Default 50. */
  maxCount?: number;
}

export interface ScaleQuestion<Id extends string = string> extends Common<Id> {
  kind: 'scale';
  /** Ordered levels, lowest first. */
  levels: readonly ScaleLevel[];
}

/** A question that may sit in a group's row. */
export type RowField<Id extends string = string> =
  | TextQuestion<Id>
  | NumberQuestion<Id>
  | BooleanQuestion<Id>
  | DateQuestion<Id>
  | SingleQuestion<Id>
  | ScaleQuestion<Id>;

export interface GroupQuestion<Id extends string = string> extends Common<Id> {
  kind: 'group';
  /** The fields of one row, such as a language and its level. */
  fields: readonly RowField[];
  minRows?: number;
  /** Default 20. */
  maxRows?: number;
  /** The id of a field whose value is unique across rows (compared without letter case). */
  key?: string;
}

/** A host's question, as written in `defineQuestionnaire({ questions: [...] })`. */
export type HostQuestion<Id extends string = string> = (
  | TextQuestion<Id>
  | NumberQuestion<Id>
  | BooleanQuestion<Id>
  | DateQuestion<Id>
  | SingleQuestion<Id>
  | MultiQuestion<Id>
  | ScaleQuestion<Id>
  | GroupQuestion<Id>
) &
  Placed;

/** A step of the sign-up a host adds and names; the review lists its questions under the label. */
export interface QuestionnaireStep {
  id: string;
  label: string;
}

/** Bounds that hold when the host gives none, and that no definition may exceed. */
export const HOST_LIMITS = {
  textLength: 500,
  textLengthMax: 10_000,
  multiCount: 50,
  groupRows: 20,
  questions: 100,
  idLength: 64,
} as const;

const KINDS: readonly HostQuestionKind[] = [
  'text',
  'number',
  'boolean',
  'date',
  'single',
  'multi',
  'scale',
  'group',
];
const ROW_KINDS: readonly HostQuestionKind[] = ['text', 'number', 'boolean', 'date', 'single', 'scale'];
const ID = /^[A-Za-z][A-Za-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The value of one option. */
export const optionValue = (option: ChoiceOption): string =>
  typeof option === 'string' ? option : option.value;
/** The label of one option or level. */
export const optionLabel = (option: ChoiceOption | ScaleLevel): string =>
  typeof option === 'string' ? option : (option.label ?? option.value);

/** Whether a string is a real calendar date written `YYYY-MM-DD`. */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function problem(where: string, text: string): never {
  throw new TypeError(`profilekit: question "${where}" ${text}`);
}

function checkChoices(where: string, list: unknown, what: string): void {
  if (!Array.isArray(list) || list.length === 0) problem(where, `needs a non-empty list of ${what}`);
  const seen = new Set<string>();
  for (const option of list as unknown[]) {
    const value = typeof option === 'string' ? option : (option as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' || value.trim() === '')
      problem(where, `has ${what} without a string value`);
    const formerly = typeof option === 'object' ? (option as ScaleLevel).formerly : undefined;
    for (const v of [value, ...(formerly ?? [])] as unknown[]) {
      if (typeof v !== 'string') problem(where, `has a former value that is not a string`);
      if (seen.has(v as string)) problem(where, `lists the value "${v}" twice`);
      seen.add(v as string);
    }
  }
}

const finite = (value: unknown) =>
  value === undefined || (typeof value === 'number' && Number.isFinite(value));
const count = (value: unknown) => value === undefined || (Number.isInteger(value) && (value as number) >= 0);

function checkOne(question: HostQuestion, where: string, inRow: boolean): void {
  if (!KINDS.includes(question.kind))
    problem(where, `has kind "${String(question.kind)}"; use ${KINDS.join(', ')}`);
  if (inRow && !ROW_KINDS.includes(question.kind))
    problem(where, `cannot be a ${question.kind} inside a group`);
  if (typeof question.label !== 'string' || question.label === '') problem(where, 'needs a label');
  switch (question.kind) {
    case 'text': {
      const max = question.maxLength;
      if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > HOST_LIMITS.textLengthMax))
        problem(where, `has maxLength ${String(max)}; use 1 to ${HOST_LIMITS.textLengthMax}`);
      if (question.pattern !== undefined) {
        try {
          new RegExp(question.pattern, 'u');
        } catch {
          problem(where, 'has a pattern that is not a regular expression');
        }
      }
      break;
    }
    case 'number':
      if (!finite(question.min) || !finite(question.max) || !finite(question.increment))
        problem(where, 'has a min, max or increment that is not a finite number');
      if (question.increment !== undefined && question.increment <= 0)
        problem(where, 'has an increment that is not positive');
      if (question.min !== undefined && question.max !== undefined && question.min > question.max)
        problem(where, 'has min above max');
      break;
    case 'date':
      for (const bound of [question.min, question.max])
        if (bound !== undefined && !isDate(bound))
          problem(where, `has a bound "${bound}" that is not YYYY-MM-DD`);
      break;
    case 'single':
    case 'multi':
      checkChoices(where, question.options, 'options');
      if (question.kind === 'multi') {
        if (!count(question.minCount) || !count(question.maxCount))
          problem(where, 'has a minCount or maxCount that is not a whole number');
        if ((question.minCount ?? 0) > (question.maxCount ?? HOST_LIMITS.multiCount))
          problem(where, 'has minCount above maxCount');
      }
      break;
    case 'scale':
      checkChoices(where, question.levels, 'levels');
      break;
    case 'group': {
      if (!Array.isArray(question.fields) || question.fields.length === 0) problem(where, 'needs fields');
      checkIds(question.fields, where);
      for (const field of question.fields) checkOne(field as HostQuestion, `${where}.${field.id}`, true);
      if (question.key !== undefined && !question.fields.some((f) => f.id === question.key))
        problem(where, `has key "${question.key}", which is none of its fields`);
      if (!count(question.minRows) || !count(question.maxRows))
        problem(where, 'has a minRows or maxRows that is not a whole number');
      if ((question.minRows ?? 0) > (question.maxRows ?? HOST_LIMITS.groupRows))
        problem(where, 'has minRows above maxRows');
      break;
    }
  }
}

function checkIds(list: readonly { id: string }[], where: string): void {
  const seen = new Set<string>();
  for (const item of list) {
    const id = item?.id;
    if (typeof id !== 'string' || !ID.test(id) || id.length > HOST_LIMITS.idLength)
      throw new TypeError(
        `profilekit: question id ${JSON.stringify(id)}${where ? ` in "${where}"` : ''} must be letters, digits and _ (a letter first, at most ${HOST_LIMITS.idLength})`,
      );
    if (seen.has(id)) throw new TypeError(`profilekit: question id "${id}" is used twice`);
    seen.add(id);
  }
}

/**
 * Throws a `TypeError` naming the problem in a host's questions and steps: a bad or repeated id, an id that
 * is a built-in field's name, an unknown kind, step or `visibleWhen` target, or bounds that contradict.
 */
export function checkHostQuestions(
  questions: readonly HostQuestion[],
  steps: readonly QuestionnaireStep[],
  builtIn: readonly string[],
): void {
  if (!Array.isArray(questions)) throw new TypeError('profilekit: `questions` must be a list');
  if (questions.length > HOST_LIMITS.questions)
    throw new TypeError(`profilekit: at most ${HOST_LIMITS.questions} questions`);
  if (!Array.isArray(steps)) throw new TypeError('profilekit: `steps` must be a list');
  checkIds(questions, '');
  checkIds(steps, 'steps');
  const stepIds = new Set(['software', 'hardware', ...steps.map((s) => s.id)]);
  for (const step of steps) {
    if (typeof step.label !== 'string' || step.label === '')
      throw new TypeError(`profilekit: step "${step.id}" needs a label`);
    if (step.id === 'account' || step.id === 'review')
      throw new TypeError(`profilekit: step id "${step.id}" is the sign-up's own`);
  }
  const ids = new Set(questions.map((q) => q.id));
  for (const question of questions) {
    if (builtIn.includes(question.id))
      problem(question.id, 'has the name of a built-in field; use `fields` for it');
    checkOne(question, question.id, false);
    if (question.step !== undefined && !stepIds.has(question.step))
      problem(question.id, `has step "${question.step}"; use software, hardware or one of \`steps\``);
    const when = question.visibleWhen;
    if (when !== undefined) {
      if (typeof when !== 'object' || when === null || typeof when.question !== 'string')
        problem(question.id, 'has a visibleWhen without a question');
      if (when.question === question.id) problem(question.id, 'has a visibleWhen on itself');
      if (!ids.has(when.question) && !builtIn.includes(when.question))
        problem(question.id, `has a visibleWhen on "${when.question}", which is no question`);
      const values: unknown[] = Array.isArray(when.equals) ? [...when.equals] : [when.equals];
      if (
        values.length === 0 ||
        values.some((v: unknown) => !['string', 'number', 'boolean'].includes(typeof v))
      )
        problem(
          question.id,
          'has a visibleWhen whose equals is not a string, number or boolean (or a list of them)',
        );
    }
  }
}
