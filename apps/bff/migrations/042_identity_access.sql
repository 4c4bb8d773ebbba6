-- Every lookup in the resident/vehicle registry: who, for which unit, why, about whom, which fields, when and with
-- what outcome. Auditors read it; nothing deletes from it.

CREATE TABLE identity_access_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id text NOT NULL,
  username text NOT NULL,
  role text NOT NULL,
  unit_id text NOT NULL,
  purpose_code text NOT NULL,
  purpose_detail text NOT NULL,
  subject_kind text NOT NULL,
  subject text NOT NULL,
  fields text[] NOT NULL,
  outcome text NOT NULL,
  reference text
);
CREATE INDEX identity_access_log_at_idx ON identity_access_log (at DESC);
CREATE INDEX identity_access_log_user_idx ON identity_access_log (user_id, at DESC);
