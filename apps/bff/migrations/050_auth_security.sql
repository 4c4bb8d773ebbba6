-- Sign-in security: TOTP second factor (secret encrypted at rest, recovery codes hashed), account lockout that
-- holds across BFF instances, OIDC subjects, pending login challenges, and sessions that can be listed, idled
-- out and revoked one by one.

ALTER TABLE users ADD COLUMN mfa_secret text;
ALTER TABLE users ADD COLUMN mfa_enrolled_at timestamptz;
-- The last TOTP time step accepted: a code is never accepted twice (RFC 6238 section 5.2).
ALTER TABLE users ADD COLUMN mfa_last_step bigint;
ALTER TABLE users ADD COLUMN failed_logins integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until timestamptz;
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
ALTER TABLE users ADD COLUMN oidc_subject text UNIQUE;

CREATE TABLE mfa_recovery_codes (
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- A login that passed its first factor and waits for the second (or for a forced enrolment). Only the hash of
-- the challenge token is stored; it lives minutes and allows a few tries.
CREATE TABLE login_challenges (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  method text NOT NULL,
  pending_secret text,
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL
);

ALTER TABLE sessions ADD COLUMN id text;
UPDATE sessions SET id = gen_random_uuid()::text WHERE id IS NULL;
ALTER TABLE sessions ALTER COLUMN id SET NOT NULL;
CREATE UNIQUE INDEX sessions_id_idx ON sessions (id);
ALTER TABLE sessions ADD COLUMN method text NOT NULL DEFAULT 'password';
CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_at);
