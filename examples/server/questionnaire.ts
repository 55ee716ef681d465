import { BACKGROUND_FIELDS, defineQuestionnaire } from 'profilekit/client';

/**
 * The demo's questionnaire: the eight built-in questions and one host question of each kind, so the demo
 * and `GET /api/profile/schema` show them. The built-in questions are optional here, so scripted clients
 * (curl, the tests) may store a partial profile; the forms still ask for what they require.
 */
export const demoQuestionnaire = defineQuestionnaire({
  fields: Object.fromEntries(BACKGROUND_FIELDS.map((name) => [name, { required: false }])),
  steps: [{ id: 'learning', label: 'Learning' }],
  questions: [
    {
      id: 'courses',
      kind: 'multi',
      label: 'Which courses have you taken?',
      options: ['CS50', 'Nand2Tetris', 'Embedded Systems (edX)', 'Fast.ai'],
      allowOther: true,
      maxCount: 10,
      step: 'learning',
    },
    {
      id: 'gpu',
      kind: 'single',
      label: 'Your GPU',
      options: [
        { value: 'none', label: 'None' },
        { value: 'rtx-4090', label: 'NVIDIA RTX 4090' },
        { value: 'apple-m', label: 'Apple M-series' },
      ],
      allowOther: true,
      step: 'hardware',
    },
    {
      id: 'hoursPerWeek',
      kind: 'number',
      label: 'Hours a week you can give',
      min: 0,
      max: 80,
      increment: 1,
      unit: 'hours',
      step: 'learning',
    },
    { id: 'mentor', kind: 'boolean', label: 'Would you mentor a newcomer?', step: 'learning' },
    {
      id: 'mentorSince',
      kind: 'date',
      label: 'Mentoring since',
      max: '2100-01-01',
      visibleWhen: { question: 'mentor', equals: true },
      step: 'learning',
    },
    {
      id: 'confidence',
      kind: 'scale',
      label: 'How confident are you soldering?',
      levels: [
        { value: 'never', label: 'Never tried' },
        { value: 'some', label: 'Some practice' },
        { value: 'confident', label: 'Confident' },
      ],
      step: 'hardware',
    },
    { id: 'website', kind: 'text', label: 'Your website', maxLength: 200, pattern: 'https?://\\S+' },
    {
      id: 'tools',
      kind: 'group',
      label: 'Tools you use',
      key: 'tool',
      maxRows: 10,
      fields: [
        { id: 'tool', kind: 'text', label: 'Tool', required: true, maxLength: 60 },
        {
          id: 'level',
          kind: 'scale',
          label: 'Level',
          levels: [{ value: 'learning' }, { value: 'daily' }, { value: 'expert' }],
        },
      ],
    },
  ],
});
