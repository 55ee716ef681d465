-- Reverts profilekit 0001. Dropping the tables drops their triggers and indexes.
DROP TABLE IF EXISTS user_profiles;
DROP TABLE IF EXISTS verifications;
DROP TABLE IF EXISTS accounts;
DROP TABLE IF EXISTS sessions;
DROP TABLE IF EXISTS users;
DROP FUNCTION IF EXISTS profilekit_set_updated_at();
