-- Reverts profilekit 0003 (the host answers are dropped with their column).
ALTER TABLE user_profiles DROP COLUMN IF EXISTS answers;
