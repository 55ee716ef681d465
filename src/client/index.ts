export {
  codeForStatus,
  type ErrorBody,
  type ErrorCode,
  ErrorCodes,
  isErrorCode,
  isProfileKitError,
  ProfileKitError,
  type ProfileKitErrorOptions,
  type ValidationIssue,
} from './errors';
export { PERSONAL_DATA_FILE, type PersonalData } from './personal-data';
export {
  createProfileClient,
  type ProfileClient,
  type ProfileClientOptions,
  type PutOptions,
  type RequestOptions,
  type VersionedProfile,
  type WriteOptions,
} from './profile-client';
export type { ServerCapabilities } from './protocol';
export {
  BACKGROUND_FIELDS,
  type BackgroundFieldName,
  defineQuestionnaire,
  type Question,
  type QuestionKind,
  type QuestionnaireDefinition,
  type QuestionOptions,
  type QuestionStep,
} from './questionnaire';
export { resolveQuestionnaire } from './questions';
export {
  architectureFamiliaritySchema,
  BACKGROUND_PREFERENCES,
  type BackgroundPreference,
  backgroundPreferenceSchema,
  devicesSchema,
  EXPERIENCE_LEVELS,
  EXPERIENCE_YEARS_OPTIONS,
  type ExperienceLevel,
  experienceLevelSchema,
  experienceYearsSchema,
  frameworksSchema,
  type LanguageSkill,
  languageSkillSchema,
  languagesSchema,
  type NormalizedProfileInput,
  type NormalizedProfilePatch,
  PROFILE_LIMITS,
  type Profile,
  type ProfileInput,
  type ProfilePatch,
  profileInputSchema,
  profilePatchSchema,
  profileSchema,
  READ_ONLY_KEYS,
  SKILL_LEVELS,
  type SkillLevel,
  skillLevelSchema,
} from './schema';
export type { ProfileSnapshot, SessionSnapshot } from './snapshot';
export { type TextProblem, textProblem } from './text';
export { parseProfileInput, parseProfilePatch, toValidationIssues } from './validate';
