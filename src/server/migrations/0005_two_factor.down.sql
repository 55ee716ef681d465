-- Reverts profilekit 0005: the authenticator secrets and backup codes are dropped with their table.
DROP TABLE IF EXISTS two_factors;
ALTER TABLE users DROP COLUMN IF EXISTS two_factor_enabled;
