import { describe, expect, it } from 'vitest';
import { resolveQuestionnaire } from '../../src/client/questions';
import { PROFILE_LIMITS } from '../../src/client/schema';
import { sampleProfile } from '../../src/msw/index';
import { coreMessages } from '../../src/react/localization/en/core-messages';
import { formMessages } from '../../src/react/localization/en/form-messages';
import { signInMessages } from '../../src/react/localization/en/sign-in-messages';
import { createTranslate } from '../../src/react/localization/translate';
import {
  changedKeys,
  emptyBackground,
  profileToValues,
  validateValues,
  valuesToInput,
  visibleAnswers,
} from '../../src/react/questionnaire/form-model';

const t = createTranslate(formMessages, signInMessages, coreMessages);
const questions = resolveQuestionnaire();
const stored = {
  ...sampleProfile,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the form model', () => {
  it('turns a stored profile into form state and back without changing it', () => {
    const values = profileToValues(stored, questions);
    expect(values.frameworks).toEqual(['React', 'Django']);
    expect(values.other.devices).toBe('Raspberry Pi 4, Arduino Uno');
    expect(changedKeys(visibleAnswers(values, questions), stored)).toEqual([]);
    expect(validateValues(values, { questions, t }).errors).toEqual({});
  });

  it('names only the questions a person changed', () => {
    const values = profileToValues(stored, questions);
    values.other.frameworks = 'Svelte';
    values.hardwareExperience = 'expert';
    expect(changedKeys(visibleAnswers(values, questions), stored)).toEqual([
      'frameworks',
      'hardwareExperience',
    ]);
  });

  it('leaves hidden questions out of a patch and sends empty lists for them in a whole profile', () => {
    const someHidden = resolveQuestionnaire({
      fields: { frameworks: { hidden: true }, devices: { hidden: true } },
    });
    const values = profileToValues(stored, questions);
    expect(visibleAnswers(values, someHidden)).not.toHaveProperty('frameworks');
    expect(visibleAnswers(values, someHidden)).not.toHaveProperty('devices');
    expect(valuesToInput(values, someHidden)).toMatchObject({ frameworks: [] });
    expect(valuesToInput(values, someHidden)).not.toHaveProperty('devices');
  });

  it('places a duplicate on the row it was typed in, skipping empty rows', () => {
    const values = emptyBackground();
    values.languages = [
      { language: 'Go', level: 'beginner' },
      { language: '', level: '' },
      { language: 'go', level: 'expert' },
    ];
    const { errors } = validateValues(values, { questions, t });
    expect(errors.languages).toMatchObject({ 2: { language: { type: 'duplicate' } } });
    expect(errors.languages).not.toHaveProperty('1');
  });

  it('gives each schema issue its own text, a level left unchosen "required", and anything else the generic text', () => {
    const values = profileToValues(stored, questions);
    values.languages = [
      { language: 'Go', level: '' },
      { language: 'Rust', level: 'guru' as never },
    ];
    values.experienceYears = 'ten';
    values.frameworks = Array.from({ length: PROFILE_LIMITS.frameworks + 1 }, (_, i) => `F${i}`);
    const { errors } = validateValues(values, { questions, t });
    expect(errors).toMatchObject({
      languages: [
        { level: { type: 'required', message: 'This is required.' } },
        { level: { type: 'invalid_value', message: 'This answer is not valid.' } },
      ],
      experienceYears: { type: 'invalid_format', message: 'Use a number of years or a range like 3-5.' },
      frameworks: { type: 'too_many', message: `Too many entries: at most ${PROFILE_LIMITS.frameworks}.` },
    });
  });

  it('checks the account fields only when asked', () => {
    const values = { ...emptyBackground(), name: '', email: 'no-at-sign', password: 'short' };
    const withAccount = validateValues(values, { questions, t, account: { minPasswordLength: 8 } }).errors;
    expect(withAccount).toMatchObject({
      name: { type: 'required' },
      email: { type: 'invalid_email' },
      password: { type: 'too_short', message: 'Too short: at least 8 characters.' },
    });
    expect(validateValues(values, { questions, t }).errors).not.toHaveProperty('email');
  });

  it('applies the definition’s required flags on top of the schema', () => {
    const relaxed = resolveQuestionnaire({
      fields: {
        languages: { required: false },
        experienceYears: { required: false },
        softwareExperience: { required: false },
        hardwareExperience: { required: false },
        backgroundPreference: { required: false },
      },
    });
    expect(validateValues(emptyBackground(), { questions: relaxed, t }).errors).toEqual({});
    expect(Object.keys(validateValues(emptyBackground(), { questions, t }).errors).sort()).toEqual([
      'backgroundPreference',
      'experienceYears',
      'hardwareExperience',
      'languages',
      'softwareExperience',
    ]);
  });
});
