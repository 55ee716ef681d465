// The React entry. It holds only what every page needs (provider, session, gate); the sign-in form, the
// questionnaire, the editor and the dialog load the first time a page renders them. Errors, schemas and
// the profile client live in `profilekit/client`.
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
export {
  BACKGROUND_FIELDS,
  type BackgroundFieldName,
  defineQuestionnaire,
  type Question,
  type QuestionKind,
  type QuestionnaireDefinition,
  type QuestionOptions,
  type QuestionStep,
} from './fields';
export type { AuthErrorCode, Localization, MessageKey, ProfileKitMessages } from './messages';
export { ProfileEditor, SignIn, SignUpWithBackground } from './on-demand';
export type { ProfileEditorProps } from './profile-editor';
export type { SignInProps } from './sign-in';
export type { SignUpStep, SignUpWithBackgroundProps } from './sign-up-with-background';
export { type UseProfileResult, useProfile } from './use-profile';
