// Conditions over the background typed by the questionnaire: a wrong field, question id, level, option or
// kind of test fails to compile (each `@ts-expect-error` line must be an error, or tsc reports the directive
// as unused).

import type { Kysely } from 'kysely';
import { type BackgroundCondition, defineQuestionnaire, matches } from 'profilekit/client';
import { createProfileQueries } from 'profilekit/server';

const questionnaire = defineQuestionnaire({
  questions: [
    {
      id: 'courses',
      kind: 'multi',
      label: 'Courses',
      options: ['CS101', { value: 'EE201', label: 'Circuits' }],
    },
    { id: 'gpu', kind: 'single', label: 'GPU', options: ['RTX 4090', 'M3 Max'] },
    { id: 'hours', kind: 'number', label: 'Hours a week', min: 0 },
    { id: 'since', kind: 'date', label: 'Since' },
    { id: 'confidence', kind: 'scale', label: 'Confidence', levels: [{ value: 'low' }, { value: 'high' }] },
    {
      id: 'tools',
      kind: 'group',
      label: 'Tools',
      fields: [
        { id: 'tool', kind: 'text', label: 'Tool', required: true },
        { id: 'level', kind: 'scale', label: 'Level', levels: [{ value: 'some' }, { value: 'lots' }] },
      ],
    },
  ],
});
type Condition = BackgroundCondition<typeof questionnaire>;

export const good: Condition = {
  languages: { Python: { atLeast: 'intermediate' }, Rust: true },
  devices: { any: ['Jetson Nano'], none: ['Arduino Uno'] },
  softwareExperience: { atLeast: 'advanced' },
  experienceYears: { atLeast: '3-5' },
  backgroundPreference: 'hardware',
  answers: {
    courses: { all: ['CS101', 'EE201'] },
    gpu: { in: ['RTX 4090'] },
    hours: { atLeast: 5 },
    since: { atMost: '2025-01-01' },
    confidence: { atLeast: 'high' },
    tools: { some: { tool: 'Docker', level: { atLeast: 'lots' } } },
  },
  any: [{ not: { backgroundPreference: 'software' } }, { answers: { gpu: { answered: false } } }],
};

// @ts-expect-error: not a field
export const unknownField: Condition = { gpu: 'RTX 4090' };
// @ts-expect-error: not a question of the questionnaire
export const unknownQuestion: Condition = { answers: { shoeSize: 42 } };
// @ts-expect-error: a level that does not exist
export const badLevel: Condition = { softwareExperience: 'guru' };
// @ts-expect-error: a language level that does not exist
export const badLanguageLevel: Condition = { languages: { Python: { atLeast: 'master' } } };
// @ts-expect-error: an option the single choice does not have
export const badOption: Condition = { answers: { gpu: 'GTX 1080' } };
// @ts-expect-error: a number compared with a string
export const badNumber: Condition = { answers: { hours: { atLeast: '5' } } };
// @ts-expect-error: a list test on a single choice
export const badKind: Condition = { answers: { gpu: { any: ['RTX 4090'] } } };
// @ts-expect-error: a row field the group does not have
export const badRow: Condition = { answers: { tools: { some: { colour: 'red' } } } };
// @ts-expect-error: a scale level it does not have
export const badScale: Condition = { answers: { confidence: 'medium' } };

export const checked: boolean = matches(null, good, questionnaire);

export async function queried(db: Kysely<unknown>) {
  const queries = createProfileQueries({ db, questionnaire });
  const page = await queries.find(good, { limit: 10 });
  const gpu: 'RTX 4090' | 'M3 Max' | undefined = page.items[0]?.profile.answers.gpu;
  const byGpu = await queries.breakdown('answers.gpu');
  const byLanguage = await queries.breakdown('languages');
  const python: number | undefined = byLanguage[0]?.levels.expert;
  // @ts-expect-error: not a question of the questionnaire
  await queries.breakdown('answers.shoeSize');
  // @ts-expect-error: a condition on a question the questionnaire does not have
  await queries.count({ answers: { shoeSize: 42 } });
  return [gpu, byGpu, python];
}
