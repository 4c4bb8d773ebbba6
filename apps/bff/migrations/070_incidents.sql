-- Incidents and dispatch: the CAD status of field units with its history, field accounts linked to units,
-- incidents with their links, assignments, typed timeline and attachments, and one row of measures per incident.

ALTER TABLE units ADD COLUMN incident_id text;
ALTER TABLE units ADD COLUMN last_update_at timestamptz NOT NULL DEFAULT now();

-- Every CAD status a unit took, with when, why, for which incident and who set it.
CREATE TABLE unit_status_history (
  id bigserial PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  status text NOT NULL,
  previous text,
  at timestamptz NOT NULL DEFAULT now(),
  incident_id text,
  actor_id text,
  actor_name text,
  reason text
);
CREATE INDEX unit_status_history_unit_idx ON unit_status_history (unit_id, at);

-- A field-unit member's account is linked to the unit it rides with: it sees only that unit's assignment.
CREATE TABLE field_accounts (
  user_id text PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id)
);
CREATE INDEX field_accounts_unit_idx ON field_accounts (unit_id);

CREATE SEQUENCE incident_code_seq;

CREATE TABLE incidents (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  type text NOT NULL,
  priority text NOT NULL,
  state text NOT NULL,
  outcome text,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  lng double precision NOT NULL,
  lat double precision NOT NULL,
  address text,
  area_id text NOT NULL,
  area_name text NOT NULL,
  -- Clearance a reader needs (0 public, 1 restricted, 2 secret): the highest of its cameras.
  tier smallint NOT NULL DEFAULT 0,
  camera_ids text[] NOT NULL DEFAULT '{}',
  created_by_id text,
  created_by_name text,
  -- The first report: the earliest linked event or alert, or the creation by hand.
  detected_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  dispatched_at timestamptz,
  arrived_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Response target fixed when the incident was opened (accidents), so a later config change does not rewrite history.
  response_target_seconds integer
);
CREATE INDEX incidents_state_idx ON incidents (state, created_at DESC);
CREATE INDEX incidents_area_idx ON incidents (area_id);

-- An event or an alert belongs to at most one incident.
CREATE TABLE incident_links (
  kind text NOT NULL,
  ref_id text NOT NULL,
  incident_id text NOT NULL REFERENCES incidents(id),
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, ref_id)
);
CREATE INDEX incident_links_incident_idx ON incident_links (incident_id);

CREATE TABLE incident_assignments (
  id text PRIMARY KEY,
  incident_id text NOT NULL REFERENCES incidents(id),
  unit_id text NOT NULL REFERENCES units(id),
  call_sign text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by text,
  accepted_at timestamptz,
  en_route_at timestamptz,
  on_scene_at timestamptz,
  cleared_at timestamptz,
  ended_at timestamptz,
  end_reason text,
  -- A person of the crew answered in the field view (a simulated crew then leaves the unit to them).
  crew_acted boolean NOT NULL DEFAULT false,
  eta_seconds double precision,
  distance_meters double precision,
  eta_method text
);
-- A unit works one incident at a time.
CREATE UNIQUE INDEX incident_assignments_active_unit_idx ON incident_assignments (unit_id) WHERE active;
CREATE INDEX incident_assignments_incident_idx ON incident_assignments (incident_id);

CREATE TABLE incident_timeline (
  id bigserial PRIMARY KEY,
  incident_id text NOT NULL REFERENCES incidents(id),
  ts timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL,
  actor_id text,
  actor_name text,
  data jsonb NOT NULL
);
CREATE INDEX incident_timeline_incident_idx ON incident_timeline (incident_id, id);

-- Files are stored under DATA_DIR by a generated name; the uploader's file name is never used.
CREATE TABLE incident_attachments (
  id text PRIMARY KEY,
  incident_id text NOT NULL REFERENCES incidents(id),
  unit_id text,
  content_type text NOT NULL,
  bytes integer NOT NULL,
  sha256 text NOT NULL,
  path text NOT NULL,
  uploaded_by_id text,
  uploaded_by_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_attachments_incident_idx ON incident_attachments (incident_id);

-- One row per incident with its durations in seconds from the first report, for dashboards to aggregate.
-- response_breached: the first unit arrived after the target, or none has and the target has passed; NULL without
-- a target or when the incident was closed before anyone arrived.
CREATE VIEW incident_measures AS
SELECT
  id AS incident_id,
  code,
  type,
  priority,
  state,
  outcome,
  area_id,
  tier,
  detected_at,
  created_at,
  acknowledged_at,
  dispatched_at,
  arrived_at,
  resolved_at,
  closed_at,
  extract(epoch FROM acknowledged_at - detected_at)::double precision AS acknowledge_seconds,
  extract(epoch FROM dispatched_at - detected_at)::double precision AS dispatch_seconds,
  extract(epoch FROM arrived_at - detected_at)::double precision AS arrive_seconds,
  extract(epoch FROM resolved_at - detected_at)::double precision AS resolve_seconds,
  response_target_seconds,
  CASE
    WHEN response_target_seconds IS NULL THEN NULL
    WHEN arrived_at IS NOT NULL THEN extract(epoch FROM arrived_at - detected_at) > response_target_seconds
    WHEN closed_at IS NOT NULL THEN NULL
    ELSE extract(epoch FROM now() - detected_at) > response_target_seconds
  END AS response_breached
FROM incidents;
