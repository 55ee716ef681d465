export { type ProfileKitAuthOverrides, profileKitAuthOptions } from './auth-options';
export type {
  AccountsTable,
  ProfileKitDatabase,
  SessionsTable,
  UserProfilesTable,
  UsersTable,
} from './database';
export { createProfileHandler, type ProfileHandlerOptions, type SessionSource } from './handler';
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
