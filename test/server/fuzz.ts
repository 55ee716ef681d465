import fc from 'fast-check';

// Generated profile bodies: mostly plausible shapes with hostile strings (controls, surrogates, bidi,
// invisible characters, long text), plus wrong types and unknown keys.

const hostileChar = fc.constantFrom(
  '\u0000',
  '\ud800',
  '\udfff',
  '\u0007',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  'e\u0301',
  '😀',
  ' ',
  'a',
  'Z',
  '"',
  '\\',
);
export const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(hostileChar, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ minLength: 95, maxLength: 110 }),
);
const level = fc.oneof(
  fc.constantFrom('beginner', 'intermediate', 'advanced', 'expert', 'none', 'EXPERT', 'guru'),
  text,
);
const nameList = fc.oneof(
  fc.array(fc.oneof(text, fc.record({ name: text })), { maxLength: 6 }),
  fc.constant(null),
);
export const wrong = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant({}), text);

export const profileBody = fc.record(
  {
    languages: fc.oneof(fc.array(fc.record({ language: text, level }), { maxLength: 5 }), wrong),
    frameworks: fc.oneof(nameList, wrong),
    experienceYears: fc.oneof(
      fc.constantFrom('3-5', '10+', '7', '-1', '3.5'),
      fc.integer(),
      text,
      fc.constant(null),
    ),
    devices: fc.oneof(nameList, wrong),
    architectureFamiliarity: nameList,
    softwareExperience: fc.oneof(level, fc.constant(null)),
    hardwareExperience: fc.oneof(level, fc.constant(null)),
    backgroundPreference: fc.oneof(
      fc.constantFrom('software', 'hardware', 'both', 'neither'),
      fc.constant(null),
    ),
    userId: text,
  },
  { requiredKeys: [] },
);
