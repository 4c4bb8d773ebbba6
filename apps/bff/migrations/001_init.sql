-- Foundation schema: users and sessions, the camera cache, analytics events, field units, the durable live event
-- log and the audit trail. One dialect for PGlite and server PostgreSQL.

CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL,
  areas text[],
  locale text NOT NULL DEFAULT 'vi',
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The session token itself is never stored: only its SHA-256, so a database leak opens no session.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE cameras (
  id text PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  lng double precision NOT NULL,
  lat double precision NOT NULL,
  bearing double precision NOT NULL,
  road_id text,
  road_name text,
  area_id text NOT NULL,
  area_name text NOT NULL,
  owner text NOT NULL,
  classification text NOT NULL,
  streams jsonb NOT NULL,
  state text NOT NULL,
  state_since timestamptz NOT NULL,
  state_reason text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cameras_area_idx ON cameras (area_id);

CREATE TABLE camera_status_history (
  id bigserial PRIMARY KEY,
  camera_id text NOT NULL,
  state text NOT NULL,
  since timestamptz NOT NULL,
  reason text
);
CREATE INDEX camera_status_history_camera_idx ON camera_status_history (camera_id, since);

CREATE TABLE analytics_events (
  id text PRIMARY KEY,
  camera_id text NOT NULL,
  area_id text NOT NULL,
  type text NOT NULL,
  severity text NOT NULL,
  ts timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  plate text,
  snapshot text,
  objects jsonb NOT NULL,
  metadata jsonb NOT NULL
);
CREATE INDEX analytics_events_ts_idx ON analytics_events (ts DESC);
CREATE INDEX analytics_events_camera_idx ON analytics_events (camera_id, ts DESC);

CREATE TABLE units (
  id text PRIMARY KEY,
  call_sign text NOT NULL,
  name text NOT NULL,
  vehicle text NOT NULL,
  members text[] NOT NULL,
  area_id text NOT NULL,
  status text NOT NULL,
  status_since timestamptz NOT NULL,
  lng double precision,
  lat double precision,
  heading double precision,
  speed_kmh double precision,
  position_ts timestamptz
);

-- Every state change a console shows, in order. `tier` is the classification level a reader needs
-- (0 public, 1 restricted, 2 secret); `area_id` the jurisdiction (NULL: province-wide).
CREATE TABLE event_log (
  seq bigserial PRIMARY KEY,
  ts timestamptz NOT NULL DEFAULT now(),
  topic text NOT NULL,
  area_id text,
  tier smallint NOT NULL DEFAULT 0,
  data jsonb NOT NULL
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  ts timestamptz NOT NULL DEFAULT now(),
  actor_id text,
  actor_name text,
  action text NOT NULL,
  target text,
  ip text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_ts_idx ON audit_log (ts DESC);
