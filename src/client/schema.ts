import * as z from 'zod/mini';

import { BACKGROUND_PREFERENCES, EXPERIENCE_LEVELS, PROFILE_LIMITS, SKILL_LEVELS } from './constants';
import { textProblem } from './text';

export {
  BACKGROUND_PREFERENCES,
  type BackgroundPreference,
  EXPERIENCE_LEVELS,
  EXPERIENCE_YEARS_OPTIONS,
  type ExperienceLevel,
  PROFILE_LIMITS,
  SKILL_LEVELS,
  type SkillLevel,
} from './constants';

const EXPERIENCE_YEARS_PATTERN = /^\d{1,2}(?:-\d{1,2}|\+)?$/;

/* @__NO_SIDE_EFFECTS__ */
function lowercaseEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.enum(values));
}

/**
 * Free text that is safe to store and to show: trimmed, NFC, and refused (code `invalid_characters`) when it
 * holds NUL, a lone surrogate, a control or bidirectional-control character, or only invisible characters.
 */
const safeText = (ctx: z.core.ParsePayload<string>) => {
  if (textProblem(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      message: 'Invalid characters',
      params: { reason: 'invalid_characters' },
      input: ctx.value,
    });
  }
};

const name = z.string().check(
  z.trim(),
  z.overwrite((value) => value.normalize('NFC')),
  z.minLength(1),
  z.maxLength(PROFILE_LIMITS.nameLength),
  safeText,
);

/**
 * A name given either as a string or as `{ name }` (the seed data model allows both);
 * it is always stored and returned as a plain string. Anything else passes through for `name` to refuse.
 */
const nameEntry = z.transform((value: string | { name: string }, ctx) => {
  const entry: unknown = value;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return value;
  const { name, ...rest } = entry as Record<string, unknown>;
  const keys = Object.keys(rest);
  if (keys.length > 0)
    ctx.issues.push({ code: 'unrecognized_keys', keys, input: entry as Record<string, unknown> });
  return name as string;
});

function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (ctx: z.core.ParsePayload<T[]>) => {
    const seen = new Set<string>();
    ctx.value.forEach((item, index) => {
      const k = key(item).toLowerCase();
      if (seen.has(k)) {
        ctx.issues.push({
          code: 'custom',
          message: `Duplicate ${what}`,
          params: { reason: 'duplicate' },
          input: item,
          path: [index],
        });
      }
      seen.add(k);
    });
  };
}

/* @__NO_SIDE_EFFECTS__ */
function nameList(max: number, what: string) {
  return z.array(z.pipe(nameEntry, name)).check(
    z.maxLength(max),
    uniqueBy<string>((s) => s, what),
  );
}

export const languageSkillSchema = z.strictObject({
  language: name,
  level: lowercaseEnum(SKILL_LEVELS),
});
export type LanguageSkill = z.output<typeof languageSkillSchema>;

export const languagesSchema = z.array(languageSkillSchema).check(
  z.maxLength(PROFILE_LIMITS.languages),
  uniqueBy<LanguageSkill>((l) => l.language, 'language'),
);
export const frameworksSchema = nameList(PROFILE_LIMITS.frameworks, 'framework');
export const devicesSchema = nameList(PROFILE_LIMITS.devices, 'device');
export const architectureFamiliaritySchema = nameList(PROFILE_LIMITS.architectureFamiliarity, 'architecture');

/**
 * Years of experience as a range ("3-5"), an open range ("10+") or one number; a number is accepted too.
 * Negative, fractional and three-digit numbers fail the pattern.
 */
export const experienceYearsSchema = z.pipe(
  z.transform((value: string | number) => (typeof value === 'number' ? String(value) : value)),
  z.string().check(
    z.overwrite((value) => value.replace(/\s+/g, '')),
    z.maxLength(PROFILE_LIMITS.experienceYearsLength),
    // The pattern is checked by hand rather than with z.regex, which brings in zod's string-format machinery.
    (ctx) => {
      if (!EXPERIENCE_YEARS_PATTERN.test(ctx.value)) {
        ctx.issues.push({ code: 'invalid_format', format: 'regex', input: ctx.value });
      }
    },
  ),
);

export const skillLevelSchema = lowercaseEnum(SKILL_LEVELS);
export const experienceLevelSchema = lowercaseEnum(EXPERIENCE_LEVELS);
export const backgroundPreferenceSchema = lowercaseEnum(BACKGROUND_PREFERENCES);

const optionalFields = {
  experienceYears: z.optional(z.nullable(experienceYearsSchema)),
  devices: z.optional(z.nullable(devicesSchema)),
  architectureFamiliarity: z.optional(z.nullable(architectureFamiliaritySchema)),
  softwareExperience: z.optional(z.nullable(experienceLevelSchema)),
  hardwareExperience: z.optional(z.nullable(experienceLevelSchema)),
  backgroundPreference: z.optional(z.nullable(backgroundPreferenceSchema)),
};

/** Body of `PUT /api/profile`: creates or replaces the whole profile. Omitted optional fields become null. */
export const profileInputSchema = z.strictObject({
  languages: languagesSchema,
  frameworks: frameworksSchema,
  ...optionalFields,
});

/** Body of `PATCH /api/profile`: only the keys present change; `null` clears an optional field. */
export const profilePatchSchema = z.strictObject({
  languages: z.optional(languagesSchema),
  frameworks: z.optional(frameworksSchema),
  ...optionalFields,
});

/** The profile as the API returns it. */
export const profileSchema = z.object({
  languages: z.array(z.object({ language: z.string(), level: z.enum(SKILL_LEVELS) })),
  frameworks: z.array(z.string()),
  experienceYears: z.nullable(z.string()),
  devices: z.nullable(z.array(z.string())),
  architectureFamiliarity: z.nullable(z.array(z.string())),
  softwareExperience: z.nullable(z.enum(EXPERIENCE_LEVELS)),
  hardwareExperience: z.nullable(z.enum(EXPERIENCE_LEVELS)),
  backgroundPreference: z.nullable(z.enum(BACKGROUND_PREFERENCES)),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** What a caller may send: strings or `{ name }` objects, any letter case for levels. */
export type ProfileInput = z.input<typeof profileInputSchema>;
/** A profile input after validation and normalisation (the canonical form that is stored). */
export type NormalizedProfileInput = z.output<typeof profileInputSchema>;
export type ProfilePatch = z.input<typeof profilePatchSchema>;
export type NormalizedProfilePatch = z.output<typeof profilePatchSchema>;
/**
 * The profile as the API returns it. `answers` holds the host questions' answers keyed by question id (`{}`
 * when there are none); `ProfileOf<AnswersOf<typeof questionnaire>>` types them.
 */
export type Profile = z.output<typeof profileSchema> & { answers: Record<string, unknown> };

/** Keys of a profile that the server owns; sending one is a validation error. */
export const READ_ONLY_KEYS = [
  'id',
  'userId',
  'user_id',
  'createdAt',
  'created_at',
  'updatedAt',
  'updated_at',
] as const;
