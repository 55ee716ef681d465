import { DEFAULT_OPTIONS } from './default-options';
import { checkHostQuestions, type HostQuestion, type QuestionnaireStep } from './host-questions';

/** The questions of the background questionnaire, one per profile field. */
export type BackgroundFieldName =
  | 'languages'
  | 'frameworks'
  | 'experienceYears'
  | 'softwareExperience'
  | 'devices'
  | 'architectureFamiliarity'
  | 'hardwareExperience'
  | 'backgroundPreference';

/** Which step of the sign-up a question appears on. */
export type QuestionStep = 'software' | 'hardware';

/**
 * How a question is asked: `languages` is a repeated language + level pair, `multi` a checkbox list with a
 * free-text "other", `text` one answer with suggestions, `level` and `choice` one of fixed values.
 */
export type QuestionKind = 'languages' | 'multi' | 'text' | 'level' | 'choice';

/** What a host may change about one question. */
export interface QuestionOptions {
  /** Replaces the label (the `localization` key `field.<name>.label` is used otherwise). */
  label?: string;
  /** Help text shown under the label. */
  description?: string;
  /** An answer is needed to go on (for lists: at least one entry). */
  required?: boolean;
  /** Leaves the question out. A hidden question's stored answer is never changed by the editor. */
  hidden?: boolean;
  /** Which step it appears on in the sign-up. */
  step?: QuestionStep;
  /**
   * Suggested answers, for `languages`, `frameworks`, `devices`, `architectureFamiliarity` and
   * `experienceYears`. A function receives the default list, so hosts can extend it.
   */
  options?: readonly string[] | ((defaults: readonly string[]) => readonly string[]);
  /**
   * Whether a free-text answer outside `options` is allowed. Default true, except for `experienceYears`,
   * which is a choice of the ranges unless this is set.
   */
  allowOther?: boolean;
}

/** One definition of the questionnaire, shared by `SignUpWithBackground` and `ProfileEditor`. */
export interface QuestionnaireDefinition {
  /** The order of the questions; names left out keep their default order after the ones given. */
  order?: readonly BackgroundFieldName[];
  /** Per-question changes. */
  fields?: Partial<Record<BackgroundFieldName, QuestionOptions>>;
  /** Steps the host adds to the sign-up, in order after `software` and `hardware`. */
  steps?: readonly QuestionnaireStep[];
  /** The host's own questions, each with a stable `id`; their answers are the profile's `answers`. */
  questions?: readonly HostQuestion[];
}

/** A built-in question's changes as plain data: `options` is a list, never a function. */
export type PlainQuestionOptions = Omit<QuestionOptions, 'options'> & { options?: readonly string[] };

/**
 * A questionnaire as `defineQuestionnaire` returns it: plain data (no functions), so it can be passed from a
 * Server Component to a client one, put in the embed's JSON and given to the server. `Q` is the host
 * questions' literal type, which `AnswersOf` reads.
 */
export interface Questionnaire<Q extends readonly HostQuestion[] = readonly HostQuestion[]>
  extends QuestionnaireDefinition {
  readonly order?: readonly BackgroundFieldName[];
  readonly fields?: Partial<Record<BackgroundFieldName, PlainQuestionOptions>>;
  readonly steps?: readonly QuestionnaireStep[];
  readonly questions: Q;
}

/** A question after the host's definition is applied. */
export interface Question {
  name: BackgroundFieldName;
  kind: QuestionKind;
  step: QuestionStep;
  label: string | undefined;
  description: string | undefined;
  required: boolean;
  options: readonly string[];
  allowOther: boolean;
}

/** Every question, in the default order. */
export const BACKGROUND_FIELDS: readonly BackgroundFieldName[] = [
  'languages',
  'frameworks',
  'experienceYears',
  'softwareExperience',
  'devices',
  'architectureFamiliarity',
  'hardwareExperience',
  'backgroundPreference',
];

/**
 * Throws a `TypeError` naming the problem for an unknown question, a bad step or a bad option list, so a
 * mistake shows at start-up, not as a blank form.
 */
export function checkQuestionnaire(definition: QuestionnaireDefinition): void {
  const names = [...(definition.order ?? []), ...Object.keys(definition.fields ?? {})];
  for (const name of names) {
    if (!BACKGROUND_FIELDS.includes(name as BackgroundFieldName)) {
      throw new TypeError(
        `profilekit: unknown questionnaire field "${String(name)}"; use one of ${BACKGROUND_FIELDS.join(', ')}`,
      );
    }
  }
  for (const [name, own] of Object.entries(definition.fields ?? {})) {
    if (own?.step !== undefined && own.step !== 'software' && own.step !== 'hardware') {
      throw new TypeError(
        `profilekit: field "${name}" has step "${String(own.step)}"; use software or hardware`,
      );
    }
    if (own?.options !== undefined && typeof own.options !== 'function') checkOptions(name, own.options);
  }
}

/** The host questions and steps of a definition; kept apart from the built-in fields' checks above. */
function checkHostPart(definition: QuestionnaireDefinition): void {
  if (definition.questions === undefined && definition.steps === undefined) return;
  checkHostQuestions(definition.questions ?? [], definition.steps ?? [], BACKGROUND_FIELDS);
}

/** The built-in fields' changes with each `options` function called on the default list. */
function plainFields(
  fields: QuestionnaireDefinition['fields'],
): Partial<Record<BackgroundFieldName, PlainQuestionOptions>> | undefined {
  if (fields === undefined) return undefined;
  const out: Partial<Record<BackgroundFieldName, PlainQuestionOptions>> = {};
  for (const [name, own] of Object.entries(fields) as [BackgroundFieldName, QuestionOptions][]) {
    if (own === undefined) continue;
    const { options, ...rest } = own;
    const list = typeof options === 'function' ? options(DEFAULT_OPTIONS[name] ?? []) : options;
    if (list !== undefined) checkOptions(name, list);
    out[name] = list === undefined ? rest : { ...rest, options: [...list] };
  }
  return out;
}

export function checkOptions(name: string, options: unknown): asserts options is readonly string[] {
  if (!Array.isArray(options) || options.some((o) => typeof o !== 'string')) {
    throw new TypeError(`profilekit: options of field "${name}" must be a list of strings`);
  }
}

/**
 * Checks a questionnaire definition and returns it as plain data: each `options` function is called here, on
 * the default list, so the result has no function in it and can cross any boundary (Server Component to
 * client component, the embed's JSON, the server). Throws a `TypeError` naming the problem for an unknown
 * question, a bad option, id, kind, step or bound, so a mistake shows at start-up, not as a blank form.
 * The host questions' literal types are kept: `AnswersOf<typeof questionnaire>` is the answers' type.
 *
 * @example
 * const questionnaire = defineQuestionnaire({
 *   order: ['backgroundPreference', 'languages'],
 *   fields: { devices: { hidden: true }, frameworks: { required: true, options: (d) => [...d, 'Svelte'] } },
 *   questions: [{ id: 'gpu', kind: 'single', label: 'Your GPU', options: ['RTX 4090', 'M3 Max'] }],
 * });
 */
export function defineQuestionnaire<const Q extends readonly HostQuestion[] = readonly []>(
  definition: QuestionnaireDefinition & { questions?: Q },
): Questionnaire<Q> {
  checkQuestionnaire(definition);
  // Only here, not in checkQuestionnaire: the forms' resolver carries no code for host questions.
  checkHostPart(definition);
  const fields = plainFields(definition.fields);
  return {
    ...(definition.order ? { order: [...definition.order] } : {}),
    ...(fields ? { fields } : {}),
    ...(definition.steps ? { steps: definition.steps } : {}),
    questions: plainQuestions(definition.questions ?? []) as Q,
  };
}

/** A copy of the host questions that is sure to be data: a function or a class instance throws here. */
function plainQuestions(questions: readonly HostQuestion[]): readonly HostQuestion[] {
  try {
    return structuredClone(questions);
  } catch {
    throw new TypeError('profilekit: questions must be plain data (no functions)');
  }
}
