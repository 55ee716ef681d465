import { defineQuestionnaire } from 'profilekit/client';

export const questionnaire = defineQuestionnaire({
  order: ['backgroundPreference', 'languages'], // the rest keep their default order after these
  fields: {
    devices: {
      label: 'Boards on your desk',
      required: true,
      options: (defaults) => [...defaults, 'BBC micro:bit'],
    },
    frameworks: { hidden: true },
    experienceYears: { allowOther: false },
    languages: { description: 'The ones you would use at work.' },
  },
});
