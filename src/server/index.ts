export { TRUST_DEVICE_DAYS } from '../client/protocol';
export type { ProfileSnapshot, SessionSnapshot } from '../client/snapshot';
export { ACCOUNT_ACTION_RULES } from './account-limits';
export {
  type AccountNotice,
  type AccountNoticeSender,
  accountSettingsPlugin,
  type ProfileKitAccountSettingsOptions,
} from './account-settings';
export { type AuthWithHandler, createAuthHandler } from './auth-handler';
export {
  type ProfileKitAuthOptions,
  type ProfileKitAuthOverrides,
  type ProfileKitLimitOptions,
  type ProfileKitSignInOptions,
  profileKitAuthOptions,
} from './auth-options';
export { resolveClientAddress, type TrustProxy } from './client-address';
export {
  PROFILEKIT_CORS_ALLOW_HEADERS,
  PROFILEKIT_CORS_ALLOW_METHODS,
  PROFILEKIT_CORS_EXPOSE_HEADERS,
  type ProfileKitCorsOptions,
  profileKitCors,
} from './cors';
export type {
  AccountsTable,
  ProfileKitDatabase,
  SessionsTable,
  UserProfilesTable,
  UsersTable,
} from './database';
export { type DeviceSession, opaqueSessionId, type SessionPlace } from './device-sessions';
export { isClientAbort } from './guards';
export { createProfileHandler, type ProfileHandlerOptions, type SessionSource } from './handler';
export { ADDRESS_RULES, DEFAULT_FAILED_SIGN_IN_LIMIT, type LimitRule } from './limits';
export {
  createMigrator,
  MIGRATION_LOCK_TABLE,
  MIGRATION_TABLE,
  type MigrateDirection,
  MigrationFailedError,
  migrate,
  migrationProvider,
  migrationSql,
  splitSqlStatements,
} from './migrations';
export {
  type BreakdownEntry,
  type BreakdownField,
  createProfileQueries,
  type FindOptions,
  type FoundPage,
  type FoundProfile,
  type LanguageBreakdownEntry,
  type ProfileQueries,
  type ProfileQueriesOptions,
} from './profile-queries';
export { type GetProfileOptions, getProfile } from './read';
export type { AccountEmail, AccountEmailSender, ProfileKitRecoveryOptions } from './recovery';
export { getSession, type RequestHeaders, type SessionReader } from './session';
export type { ProfileKitTwoFactorOptions } from './two-factor';
export { type DeviceDescription, describeUserAgent } from './user-agent';
