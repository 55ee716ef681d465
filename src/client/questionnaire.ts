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

export function checkOptions(name: string, options: unknown): asserts options is readonly string[] {
  if (!Array.isArray(options) || options.some((o) => typeof o !== 'string')) {
    throw new TypeError(`profilekit: options of field "${name}" must be a list of strings`);
  }
}

/**
 * Checks a questionnaire definition and returns it unchanged, typed. Throws a `TypeError` naming the
 * problem for an unknown question or a bad option, so a mistake shows at start-up, not as a blank form.
 *
 * @example
 * const questionnaire = defineQuestionnaire({
 *   order: ['backgroundPreference', 'languages'],
 *   fields: { devices: { hidden: true }, frameworks: { required: true, options: (d) => [...d, 'Svelte'] } },
 * });
 */
export function defineQuestionnaire(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  checkQuestionnaire(definition);
  return definition;
}
