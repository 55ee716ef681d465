// The React entry's face: every public name and nothing else. It holds only what every page needs
// (provider, session, gate); the forms, the questionnaire, the editor and the dialogs load through
// `lazy/` the first time a page renders them. Errors, schemas and the profile client live in
// `profilekit/client`.
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
export type { BackgroundCondition } from '../client/match';
export type { PersonalData } from '../client/personal-data';
export {
  BACKGROUND_FIELDS,
  type BackgroundFieldName,
  defineQuestionnaire,
  type Question,
  type QuestionKind,
  type QuestionnaireDefinition,
  type QuestionOptions,
  type QuestionStep,
} from '../client/questionnaire';
export { ProfileKitProvider } from './context/provider';
export { useSession } from './context/use-session';
export { AuthGate } from './gate/auth-gate';
export { AccountSettings, SignIn, SignUpWithBackground } from './lazy/forms';
export {
  BackgroundSection,
  DangerZoneSection,
  DeleteAccount,
  DownloadData,
  EmailSection,
  ForgotPassword,
  PasswordSection,
  ProfileEditor,
  ProfileSection,
  ResetPassword,
  SessionsSection,
  SignInMethodsSection,
  SocialButtons,
} from './lazy/parts';
export { UserMenu } from './lazy/shells';
export { ForBackground, type ForBackgroundProps, useBackground } from './profile/for-background';
export { useProfile } from './profile/use-profile';
export type {
  DeleteAccountProps,
  DownloadDataProps,
  SocialButtonsProps,
  UserMenuProps,
} from './types/account-props';
export type { AppearanceProps, ClassNameSlot, HeadingLevel } from './types/appearance-props';
export type {
  AuthClientError,
  AuthClientResult,
  ProfileKitAuthClient,
  SessionData,
  SessionUser,
  SocialProvider,
} from './types/auth-client';
export type { AuthGateProps } from './types/gate-props';
export type { ProfileKitLocale } from './types/locale';
export type { AuthErrorCode, Localization, MessageKey, ProfileKitMessages } from './types/message-keys';
export type { ProfileEditorProps, UseBackgroundResult, UseProfileResult } from './types/profile-props';
export type { ProfileKitProviderProps } from './types/provider-props';
export type { ForgotPasswordProps, ResetPasswordProps } from './types/recovery-props';
export type {
  AccountSection,
  AccountSettingsProps,
  DangerZoneSectionProps,
  EmailSectionProps,
  PasswordSectionProps,
  ProfileSectionProps,
  SettingsSectionProps,
  SettingsSuccess,
  SignInMethodsSectionProps,
  UploadImage,
} from './types/settings-props';
export type { SignInProps } from './types/sign-in-props';
export type { SignUpStep, SignUpWithBackgroundProps } from './types/sign-up-props';
