-- profilekit 0005: two-factor sign-in (better-auth's twoFactor plugin, on with `twoFactor` in
-- profileKitAuthOptions): the person's flag, and their authenticator secret and backup codes, both
-- encrypted with the server's secret, with the count of failed codes that locks the account for a while.
-- Plain PostgreSQL (13+, PGlite and Neon included). Statements end with a semicolon at the end of a line.

ALTER TABLE users ADD COLUMN two_factor_enabled BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE two_factors (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  backup_codes TEXT NOT NULL,
  -- False until the person confirms a first code from the app: an unconfirmed secret never guards sign-in.
  verified BOOLEAN NOT NULL DEFAULT true,
  failed_verification_count INTEGER NOT NULL DEFAULT 0,
  locked_until TIMESTAMPTZ
);
