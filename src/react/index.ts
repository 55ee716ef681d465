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
  ProfileSnapshot,
  SessionSnapshot,
  ValidationIssue,
} from '../client/index';
export type { PersonalData } from '../client/personal-data';
export { AuthGate, type AuthGateProps } from './auth-gate';
export {
  type AppearanceProps,
  type AuthClientError,
  type AuthClientResult,
  type ClassNameSlot,
  type HeadingLevel,
  type ProfileKitAuthClient,
  ProfileKitProvider,
  type ProfileKitProviderProps,
  type SessionData,
  type SessionUser,
  type SocialProvider,
  useSession,
} from './context';
export type { DeleteAccountProps } from './delete-account';
export type { DownloadDataProps } from './download-data';
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
export type { ForgotPasswordProps } from './forgot-password';
export type { AuthErrorCode, Localization, MessageKey, ProfileKitMessages } from './messages';
export {
  DeleteAccount,
  DownloadData,
  ForgotPassword,
  ProfileEditor,
  ResetPassword,
  SignIn,
  SignUpWithBackground,
  SocialButtons,
  UserMenu,
} from './on-demand';
export type { ProfileEditorProps } from './profile-editor';
export type { ResetPasswordProps } from './reset-password';
export type { SignInProps } from './sign-in';
export type { SignUpStep, SignUpWithBackgroundProps } from './sign-up-with-background';
export type { SocialButtonsProps } from './social-buttons';
export { type UseProfileResult, useProfile } from './use-profile';
export type { UserMenuProps } from './user-menu';
