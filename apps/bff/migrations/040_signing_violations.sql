-- Signatures and violations with a human in the loop. Every key the center ever signed with keeps its public half
-- here, so old signatures verify after a rotation. Violations come from the violation service; each review decision
-- is a signed row; final decisions are sent back to the service from this table (retried until it accepts).

CREATE TABLE signing_keys (
  key_id text PRIMARY KEY,
  public_key_pem text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One Ed25519 signature per stored AI event, written in the ingest transaction.
CREATE TABLE event_signatures (
  event_id text PRIMARY KEY,
  sig_key_id text NOT NULL,
  sig_signed_at timestamptz NOT NULL,
  sig_value text NOT NULL
);

CREATE TABLE violations (
  id text PRIMARY KEY,
  source text NOT NULL,
  event_id text,
  camera_id text NOT NULL,
  area_id text NOT NULL,
  -- Classification level a reader needs (0 public, 1 restricted, 2 secret), from the camera.
  tier smallint NOT NULL,
  type text NOT NULL,
  plate_detected text NOT NULL,
  plate text NOT NULL,
  plate_norm text NOT NULL,
  plate_confidence double precision NOT NULL,
  ts timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  speed_kmh double precision,
  limit_kmh double precision,
  evidence jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The service's record as received: what the violation signature covers.
  record jsonb NOT NULL,
  sig_key_id text,
  sig_signed_at timestamptz,
  sig_value text
);
CREATE INDEX violations_status_ts_idx ON violations (status, ts DESC, id DESC);
CREATE INDEX violations_ts_idx ON violations (ts DESC, id DESC);
CREATE INDEX violations_event_idx ON violations (event_id);
CREATE INDEX violations_plate_idx ON violations (plate_norm, ts DESC);

-- Evidence hashes sealed the first time the center received each file.
CREATE TABLE violation_evidence (
  violation_id text NOT NULL,
  name text NOT NULL,
  sha256 text NOT NULL,
  bytes integer NOT NULL,
  content_type text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (violation_id, name)
);

CREATE TABLE violation_reviews (
  id bigserial PRIMARY KEY,
  violation_id text NOT NULL,
  action text NOT NULL,
  reason_code text,
  note text,
  plate_before text NOT NULL,
  plate_after text NOT NULL,
  actor_id text NOT NULL,
  actor_name text NOT NULL,
  actor_role text NOT NULL,
  at timestamptz NOT NULL,
  evidence jsonb NOT NULL,
  status_after text NOT NULL,
  -- Digest of the violation record the decision was made on (part of what is signed).
  record_digest text NOT NULL,
  sig_key_id text NOT NULL,
  sig_signed_at timestamptz NOT NULL,
  sig_value text NOT NULL,
  -- Delivery of final decisions to the violation service: not_needed | pending | sent | failed.
  sync_state text NOT NULL,
  sync_attempts integer NOT NULL DEFAULT 0,
  sync_error text,
  sync_next_at timestamptz
);
CREATE INDEX violation_reviews_violation_idx ON violation_reviews (violation_id, id);
CREATE INDEX violation_reviews_sync_idx ON violation_reviews (sync_next_at) WHERE sync_state IN ('pending', 'failed');

-- The maker-checker switch: one row; absent means the configured default.
CREATE TABLE violation_settings (
  id smallint PRIMARY KEY DEFAULT 1,
  maker_checker boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

-- Where polling of the violation service has reached, per source.
CREATE TABLE violation_sources (
  source text PRIMARY KEY,
  cursor text
);
