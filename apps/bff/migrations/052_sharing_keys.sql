-- API keys of partner centers (the city IOC, Level-1). The secret is never stored: only its SHA-256.
CREATE TABLE sharing_keys (
  id text PRIMARY KEY,
  name text NOT NULL,
  partner text NOT NULL,
  secret_hash text NOT NULL,
  scopes text[] NOT NULL,
  rate_per_minute integer NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz
);

-- Per-key rate limit in a one-minute window, counted in the database so every BFF instance shares it.
ALTER TABLE sharing_keys ADD COLUMN rate_window timestamptz;
ALTER TABLE sharing_keys ADD COLUMN rate_count integer NOT NULL DEFAULT 0;
