import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface UserProfilesTable {
  id: Generated<string>;
  user_id: string;
  languages: Json<{ language: string; level: string }[]>;
  frameworks: Json<string[]>;
  experience_years: string | null;
  devices: Json<string[] | null>;
  architecture_familiarity: Json<string[] | null>;
  software_experience: string | null;
  hardware_experience: string | null;
  background_preference: string | null;
  /** The host questions' answers keyed by question id (migration 0003). */
  answers: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** What the lists and languages hold, for the background queries (migration 0004, generated): read only. */
  facts: ColumnType<string[], never, never>;
  /** The first number of `experience_years` (migration 0004, generated): read only. */
  experience_years_from: ColumnType<number | null, never, never>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  name: string;
  email: string;
  email_verified: Generated<boolean>;
  image: string | null;
  better_auth_id: string | null;
  /** Two-factor sign-in is on for the person (migration 0005). */
  two_factor_enabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  token: string;
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccountsTable {
  id: Generated<string>;
  user_id: string;
  account_id: string;
  provider_id: string;
  password_hash: string | null;
  scope: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables profilekit's migrations create, as Kysely types. Merge it into your own database interface. */
export interface ProfileKitDatabase {
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  user_profiles: UserProfilesTable;
}
