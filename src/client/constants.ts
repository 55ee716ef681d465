// The profile's fixed vocabularies and bounds, kept free of zod so UI code can use them without it.

/** Levels a person can give for one programming language. */
export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Overall software or hardware experience; `none` is a real answer, not a missing one. */
export const EXPERIENCE_LEVELS = ['none', 'beginner', 'intermediate', 'advanced', 'expert'] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

export const BACKGROUND_PREFERENCES = ['software', 'hardware', 'both'] as const;
export type BackgroundPreference = (typeof BACKGROUND_PREFERENCES)[number];

/** Suggested answers for years of experience; any range such as "3-5" or "10+" is accepted. */
export const EXPERIENCE_YEARS_OPTIONS = ['0-1', '1-3', '3-5', '5-10', '10+'] as const;

/** Bounds enforced on input, by the client before sending and by the server before storing. */
export const PROFILE_LIMITS = {
  languages: 30,
  frameworks: 50,
  devices: 30,
  architectureFamiliarity: 20,
  nameLength: 100,
  /** The person's own name (better-auth's `users.name`), checked at sign-up and update-user. */
  personNameLength: 100,
  experienceYearsLength: 50,
} as const;
