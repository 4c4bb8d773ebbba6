-- Device health: the inventory beside the cameras (edge AI boxes, servers), current readings of every device,
-- bounded history (raw samples for hours, hourly averages for days), fault episodes, self-healing attempts, and
-- the image-quality schedule of each camera (claimed with SKIP LOCKED so several BFF instances split the work).

-- Every monitored device. Cameras appear here for what the VMS does not say (model, serving edge box); their
-- state stays in `cameras`. Edge boxes and servers keep their state here.
CREATE TABLE devices (
  id text PRIMARY KEY,
  kind text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  model text NOT NULL,
  area_id text,
  area_name text,
  parent_id text,
  state text,
  state_since timestamptz,
  state_reason text
);
CREATE INDEX devices_kind_idx ON devices (kind);

CREATE TABLE device_status_history (
  id bigserial PRIMARY KEY,
  device_id text NOT NULL,
  state text NOT NULL,
  since timestamptz NOT NULL,
  reason text
);
CREATE INDEX device_status_history_device_idx ON device_status_history (device_id, since);

-- Newest readings per device (cameras included: stream bitrate, fps, latency, loss, enclosure temperature).
CREATE TABLE device_health (
  device_id text PRIMARY KEY,
  metrics jsonb NOT NULL,
  metrics_at timestamptz NOT NULL
);

CREATE TABLE device_metrics (
  device_id text NOT NULL,
  ts timestamptz NOT NULL,
  online real NOT NULL,
  cpu_pct real,
  mem_pct real,
  temp_c real,
  storage_pct real,
  latency_ms real,
  loss_pct real,
  bitrate_kbps real,
  fps real
);
CREATE INDEX device_metrics_device_ts_idx ON device_metrics (device_id, ts);
CREATE INDEX device_metrics_ts_idx ON device_metrics (ts);

CREATE TABLE device_metrics_hourly (
  device_id text NOT NULL,
  hour timestamptz NOT NULL,
  samples integer NOT NULL,
  online real NOT NULL,
  cpu_pct real,
  mem_pct real,
  temp_c real,
  storage_pct real,
  latency_ms real,
  loss_pct real,
  bitrate_kbps real,
  fps real,
  PRIMARY KEY (device_id, hour)
);

-- A fault episode. At most one open episode per device and kind: a second instance (or a repeat after a crash)
-- cannot open it twice.
CREATE TABLE device_faults (
  id bigserial PRIMARY KEY,
  device_id text NOT NULL,
  kind text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  cleared_at timestamptz,
  event_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE UNIQUE INDEX device_faults_open_idx ON device_faults (device_id, kind) WHERE cleared_at IS NULL;
CREATE INDEX device_faults_device_idx ON device_faults (device_id, opened_at DESC);

CREATE TABLE device_healing (
  id bigserial PRIMARY KEY,
  device_id text NOT NULL,
  ts timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  attempt integer NOT NULL,
  fault_kind text,
  outcome text NOT NULL,
  actor text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX device_healing_device_idx ON device_healing (device_id, ts DESC);

-- Image-quality schedule and memory per camera: when it is next due, and the hysteresis counters, learned
-- reference view and previous sample (in `state`) that the next judgement needs.
CREATE TABLE camera_quality (
  camera_id text PRIMARY KEY,
  next_check_at timestamptz NOT NULL,
  last_check_at timestamptz,
  last_result jsonb,
  state jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX camera_quality_due_idx ON camera_quality (next_check_at);

-- Which BFF instance collects device readings: a lease it renews each collection, taken over when it lapses.
CREATE TABLE device_collector_lease (
  id smallint PRIMARY KEY,
  holder text NOT NULL,
  until timestamptz NOT NULL
);
