-- profilekit 0002: rate-limit counters in the database, so every instance of the server counts together.
-- better-auth's limiter keeps one row per client address and path (its `rateLimit` model); profilekit's
-- limit on failed sign-ins keeps one row per account in the same table, keyed `account:` and the SHA-256
-- of the lower-cased email.
-- Plain PostgreSQL (13+, PGlite and Neon included). Statements end with a semicolon at the end of a line.

CREATE TABLE rate_limits (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  key TEXT NOT NULL,
  count INTEGER NOT NULL,
  -- Milliseconds since the epoch: better-auth's last counted request; for an account, when its window ends.
  last_request BIGINT NOT NULL
);
-- Unique by the key's MD5: a key holds a request path, which the client chooses, and a btree entry cannot
-- exceed about 2.7 kB, so a long key itself would fail the insert instead of being counted. A unique btree
-- index checks and inserts in one step, so parallel first requests for one key from several instances
-- wait for each other; an exclusion constraint would let them deadlock.
CREATE UNIQUE INDEX rate_limits_key_unique ON rate_limits (md5(key));
-- Rows are looked up by key, at any length.
CREATE INDEX rate_limits_key_idx ON rate_limits USING hash (key);
-- Expired rows are deleted by last_request.
CREATE INDEX rate_limits_last_request_idx ON rate_limits (last_request);
