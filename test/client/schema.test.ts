import { describe, expect, it } from 'vitest';
import { PROFILE_LIMITS, parseProfileInput, parseProfilePatch } from '../../src/client';

const minimal = { languages: [{ language: 'Python', level: 'intermediate' }], frameworks: ['Django'] };

const full = {
  languages: [
    { language: 'Python', level: 'intermediate' },
    { language: 'Rust', level: 'beginner' },
  ],
  frameworks: ['React', 'Django'],
  experienceYears: '3-5',
  devices: ['Raspberry Pi 4', 'Arduino Uno'],
  architectureFamiliarity: ['x86_64', 'ARM'],
  softwareExperience: 'advanced',
  hardwareExperience: 'beginner',
  backgroundPreference: 'both',
};

function issuesOf(result: ReturnType<typeof parseProfileInput>) {
  return result.success ? [] : result.error.issues;
}

describe('given a canonical profile input', () => {
  it.each([
    ['the minimal profile', minimal],
    ['a full profile', full],
    ['empty lists', { languages: [], frameworks: [] }],
    [
      'explicit nulls for optional fields',
      {
        ...minimal,
        experienceYears: null,
        devices: null,
        architectureFamiliarity: null,
        softwareExperience: null,
        hardwareExperience: null,
        backgroundPreference: null,
      },
    ],
    ['an open-ended range', { ...minimal, experienceYears: '10+' }],
    ['a single number of years', { ...minimal, experienceYears: '7' }],
    [
      'every list at its limit',
      {
        languages: Array.from({ length: PROFILE_LIMITS.languages }, (_, i) => ({
          language: `L${i}`,
          level: 'expert',
        })),
        frameworks: Array.from({ length: PROFILE_LIMITS.frameworks }, (_, i) => `F${i}`),
        devices: Array.from({ length: PROFILE_LIMITS.devices }, (_, i) => `D${i}`),
        architectureFamiliarity: Array.from(
          { length: PROFILE_LIMITS.architectureFamiliarity },
          (_, i) => `A${i}`,
        ),
      },
    ],
  ])('accepts %s unchanged', (_name, input) => {
    const result = parseProfileInput(input);
    expect(result.success).toBe(true);
    expect(result.success && result.data).toEqual(input);
  });
});

describe('given the seed forms that allow strings or objects', () => {
  it('normalises `{ name }` objects, level case and padding into the canonical form', () => {
    const result = parseProfileInput({
      languages: [{ language: ' Python ', level: 'Intermediate' }],
      frameworks: [{ name: 'React' }, 'Vue'],
      devices: [{ name: 'Jetson Nano' }],
      architectureFamiliarity: ['RISC-V', { name: 'ARM' }],
      experienceYears: ' 3 - 5 ',
      softwareExperience: 'EXPERT',
      backgroundPreference: 'Hardware',
    });
    expect(result.success && result.data).toEqual({
      languages: [{ language: 'Python', level: 'intermediate' }],
      frameworks: ['React', 'Vue'],
      devices: ['Jetson Nano'],
      architectureFamiliarity: ['RISC-V', 'ARM'],
      experienceYears: '3-5',
      softwareExperience: 'expert',
      backgroundPreference: 'hardware',
    });
  });

  it('accepts a whole number of years and stores it as a string', () => {
    const result = parseProfileInput({ ...minimal, experienceYears: 4 });
    expect(result.success && result.data.experienceYears).toBe('4');
  });
});

describe('given bad profile input', () => {
  const long = 'x'.repeat(PROFILE_LIMITS.nameLength + 1);
  it.each([
    ['a body that is not an object', [], '', 'invalid_type'],
    ['null as the body', null, '', 'invalid_type'],
    ['a string as the body', 'profile', '', 'invalid_type'],
    ['missing languages', { frameworks: [] }, 'languages', 'invalid_type'],
    ['missing frameworks', { languages: [] }, 'frameworks', 'invalid_type'],
    ['languages as a string', { ...minimal, languages: 'Python' }, 'languages', 'invalid_type'],
    [
      'a language level that does not exist',
      { ...minimal, languages: [{ language: 'Go', level: 'guru' }] },
      'languages.0.level',
      'invalid_value',
    ],
    [
      'a language without a level',
      { ...minimal, languages: [{ language: 'Go' }] },
      'languages.0.level',
      'invalid_type',
    ],
    [
      'an empty language name',
      { ...minimal, languages: [{ language: '  ', level: 'expert' }] },
      'languages.0.language',
      'required',
    ],
    [
      'an extra key inside a language',
      { ...minimal, languages: [{ language: 'Go', level: 'expert', years: 3 }] },
      'languages.0.years',
      'unknown_key',
    ],
    [
      'duplicate languages, whatever the case',
      {
        ...minimal,
        languages: [
          { language: 'Go', level: 'expert' },
          { language: 'go', level: 'beginner' },
        ],
      },
      'languages.1',
      'duplicate',
    ],
    ['duplicate frameworks', { ...minimal, frameworks: ['React', 'react'] }, 'frameworks.1', 'duplicate'],
    [
      'too many languages',
      {
        ...minimal,
        languages: Array.from({ length: PROFILE_LIMITS.languages + 1 }, (_, i) => ({
          language: `L${i}`,
          level: 'expert',
        })),
      },
      'languages',
      'too_many',
    ],
    [
      'too many frameworks',
      { ...minimal, frameworks: Array.from({ length: PROFILE_LIMITS.frameworks + 1 }, (_, i) => `F${i}`) },
      'frameworks',
      'too_many',
    ],
    [
      'too many devices',
      { ...minimal, devices: Array.from({ length: PROFILE_LIMITS.devices + 1 }, (_, i) => `D${i}`) },
      'devices',
      'too_many',
    ],
    ['a framework name that is too long', { ...minimal, frameworks: [long] }, 'frameworks.0', 'too_long'],
    ['a framework as a number', { ...minimal, frameworks: [42] }, 'frameworks.0', 'invalid_type'],
    [
      'a framework object with extra keys',
      { ...minimal, frameworks: [{ name: 'React', version: 18 }] },
      'frameworks.0.version',
      'unknown_key',
    ],
    [
      'a prototype key inside a framework object',
      JSON.parse('{"languages":[],"frameworks":[{"name":"React","__proto__":{"admin":true}}]}'),
      'frameworks.0.__proto__',
      'unknown_key',
    ],
    ['nested arrays', { ...minimal, devices: [['Pi']] }, 'devices.0', 'invalid_type'],
    [
      'experience years that are not a range',
      { ...minimal, experienceYears: 'lots' },
      'experienceYears',
      'invalid_format',
    ],
    ['negative experience years', { ...minimal, experienceYears: -1 }, 'experienceYears', 'invalid_format'],
    [
      'fractional experience years',
      { ...minimal, experienceYears: 2.5 },
      'experienceYears',
      'invalid_format',
    ],
    ['experience years over 99', { ...minimal, experienceYears: 100 }, 'experienceYears', 'invalid_format'],
    [
      'experience years as a boolean',
      { ...minimal, experienceYears: true },
      'experienceYears',
      'invalid_type',
    ],
    ['a framework object without a name', { ...minimal, frameworks: [{}] }, 'frameworks.0', 'invalid_type'],
    [
      'a framework name as a number',
      { ...minimal, frameworks: [{ name: 7 }] },
      'frameworks.0',
      'invalid_type',
    ],
    [
      'an unknown software level',
      { ...minimal, softwareExperience: 'wizard' },
      'softwareExperience',
      'invalid_value',
    ],
    [
      'an unknown background preference',
      { ...minimal, backgroundPreference: 'neither' },
      'backgroundPreference',
      'invalid_value',
    ],
    [
      'a boolean where a level belongs',
      { ...minimal, hardwareExperience: true },
      'hardwareExperience',
      'invalid_type',
    ],
    ['a userId in the body', { ...minimal, userId: 'someone-else' }, 'userId', 'read_only'],
    ['a user_id in the body', { ...minimal, user_id: 'someone-else' }, 'user_id', 'read_only'],
    ['an id in the body', { ...minimal, id: '00000000-0000-0000-0000-000000000000' }, 'id', 'read_only'],
    ['a createdAt in the body', { ...minimal, createdAt: '2020-01-01T00:00:00Z' }, 'createdAt', 'read_only'],
    ['an unknown key', { ...minimal, favouriteColour: 'blue' }, 'favouriteColour', 'unknown_key'],
    [
      'a prototype-polluting key',
      JSON.parse('{"languages":[],"frameworks":[],"__proto__":{"admin":true}}'),
      '__proto__',
      'unknown_key',
    ],
  ])('refuses %s', (_name, input, path, code) => {
    const result = parseProfileInput(input);
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toContainEqual(expect.objectContaining({ path, code }));
    expect(!result.success && result.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('given a patch', () => {
  it('accepts a subset of fields and keeps only those', () => {
    const result = parseProfilePatch({ devices: ['Pi'], softwareExperience: null });
    expect(result.success && result.data).toEqual({ devices: ['Pi'], softwareExperience: null });
  });

  it('accepts an empty patch', () => {
    expect(parseProfilePatch({}).success).toBe(true);
  });

  it.each([
    ['null for a required list', { languages: null }, 'languages'],
    ['a read-only key', { updatedAt: 'now' }, 'updatedAt'],
    ['an unknown level', { hardwareExperience: 'godlike' }, 'hardwareExperience'],
  ])('refuses %s', (_name, input, path) => {
    const result = parseProfilePatch(input);
    expect(result.success).toBe(false);
    expect(!result.success && result.error.issues.map((i) => i.path)).toContain(path);
  });
});
