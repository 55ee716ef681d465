import { EXPERIENCE_YEARS_OPTIONS } from '../client/constants';

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
  /** Whether a free-text answer outside `options` is allowed. Default true. */
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

interface Default {
  kind: QuestionKind;
  step: QuestionStep;
  required: boolean;
  options?: readonly string[];
}

const DEFAULTS: Record<BackgroundFieldName, Default> = {
  languages: {
    kind: 'languages',
    step: 'software',
    required: true,
    options: [
      'Python',
      'JavaScript',
      'TypeScript',
      'Java',
      'C',
      'C++',
      'C#',
      'Go',
      'Rust',
      'Kotlin',
      'Swift',
    ],
  },
  frameworks: {
    kind: 'multi',
    step: 'software',
    required: false,
    options: [
      'React',
      'Vue',
      'Angular',
      'Next.js',
      'Django',
      'Flask',
      'Spring',
      'Express',
      '.NET',
      'PyTorch',
    ],
  },
  experienceYears: { kind: 'text', step: 'software', required: true, options: EXPERIENCE_YEARS_OPTIONS },
  softwareExperience: { kind: 'level', step: 'software', required: true },
  devices: {
    kind: 'multi',
    step: 'hardware',
    required: false,
    options: ['Raspberry Pi', 'Arduino', 'ESP32', 'STM32', 'NVIDIA Jetson', 'FPGA board'],
  },
  architectureFamiliarity: {
    kind: 'multi',
    step: 'hardware',
    required: false,
    options: ['x86_64', 'ARM', 'RISC-V', 'AVR', 'GPU (CUDA)'],
  },
  hardwareExperience: { kind: 'level', step: 'hardware', required: true },
  backgroundPreference: { kind: 'choice', step: 'hardware', required: true },
};

/** Every question, in the default order. */
export const BACKGROUND_FIELDS = Object.keys(DEFAULTS) as BackgroundFieldName[];

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
  resolveQuestionnaire(definition);
  return definition;
}

/** Applies a definition to the defaults: the visible questions in order. */
export function resolveQuestionnaire(definition: QuestionnaireDefinition = {}): Question[] {
  const known = (name: unknown): name is BackgroundFieldName =>
    typeof name === 'string' && Object.hasOwn(DEFAULTS, name);
  for (const name of [...(definition.order ?? []), ...Object.keys(definition.fields ?? {})]) {
    if (!known(name)) {
      throw new TypeError(
        `profilekit: unknown questionnaire field "${String(name)}"; use one of ${BACKGROUND_FIELDS.join(', ')}`,
      );
    }
  }
  const order = [...new Set([...(definition.order ?? []), ...BACKGROUND_FIELDS])];
  const questions: Question[] = [];
  for (const name of order) {
    const base = DEFAULTS[name];
    const own = definition.fields?.[name] ?? {};
    if (own.step !== undefined && own.step !== 'software' && own.step !== 'hardware') {
      throw new TypeError(
        `profilekit: field "${name}" has step "${String(own.step)}"; use software or hardware`,
      );
    }
    const defaults = base.options ?? [];
    const options = typeof own.options === 'function' ? own.options(defaults) : (own.options ?? defaults);
    if (!Array.isArray(options) || options.some((o) => typeof o !== 'string')) {
      throw new TypeError(`profilekit: options of field "${name}" must be a list of strings`);
    }
    if (own.hidden) continue;
    questions.push({
      name,
      kind: base.kind,
      step: own.step ?? base.step,
      label: own.label,
      description: own.description,
      required: own.required ?? base.required,
      options: base.options ? options : [],
      allowOther: base.options ? (own.allowOther ?? true) : false,
    });
  }
  return questions;
}
