-- Alerts and their SOPs, escalation policies with durable deadlines, the duty roster, and the notification outbox.
-- Work that must not be lost or done twice is a row: the alert inbox (written in the ingest transaction), the
-- deadlines and the outbox are all claimed with FOR UPDATE SKIP LOCKED by whichever BFF instance gets there first.

CREATE TABLE sop_templates (
  id text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  steps jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE escalation_policies (
  id text PRIMARY KEY,
  name text NOT NULL,
  priorities text[] NOT NULL DEFAULT '{}',
  ack_sla_seconds integer NOT NULL,
  resolve_sla_seconds integer NOT NULL,
  steps jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alert_rules (
  id text PRIMARY KEY,
  name text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  event_types text[] NOT NULL,
  min_severity text NOT NULL,
  area_ids text[],
  camera_ids text[],
  active_from integer,
  active_to integer,
  priority text NOT NULL,
  sop_template_id text REFERENCES sop_templates(id) ON DELETE SET NULL,
  policy_id text REFERENCES escalation_policies(id) ON DELETE SET NULL,
  group_window_seconds integer NOT NULL DEFAULT 300,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alert_suppressions (
  id text PRIMARY KEY,
  reason text NOT NULL,
  camera_ids text[],
  area_ids text[],
  event_types text[],
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  created_by text NOT NULL,
  suppressed integer NOT NULL DEFAULT 0
);
CREATE INDEX alert_suppressions_ends_idx ON alert_suppressions (ends_at);

-- Events waiting to be matched against the rules; the row commits with the event itself.
CREATE TABLE alert_inbox (
  seq bigserial PRIMARY KEY,
  event_id text NOT NULL UNIQUE,
  tier smallint NOT NULL,
  event jsonb NOT NULL
);

CREATE TABLE alerts (
  id text PRIMARY KEY,
  rule_id text,
  priority text NOT NULL,
  status text NOT NULL,
  type text NOT NULL,
  severity text NOT NULL,
  title text NOT NULL,
  camera_id text,
  camera_name text,
  event_id text,
  area_id text NOT NULL,
  tier smallint NOT NULL,
  count integer NOT NULL DEFAULT 1,
  snapshot text,
  -- rule|camera|type while the alert still absorbs events of its window; NULL once it stops grouping.
  group_key text,
  group_window_seconds integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_event_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by_id text,
  acknowledged_by text,
  assignee_id text,
  assignee_name text,
  assigned_at timestamptz,
  escalation_level integer NOT NULL DEFAULT 0,
  escalated_at timestamptz,
  ack_deadline timestamptz,
  resolve_deadline timestamptz,
  sla_breached boolean NOT NULL DEFAULT false,
  resolved_at timestamptz,
  resolved_by text,
  outcome_note text,
  policy_id text,
  policy jsonb,
  sop jsonb,
  sop_total integer NOT NULL DEFAULT 0,
  sop_done integer NOT NULL DEFAULT 0,
  sop_skipped_required integer NOT NULL DEFAULT 0,
  sop_compliance double precision
);
CREATE UNIQUE INDEX alerts_group_key_idx ON alerts (group_key) WHERE group_key IS NOT NULL;
CREATE INDEX alerts_active_idx ON alerts (status, priority, created_at);
CREATE INDEX alerts_created_idx ON alerts (created_at DESC);

-- The timeline and the SOP execution log: who did what, when.
CREATE TABLE alert_activity (
  id bigserial PRIMARY KEY,
  alert_id text NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL,
  actor_id text,
  actor_name text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX alert_activity_alert_idx ON alert_activity (alert_id, id);

-- Durable timers: an escalation step or an SLA check due at due_at. Deleted by the transaction that acts on it.
CREATE TABLE alert_deadlines (
  id bigserial PRIMARY KEY,
  alert_id text NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  kind text NOT NULL,
  step_index integer NOT NULL DEFAULT 0,
  repeat_index integer NOT NULL DEFAULT 0,
  due_at timestamptz NOT NULL
);
CREATE INDEX alert_deadlines_due_idx ON alert_deadlines (due_at);
CREATE UNIQUE INDEX alert_deadlines_one_idx ON alert_deadlines (alert_id, kind);

CREATE TABLE duty_roster (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  duty text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL
);
CREATE INDEX duty_roster_time_idx ON duty_roster (ends_at, starts_at);

CREATE TABLE user_contacts (
  user_id text PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  email text,
  phone text,
  zalo_phone text
);

-- Shared secrets of the alert component (the acknowledge-link key), created once for every instance to read.
CREATE TABLE alert_settings (
  name text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE notify_outbox (
  id bigserial PRIMARY KEY,
  alert_id text REFERENCES alerts(id) ON DELETE SET NULL,
  channel text NOT NULL,
  transport text NOT NULL,
  recipient_id text,
  recipient_name text NOT NULL,
  address text,
  subject text NOT NULL,
  body text NOT NULL,
  ack_url text,
  -- Structured fields for template channels (Zalo ZNS): priority, title, camera, level, time.
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz,
  lease_until timestamptz,
  sent_at timestamptz
);
CREATE INDEX notify_outbox_due_idx ON notify_outbox (status, next_attempt_at);
CREATE INDEX notify_outbox_created_idx ON notify_outbox (created_at DESC);
CREATE INDEX notify_outbox_recipient_idx ON notify_outbox (recipient_id, channel, created_at DESC);
