import { DEFAULT_OPTIONS as OPTIONS } from './default-options';
import {
  BACKGROUND_FIELDS,
  checkOptions,
  checkQuestionnaire,
  type Question,
  type QuestionKind,
  type QuestionnaireDefinition,
} from './questionnaire';

// The default questions and their option lists: loaded with the forms, not with the gate.

/** How each question is asked, in the order of `BACKGROUND_FIELDS`; the first four are on the software step. */
const KINDS: readonly QuestionKind[] = [
  'languages',
  'multi',
  'text',
  'level',
  'multi',
  'multi',
  'level',
  'choice',
];

/**
 * Applies a definition to the default questions: the visible questions in order, with their labels, steps
 * and option lists. Throws a `TypeError` as `defineQuestionnaire` does. React-free, for servers too.
 *
 * @example
 * const names = resolveQuestionnaire(questionnaire).map((question) => question.name);
 */
export function resolveQuestionnaire(definition: QuestionnaireDefinition = {}): Question[] {
  checkQuestionnaire(definition);
  const order = [...new Set([...(definition.order ?? []), ...BACKGROUND_FIELDS])];
  const questions: Question[] = [];
  for (const name of order) {
    const index = BACKGROUND_FIELDS.indexOf(name);
    // Every question is required but the lists of names, which may stay empty.
    const kind = KINDS[index] as QuestionKind;
    const own = definition.fields?.[name] ?? {};
    const base = OPTIONS[name];
    const defaults = base ?? [];
    const options = typeof own.options === 'function' ? own.options(defaults) : (own.options ?? defaults);
    checkOptions(name, options);
    if (own.hidden) continue;
    questions.push({
      name,
      kind,
      step: own.step ?? (index < 4 ? 'software' : 'hardware'),
      label: own.label,
      description: own.description,
      required: own.required ?? kind !== 'multi',
      options: base ? options : [],
      // Free answers are welcome beside the suggestions, except for the ranges of years.
      allowOther: base ? (own.allowOther ?? name !== 'experienceYears') : false,
    });
  }
  return questions;
}
