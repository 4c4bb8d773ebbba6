-- The investigator's search: every plate the center has seen (AI events), indexed by normalized form for exact
-- search and by symmetric-delete keys of its look-alike-folded form for fuzzy search. Plain btree indexes, so the
-- same search runs on PGlite and any PostgreSQL without extensions (pg_trgm would need loading in PGlite and a
-- database-wide install that per-schema deployments cannot own).

CREATE TABLE plate_sightings (
  event_id text PRIMARY KEY,
  plate_norm text NOT NULL,
  ts timestamptz NOT NULL
);
CREATE INDEX plate_sightings_plate_idx ON plate_sightings (plate_norm, ts DESC);

CREATE TABLE plates (
  plate_norm text PRIMARY KEY,
  plate_fold text NOT NULL,
  display text NOT NULL,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL
);

CREATE TABLE plate_keys (
  key text NOT NULL,
  plate_norm text NOT NULL,
  PRIMARY KEY (key, plate_norm)
);

CREATE TABLE investigate_bookmarks (
  user_id text NOT NULL,
  event_id text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, event_id)
);

CREATE SEQUENCE case_code_seq;

CREATE TABLE cases (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open',
  created_by text NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_updated_idx ON cases (updated_at DESC);

CREATE TABLE case_items (
  id bigserial PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind text NOT NULL,
  ref_id text,
  camera_id text NOT NULL,
  ts timestamptz NOT NULL,
  until timestamptz,
  note text,
  added_by text NOT NULL,
  added_by_name text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_items_case_idx ON case_items (case_id, ts);

CREATE TABLE case_notes (
  id bigserial PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  text text NOT NULL,
  author_id text NOT NULL,
  author_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case_idx ON case_notes (case_id, at);
