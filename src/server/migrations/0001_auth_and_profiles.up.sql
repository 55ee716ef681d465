-- profilekit 0001: better-auth's tables mapped onto the seed schema, and user_profiles.
-- Plain PostgreSQL (13+, PGlite and Neon included). Statements end with a semicolon at the end of a line.

CREATE FUNCTION profilekit_set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name TEXT NOT NULL,
  email VARCHAR(255) NOT NULL UNIQUE,
  email_verified BOOLEAN NOT NULL DEFAULT false,
  image TEXT,
  better_auth_id VARCHAR(255) UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token TEXT NOT NULL UNIQUE,
  expires_at TIMESTAMPTZ NOT NULL,
  ip_address TEXT,
  user_agent TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

-- The credential hash lives here, not on users: one person can hold several credentials (docs/adr/0004).
CREATE TABLE accounts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  password_hash TEXT,
  access_token TEXT,
  refresh_token TEXT,
  id_token TEXT,
  access_token_expires_at TIMESTAMPTZ,
  refresh_token_expires_at TIMESTAMPTZ,
  scope TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX accounts_user_id_idx ON accounts (user_id);

CREATE TABLE verifications (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  identifier TEXT NOT NULL,
  value TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX verifications_identifier_idx ON verifications (identifier);

CREATE TABLE user_profiles (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  languages JSONB NOT NULL CONSTRAINT user_profiles_languages_is_array CHECK (jsonb_typeof(languages) = 'array'),
  frameworks JSONB NOT NULL CONSTRAINT user_profiles_frameworks_is_array CHECK (jsonb_typeof(frameworks) = 'array'),
  experience_years VARCHAR(50),
  devices JSONB CONSTRAINT user_profiles_devices_is_array CHECK (jsonb_typeof(devices) = 'array'),
  architecture_familiarity JSONB
    CONSTRAINT user_profiles_architecture_familiarity_is_array CHECK (jsonb_typeof(architecture_familiarity) = 'array'),
  software_experience VARCHAR(20) CONSTRAINT user_profiles_software_experience_level
    CHECK (software_experience IN ('none', 'beginner', 'intermediate', 'advanced', 'expert')),
  hardware_experience VARCHAR(20) CONSTRAINT user_profiles_hardware_experience_level
    CHECK (hardware_experience IN ('none', 'beginner', 'intermediate', 'advanced', 'expert')),
  background_preference VARCHAR(20) CONSTRAINT user_profiles_background_preference_value
    CHECK (background_preference IN ('software', 'hardware', 'both')),
  -- Bumped on every write; the API's ETag, so a stale If-Match never overwrites a newer save.
  version INTEGER NOT NULL DEFAULT 1,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION profilekit_set_updated_at();
CREATE TRIGGER sessions_set_updated_at BEFORE UPDATE ON sessions
  FOR EACH ROW EXECUTE FUNCTION profilekit_set_updated_at();
CREATE TRIGGER accounts_set_updated_at BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION profilekit_set_updated_at();
CREATE TRIGGER verifications_set_updated_at BEFORE UPDATE ON verifications
  FOR EACH ROW EXECUTE FUNCTION profilekit_set_updated_at();
CREATE TRIGGER user_profiles_set_updated_at BEFORE UPDATE ON user_profiles
  FOR EACH ROW EXECUTE FUNCTION profilekit_set_updated_at();
