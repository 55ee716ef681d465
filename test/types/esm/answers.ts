// Host answers typed end to end: a wrong field name or kind fails to compile (each `@ts-expect-error` line
// must be an error, or tsc reports the directive as unused).

import type { Kysely } from 'kysely';
import { ProfileEditor, useProfile } from 'profilekit';
import { type AnswersOf, createProfileClient, defineQuestionnaire, type ProfileOf } from 'profilekit/client';
import { createProfileHandler } from 'profilekit/server';

export const questionnaire = defineQuestionnaire({
  fields: { frameworks: { options: (defaults) => [...defaults, 'BBC micro:bit'] } },
  questions: [
    {
      id: 'courses',
      kind: 'multi',
      label: 'Courses',
      options: ['CS101', { value: 'EE201', label: 'Circuits' }],
    },
    { id: 'gpu', kind: 'single', label: 'GPU', options: ['RTX 4090'], allowOther: true },
    { id: 'hours', kind: 'number', label: 'Hours a week', min: 0 },
    { id: 'student', kind: 'boolean', label: 'Student?' },
    { id: 'since', kind: 'date', label: 'Since' },
    { id: 'bio', kind: 'text', label: 'Bio' },
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

type Answers = AnswersOf<typeof questionnaire>;

export const good: Answers = {
  courses: ['CS101', 'EE201'],
  gpu: 'anything: allowOther is on',
  hours: 10,
  student: true,
  since: '2020-01-01',
  bio: 'Hi',
  confidence: 'high',
  tools: [{ tool: 'Vim', level: 'lots' }, { tool: 'KiCad' }],
};

// @ts-expect-error an id the questionnaire does not have
export const unknownId: Answers = { shoeSize: 42 };
// @ts-expect-error a number question takes a number
export const wrongNumber: Answers = { hours: '10' };
// @ts-expect-error a boolean question takes a boolean
export const wrongBoolean: Answers = { student: 'yes' };
// @ts-expect-error not one of the options (allowOther is off)
export const wrongOption: Answers = { courses: ['PH999'] };
// @ts-expect-error not one of the levels
export const wrongLevel: Answers = { confidence: 'extreme' };
// @ts-expect-error a group row needs its required field
export const missingRowField: Answers = { tools: [{ level: 'lots' }] };
// @ts-expect-error a group row has no such field
export const unknownRowField: Answers = { tools: [{ tool: 'Vim', colour: 'red' }] };

const client = createProfileClient({ baseURL: '', questionnaire });
export async function useTheClient() {
  const { profile } = await client.get();
  const hours: number | undefined = profile.answers.hours;
  // @ts-expect-error the answers have no such question
  profile.answers.shoeSize;
  // @ts-expect-error a list of courses is not a string
  const courses: string | undefined = profile.answers.courses;
  await client.patch({ answers: { hours: 12, bio: null } });
  // @ts-expect-error patch: wrong kind
  await client.patch({ answers: { hours: 'twelve' } });
  // @ts-expect-error put: unknown question
  await client.put({ languages: [], frameworks: [], answers: { shoeSize: 1 } });
  return [hours, courses];
}

export function useTheHook() {
  const { profile, update } = useProfile<Answers>();
  const bio: string | undefined = profile?.answers.bio;
  // @ts-expect-error update: wrong kind
  void update({ answers: { student: 1 } });
  return bio;
}

export const editor = ProfileEditor({
  questionnaire,
  onSuccess: (profile) => {
    const level: 'some' | 'lots' | undefined = profile.answers.tools?.[0]?.level;
    // @ts-expect-error onSuccess: no such question
    profile.answers.shoeSize;
    return level;
  },
});

declare const db: Kysely<unknown>;
declare const auth: Parameters<typeof createProfileHandler>[0]['auth'];
export const handler = createProfileHandler<Answers>({
  auth,
  db,
  questionnaire,
  onSaved: ({ profile }: { profile: ProfileOf<Answers> }) => {
    const gpu: string | undefined = profile.answers.gpu;
    // @ts-expect-error onSaved: a scale answer is one of its levels
    const confidence: 'medium' | undefined = profile.answers.confidence;
    void [gpu, confidence];
  },
});
