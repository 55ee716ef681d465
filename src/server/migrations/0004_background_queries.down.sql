-- Reverts profilekit 0004: the background queries' indexes, the stored facts and years columns and the facts function.
DROP INDEX IF EXISTS user_profiles_background_preference_idx;
DROP INDEX IF EXISTS user_profiles_hardware_experience_idx;
DROP INDEX IF EXISTS user_profiles_software_experience_idx;
DROP INDEX IF EXISTS user_profiles_experience_years_from_idx;
DROP INDEX IF EXISTS user_profiles_experience_years_idx;
DROP INDEX IF EXISTS user_profiles_facts_idx;
ALTER TABLE user_profiles DROP COLUMN IF EXISTS experience_years_from, DROP COLUMN IF EXISTS facts;
DROP FUNCTION IF EXISTS profilekit_facts(JSONB, JSONB, JSONB, JSONB, JSONB);
