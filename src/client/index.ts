export type {
  AnswerOf,
  AnswersOf,
  AnswersPatch,
  AnswerValue,
  HostAnswers,
  ProfileInputOf,
  ProfileOf,
  ProfilePatchOf,
} from './answers';
export { createProfileClient } from './checked-client';
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
export {
  type BooleanQuestion,
  type ChoiceOption,
  type DateQuestion,
  type GroupQuestion,
  HOST_LIMITS,
  type HostQuestion,
  type HostQuestionKind,
  type MultiQuestion,
  type NumberQuestion,
  type QuestionnaireStep,
  type RowField,
  type ScalarAnswer,
  type ScaleLevel,
  type ScaleQuestion,
  type SingleQuestion,
  type TextQuestion,
  type VisibleWhen,
} from './host-questions';
export { type JsonSchema, questionnaireJsonSchema } from './json-schema';
export {
  type BackgroundCondition,
  type BooleanTest,
  type ChoiceTest,
  CONDITION_LIMITS,
  type DateTest,
  type GroupTest,
  type HostTestOf,
  type LanguageTest,
  type LevelTest,
  type ListTest,
  type MatchableProfile,
  matches,
  type NumberTest,
  type TextTest,
  type YearsTest,
} from './match';
export { PERSONAL_DATA_FILE, type PersonalData } from './personal-data';
export type {
  ProfileClient,
  ProfileClientOptions,
  PutOptions,
  RequestOptions,
  VersionedProfile,
  WriteOptions,
} from './profile-client';
export {
  type ProfileWrite,
  type ProfileWriteOptions,
  parseProfileWrite,
  type StoredProfile,
  shownQuestions,
} from './profile-write';
export type { ServerCapabilities } from './protocol';
export {
  BACKGROUND_FIELDS,
  type BackgroundFieldName,
  defineQuestionnaire,
  type PlainQuestionOptions,
  type Question,
  type QuestionKind,
  type Questionnaire,
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
