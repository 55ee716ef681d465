export { ErrorCodes, isProfileKitError, ProfileKitError } from '../client/errors';
export type {
  ErrorCode,
  Profile,
  ProfileClient,
  ProfileClientOptions,
  ProfileInput,
  ProfilePatch,
  ValidationIssue,
} from '../client/index';
export { AuthGate, type AuthGateProps } from './auth-gate';
export {
  type AppearanceProps,
  type AuthClientError,
  type AuthClientResult,
  type ClassNameSlot,
  type ProfileKitAuthClient,
  ProfileKitProvider,
  type ProfileKitProviderProps,
  type SessionData,
  type SessionUser,
  useSession,
} from './context';
export type {
  BackgroundFieldName,
  Question,
  QuestionKind,
  QuestionnaireDefinition,
  QuestionOptions,
  QuestionStep,
} from './fields';
export {
  BACKGROUND_FIELDS,
  createProfileClient,
  defineQuestionnaire,
  ProfileEditor,
  type ProfileEditorProps,
  type SignUpStep,
  SignUpWithBackground,
  type SignUpWithBackgroundProps,
  type UseProfileResult,
  useProfile,
} from './forms';
export type { AuthErrorCode, Localization, MessageKey, ProfileKitMessages } from './messages';
export { SignIn, type SignInProps } from './sign-in';
