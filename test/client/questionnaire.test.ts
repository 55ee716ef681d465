import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_FIELDS,
  defineQuestionnaire,
  type QuestionnaireDefinition,
  resolveQuestionnaire,
} from '../../src/client/index';
import * as react from '../../src/react/index';

// The questionnaire is defined once, React-free, and used by the server and by the components alike.
describe('given a questionnaire defined with profilekit/client', () => {
  const definition: QuestionnaireDefinition = defineQuestionnaire({
    order: ['hardwareExperience', 'languages'],
    fields: {
      devices: { hidden: true },
      frameworks: { required: true, label: 'Stacks', options: (defaults) => [...defaults, 'Svelte'] },
    },
  });

  it('resolves to the visible questions in the given order, with the host changes applied', () => {
    const questions = resolveQuestionnaire(definition);
    expect(questions.map((q) => q.name)).toEqual([
      'hardwareExperience',
      'languages',
      'frameworks',
      'experienceYears',
      'softwareExperience',
      'architectureFamiliarity',
      'backgroundPreference',
    ]);
    const frameworks = questions.find((q) => q.name === 'frameworks');
    expect(frameworks).toMatchObject({ required: true, label: 'Stacks', step: 'software' });
    expect(frameworks?.options.at(-1)).toBe('Svelte');
  });

  it('resolves every default question when nothing is changed', () => {
    expect(resolveQuestionnaire().map((q) => q.name)).toEqual(BACKGROUND_FIELDS);
  });

  it('refuses an unknown question and a bad option list by name', () => {
    expect(() =>
      defineQuestionnaire({ fields: { shoeSize: {} } as QuestionnaireDefinition['fields'] }),
    ).toThrow(/unknown questionnaire field "shoeSize"/);
    expect(() =>
      resolveQuestionnaire({ fields: { devices: { options: () => [42] as unknown as string[] } } }),
    ).toThrow(/options of field "devices" must be a list of strings/);
  });

  it('is the same definition the React entry still exports', () => {
    expect(react.defineQuestionnaire).toBe(defineQuestionnaire);
    expect(react.BACKGROUND_FIELDS).toBe(BACKGROUND_FIELDS);
  });
});
