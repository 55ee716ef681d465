-- Reverts profilekit 0002.
DROP TABLE IF EXISTS rate_limits;
