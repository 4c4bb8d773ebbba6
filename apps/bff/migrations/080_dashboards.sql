-- Dashboards: hourly (and daily, per camera) rollups of violations, AI events, alerts and incidents, kept current by
-- statement-level triggers on the raw tables, so a dashboard reads a few thousand rollup rows instead of scanning
-- millions of records. Each trigger folds the statement's rows (transition tables) into the rollups with one
-- INSERT ... ON CONFLICT DO UPDATE per rollup table: an update subtracts the old row and adds the new one, so a
-- decision, a correction or a delete keeps the counts equal to the raw tables. KPI targets are rows an admin edits.
--
-- Time buckets: `hour` is the UTC hour (date_bin, independent of the session time zone); `day` is the local date in
-- Vietnam (UTC+7 all year, no daylight saving), so a day's numbers match what a leader calls "that day".

CREATE TABLE kpi_targets (
  key text PRIMARY KEY,
  value double precision NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
-- Defaults from the province's plans: coverage 50% of central wards / 30% of communes, emergency response within
-- 10 minutes, serious accidents down 35% against the 2020–2025 average. The baseline is a number the center takes
-- from its accident statistics (editable), since those years predate this system's data.
INSERT INTO kpi_targets (key, value) VALUES
  ('coverage_ward_pct', 50),
  ('coverage_commune_pct', 30),
  ('camera_availability_pct', 98),
  ('review_sla_hours', 24),
  ('reviewed_in_sla_pct', 95),
  ('accident_baseline_per_year', 1200),
  ('accident_change_pct', -35),
  ('response_avg_seconds', 600),
  ('response_p90_seconds', 600),
  ('sop_compliance_pct', 90);

-- Violations by hour, area and type; `tier` is the clearance a reader needs. No road or camera here: at a
-- province's density (~1,000 violations an hour over 400 cameras) an hour × camera grain would hold about as many
-- rows as the raw table. Hours serve the hourly series and the hour × weekday grid; everything else reads days.
CREATE TABLE dash_violations_hourly (
  hour timestamptz NOT NULL,
  area_id text NOT NULL,
  type text NOT NULL,
  tier smallint NOT NULL,
  total integer NOT NULL DEFAULT 0,
  reviewed integer NOT NULL DEFAULT 0,
  reviewed_in_sla integer NOT NULL DEFAULT 0,
  verified integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, area_id, type, tier)
);

-- The same per local day and camera: what "top cameras" and long ranges read.
CREATE TABLE dash_violations_daily (
  day date NOT NULL,
  camera_id text NOT NULL,
  area_id text NOT NULL,
  road_id text NOT NULL,
  type text NOT NULL,
  tier smallint NOT NULL,
  total integer NOT NULL DEFAULT 0,
  reviewed integer NOT NULL DEFAULT 0,
  reviewed_in_sla integer NOT NULL DEFAULT 0,
  verified integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, camera_id, area_id, road_id, type, tier)
);
CREATE INDEX dash_violations_daily_camera_idx ON dash_violations_daily (camera_id, day);

-- AI events per local day and place: the day/week series, totals and traffic per road.
CREATE TABLE dash_events_daily (
  day date NOT NULL,
  area_id text NOT NULL,
  road_id text NOT NULL,
  type text NOT NULL,
  tier smallint NOT NULL,
  total integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, area_id, road_id, type, tier)
);

-- AI events per hour and place: the hourly series and the live corridors.
CREATE TABLE dash_events_hourly (
  hour timestamptz NOT NULL,
  area_id text NOT NULL,
  road_id text NOT NULL,
  type text NOT NULL,
  tier smallint NOT NULL,
  total integer NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, area_id, road_id, type, tier)
);

-- Events per minute for the live view (events per minute over the last hour).
CREATE TABLE dash_events_minute (
  minute timestamptz NOT NULL,
  area_id text NOT NULL,
  tier smallint NOT NULL,
  total integer NOT NULL DEFAULT 0,
  PRIMARY KEY (minute, area_id, tier)
);

-- Alerts by the hour they were raised: opened, closed, SLA breaches, SOP compliance (sum and count of the ratio).
CREATE TABLE dash_alerts_hourly (
  hour timestamptz NOT NULL,
  area_id text NOT NULL,
  priority text NOT NULL,
  tier smallint NOT NULL,
  opened integer NOT NULL DEFAULT 0,
  closed integer NOT NULL DEFAULT 0,
  sla_breached integer NOT NULL DEFAULT 0,
  sop_n integer NOT NULL DEFAULT 0,
  sop_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, area_id, priority, tier)
);

-- Incidents by the hour of their first report; response = first unit on scene, in seconds from the first report.
CREATE TABLE dash_incidents_hourly (
  hour timestamptz NOT NULL,
  area_id text NOT NULL,
  type text NOT NULL,
  tier smallint NOT NULL,
  opened integer NOT NULL DEFAULT 0,
  closed integer NOT NULL DEFAULT 0,
  arrived integer NOT NULL DEFAULT 0,
  arrive_seconds_sum double precision NOT NULL DEFAULT 0,
  arrived_within_target integer NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, area_id, type, tier)
);

-- Response times as a histogram of 30-second buckets (the last, 120, holds one hour and more): a p90 over any
-- range and area is a walk over summed buckets, never a sort of raw rows.
CREATE TABLE dash_response_hist (
  hour timestamptz NOT NULL,
  area_id text NOT NULL,
  type text NOT NULL,
  tier smallint NOT NULL,
  bucket smallint NOT NULL,
  n integer NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, area_id, type, tier, bucket)
);

-- Delta rows the triggers fold: one per raw row, with s = +1 (new) or -1 (old).
CREATE TYPE dash_violation_delta AS (
  ts timestamptz,
  camera_id text,
  area_id text,
  type text,
  tier smallint,
  status text,
  decided_seconds double precision,
  s integer
);

CREATE FUNCTION dash_fold_violations(rows dash_violation_delta[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  sla double precision;
BEGIN
  IF rows IS NULL OR cardinality(rows) = 0 THEN
    RETURN;
  END IF;
  SELECT value * 3600 INTO sla FROM kpi_targets WHERE key = 'review_sla_hours';
  sla := coalesce(sla, 86400);
  INSERT INTO dash_violations_hourly AS h (hour, area_id, type, tier, total, reviewed, reviewed_in_sla, verified, rejected)
  SELECT date_bin('1 hour', d.ts, TIMESTAMPTZ '2000-01-01 00:00:00+00'), d.area_id, d.type, d.tier,
         sum(d.s), sum(d.s * (d.status <> 'pending')::int),
         sum(d.s * coalesce(d.status <> 'pending' AND d.decided_seconds <= sla, false)::int),
         sum(d.s * (d.status = 'verified')::int), sum(d.s * (d.status = 'rejected')::int)
  FROM unnest(rows) d
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (hour, area_id, type, tier) DO UPDATE SET
    total = h.total + EXCLUDED.total,
    reviewed = h.reviewed + EXCLUDED.reviewed,
    reviewed_in_sla = h.reviewed_in_sla + EXCLUDED.reviewed_in_sla,
    verified = h.verified + EXCLUDED.verified,
    rejected = h.rejected + EXCLUDED.rejected;

  INSERT INTO dash_violations_daily AS h (day, camera_id, area_id, road_id, type, tier, total, reviewed, reviewed_in_sla, verified, rejected)
  SELECT ((d.ts AT TIME ZONE 'UTC') + INTERVAL '7 hours')::date, d.camera_id, d.area_id, coalesce(c.road_id, ''), d.type, d.tier,
         sum(d.s), sum(d.s * (d.status <> 'pending')::int),
         sum(d.s * coalesce(d.status <> 'pending' AND d.decided_seconds <= sla, false)::int),
         sum(d.s * (d.status = 'verified')::int), sum(d.s * (d.status = 'rejected')::int)
  FROM unnest(rows) d LEFT JOIN cameras c ON c.id = d.camera_id
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (day, camera_id, area_id, road_id, type, tier) DO UPDATE SET
    total = h.total + EXCLUDED.total,
    reviewed = h.reviewed + EXCLUDED.reviewed,
    reviewed_in_sla = h.reviewed_in_sla + EXCLUDED.reviewed_in_sla,
    verified = h.verified + EXCLUDED.verified,
    rejected = h.rejected + EXCLUDED.rejected;
END $$;

CREATE FUNCTION dash_violations_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_violations(ARRAY(
    SELECT ROW(n.ts, n.camera_id, n.area_id, n.type, n.tier, n.status,
               extract(epoch FROM n.updated_at - n.received_at), 1)::dash_violation_delta
    FROM dash_new n));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_violations_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only rows whose counted attributes changed: a signature or evidence update costs nothing here.
  PERFORM dash_fold_violations(ARRAY(
    SELECT ROW(o.ts, o.camera_id, o.area_id, o.type, o.tier, o.status,
               extract(epoch FROM o.updated_at - o.received_at), -1)::dash_violation_delta
    FROM dash_old o JOIN dash_new n ON n.id = o.id
    WHERE (o.ts, o.camera_id, o.area_id, o.type, o.tier, o.status, o.updated_at)
          IS DISTINCT FROM (n.ts, n.camera_id, n.area_id, n.type, n.tier, n.status, n.updated_at)
    UNION ALL
    SELECT ROW(n.ts, n.camera_id, n.area_id, n.type, n.tier, n.status,
               extract(epoch FROM n.updated_at - n.received_at), 1)::dash_violation_delta
    FROM dash_old o JOIN dash_new n ON n.id = o.id
    WHERE (o.ts, o.camera_id, o.area_id, o.type, o.tier, o.status, o.updated_at)
          IS DISTINCT FROM (n.ts, n.camera_id, n.area_id, n.type, n.tier, n.status, n.updated_at)));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_violations_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_violations(ARRAY(
    SELECT ROW(o.ts, o.camera_id, o.area_id, o.type, o.tier, o.status,
               extract(epoch FROM o.updated_at - o.received_at), -1)::dash_violation_delta
    FROM dash_old o));
  RETURN NULL;
END $$;

CREATE TRIGGER dash_violations_rollup_ins AFTER INSERT ON violations
  REFERENCING NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_violations_ins();
CREATE TRIGGER dash_violations_rollup_upd AFTER UPDATE ON violations
  REFERENCING OLD TABLE AS dash_old NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_violations_upd();
CREATE TRIGGER dash_violations_rollup_del AFTER DELETE ON violations
  REFERENCING OLD TABLE AS dash_old FOR EACH STATEMENT EXECUTE FUNCTION dash_violations_del();

-- AI events are immutable: inserts and deletes (retention) only. Tier and road come from the camera.
CREATE TYPE dash_event_delta AS (ts timestamptz, camera_id text, area_id text, type text, s integer);

CREATE FUNCTION dash_fold_events(rows dash_event_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF rows IS NULL OR cardinality(rows) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO dash_events_hourly AS h (hour, area_id, road_id, type, tier, total)
  SELECT date_bin('1 hour', d.ts, TIMESTAMPTZ '2000-01-01 00:00:00+00'), d.area_id, coalesce(c.road_id, ''), d.type,
         CASE c.classification WHEN 'secret' THEN 2 WHEN 'restricted' THEN 1 ELSE 0 END, sum(d.s)
  FROM unnest(rows) d LEFT JOIN cameras c ON c.id = d.camera_id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (hour, area_id, road_id, type, tier) DO UPDATE SET total = h.total + EXCLUDED.total;

  INSERT INTO dash_events_daily AS h (day, area_id, road_id, type, tier, total)
  SELECT ((d.ts AT TIME ZONE 'UTC') + INTERVAL '7 hours')::date, d.area_id, coalesce(c.road_id, ''), d.type,
         CASE c.classification WHEN 'secret' THEN 2 WHEN 'restricted' THEN 1 ELSE 0 END, sum(d.s)
  FROM unnest(rows) d LEFT JOIN cameras c ON c.id = d.camera_id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (day, area_id, road_id, type, tier) DO UPDATE SET total = h.total + EXCLUDED.total;

  INSERT INTO dash_events_minute AS h (minute, area_id, tier, total)
  SELECT date_bin('1 minute', d.ts, TIMESTAMPTZ '2000-01-01 00:00:00+00'), d.area_id,
         CASE c.classification WHEN 'secret' THEN 2 WHEN 'restricted' THEN 1 ELSE 0 END, sum(d.s)
  FROM unnest(rows) d LEFT JOIN cameras c ON c.id = d.camera_id
  WHERE d.ts > now() - INTERVAL '1 day'
  GROUP BY 1, 2, 3
  ON CONFLICT (minute, area_id, tier) DO UPDATE SET total = h.total + EXCLUDED.total;
END $$;

CREATE FUNCTION dash_events_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_events(ARRAY(
    SELECT ROW(n.ts, n.camera_id, n.area_id, n.type, 1)::dash_event_delta FROM dash_new n));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_events_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_events(ARRAY(
    SELECT ROW(o.ts, o.camera_id, o.area_id, o.type, -1)::dash_event_delta FROM dash_old o));
  RETURN NULL;
END $$;

CREATE TRIGGER dash_events_rollup_ins AFTER INSERT ON analytics_events
  REFERENCING NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_events_ins();
CREATE TRIGGER dash_events_rollup_del AFTER DELETE ON analytics_events
  REFERENCING OLD TABLE AS dash_old FOR EACH STATEMENT EXECUTE FUNCTION dash_events_del();

-- Alerts change many times in their life (acknowledge, escalate, resolve): each change moves the row's counters.
CREATE TYPE dash_alert_delta AS (
  created_at timestamptz,
  area_id text,
  priority text,
  tier smallint,
  closed boolean,
  sla_breached boolean,
  sop_compliance double precision,
  s integer
);

CREATE FUNCTION dash_fold_alerts(rows dash_alert_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF rows IS NULL OR cardinality(rows) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO dash_alerts_hourly AS h (hour, area_id, priority, tier, opened, closed, sla_breached, sop_n, sop_sum)
  SELECT date_bin('1 hour', d.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), d.area_id, d.priority, d.tier,
         sum(d.s), sum(d.s * d.closed::int), sum(d.s * d.sla_breached::int),
         sum(d.s * (d.sop_compliance IS NOT NULL)::int), sum(d.s * coalesce(d.sop_compliance, 0))
  FROM unnest(rows) d
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (hour, area_id, priority, tier) DO UPDATE SET
    opened = h.opened + EXCLUDED.opened,
    closed = h.closed + EXCLUDED.closed,
    sla_breached = h.sla_breached + EXCLUDED.sla_breached,
    sop_n = h.sop_n + EXCLUDED.sop_n,
    sop_sum = h.sop_sum + EXCLUDED.sop_sum;
END $$;

CREATE FUNCTION dash_alerts_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_alerts(ARRAY(
    SELECT ROW(n.created_at, n.area_id, n.priority, n.tier, n.status IN ('resolved', 'false_positive'),
               n.sla_breached, n.sop_compliance, 1)::dash_alert_delta
    FROM dash_new n));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_alerts_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_alerts(ARRAY(
    SELECT ROW(o.created_at, o.area_id, o.priority, o.tier, o.status IN ('resolved', 'false_positive'),
               o.sla_breached, o.sop_compliance, -1)::dash_alert_delta
    FROM dash_old o JOIN dash_new n ON n.id = o.id
    WHERE (o.created_at, o.area_id, o.priority, o.tier, o.status, o.sla_breached, o.sop_compliance)
          IS DISTINCT FROM (n.created_at, n.area_id, n.priority, n.tier, n.status, n.sla_breached, n.sop_compliance)
    UNION ALL
    SELECT ROW(n.created_at, n.area_id, n.priority, n.tier, n.status IN ('resolved', 'false_positive'),
               n.sla_breached, n.sop_compliance, 1)::dash_alert_delta
    FROM dash_old o JOIN dash_new n ON n.id = o.id
    WHERE (o.created_at, o.area_id, o.priority, o.tier, o.status, o.sla_breached, o.sop_compliance)
          IS DISTINCT FROM (n.created_at, n.area_id, n.priority, n.tier, n.status, n.sla_breached, n.sop_compliance)));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_alerts_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_alerts(ARRAY(
    SELECT ROW(o.created_at, o.area_id, o.priority, o.tier, o.status IN ('resolved', 'false_positive'),
               o.sla_breached, o.sop_compliance, -1)::dash_alert_delta
    FROM dash_old o));
  RETURN NULL;
END $$;

CREATE TRIGGER dash_alerts_rollup_ins AFTER INSERT ON alerts
  REFERENCING NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_alerts_ins();
CREATE TRIGGER dash_alerts_rollup_upd AFTER UPDATE ON alerts
  REFERENCING OLD TABLE AS dash_old NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_alerts_upd();
CREATE TRIGGER dash_alerts_rollup_del AFTER DELETE ON alerts
  REFERENCING OLD TABLE AS dash_old FOR EACH STATEMENT EXECUTE FUNCTION dash_alerts_del();

CREATE TYPE dash_incident_delta AS (
  detected_at timestamptz,
  area_id text,
  type text,
  tier smallint,
  closed boolean,
  arrive_seconds double precision,
  target_seconds double precision,
  s integer
);

CREATE FUNCTION dash_fold_incidents(rows dash_incident_delta[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  target double precision;
BEGIN
  IF rows IS NULL OR cardinality(rows) = 0 THEN
    RETURN;
  END IF;
  SELECT value INTO target FROM kpi_targets WHERE key = 'response_avg_seconds';
  target := coalesce(target, 600);
  INSERT INTO dash_incidents_hourly AS h (hour, area_id, type, tier, opened, closed, arrived, arrive_seconds_sum, arrived_within_target)
  SELECT date_bin('1 hour', d.detected_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), d.area_id, d.type, d.tier,
         sum(d.s), sum(d.s * d.closed::int), sum(d.s * (d.arrive_seconds IS NOT NULL)::int),
         sum(d.s * coalesce(d.arrive_seconds, 0)),
         sum(d.s * coalesce(d.arrive_seconds <= coalesce(d.target_seconds, target), false)::int)
  FROM unnest(rows) d
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (hour, area_id, type, tier) DO UPDATE SET
    opened = h.opened + EXCLUDED.opened,
    closed = h.closed + EXCLUDED.closed,
    arrived = h.arrived + EXCLUDED.arrived,
    arrive_seconds_sum = h.arrive_seconds_sum + EXCLUDED.arrive_seconds_sum,
    arrived_within_target = h.arrived_within_target + EXCLUDED.arrived_within_target;

  INSERT INTO dash_response_hist AS h (hour, area_id, type, tier, bucket, n)
  SELECT date_bin('1 hour', d.detected_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), d.area_id, d.type, d.tier,
         least(120, greatest(0, floor(d.arrive_seconds / 30)))::smallint, sum(d.s)
  FROM unnest(rows) d
  WHERE d.arrive_seconds IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (hour, area_id, type, tier, bucket) DO UPDATE SET n = h.n + EXCLUDED.n;
END $$;

CREATE FUNCTION dash_incidents_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_incidents(ARRAY(
    SELECT ROW(n.detected_at, n.area_id, n.type, n.tier, n.state IN ('resolved', 'closed'),
               extract(epoch FROM n.arrived_at - n.detected_at), n.response_target_seconds, 1)::dash_incident_delta
    FROM dash_new n));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_incidents_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_incidents(ARRAY(
    SELECT ROW(o.detected_at, o.area_id, o.type, o.tier, o.state IN ('resolved', 'closed'),
               extract(epoch FROM o.arrived_at - o.detected_at), o.response_target_seconds, -1)::dash_incident_delta
    FROM dash_old o JOIN dash_new n ON n.id = o.id
    WHERE (o.detected_at, o.area_id, o.type, o.tier, o.state, o.arrived_at, o.response_target_seconds)
          IS DISTINCT FROM (n.detected_at, n.area_id, n.type, n.tier, n.state, n.arrived_at, n.response_target_seconds)
    UNION ALL
    SELECT ROW(n.detected_at, n.area_id, n.type, n.tier, n.state IN ('resolved', 'closed'),
               extract(epoch FROM n.arrived_at - n.detected_at), n.response_target_seconds, 1)::dash_incident_delta
    FROM dash_old o JOIN dash_new n ON n.id = o.id
    WHERE (o.detected_at, o.area_id, o.type, o.tier, o.state, o.arrived_at, o.response_target_seconds)
          IS DISTINCT FROM (n.detected_at, n.area_id, n.type, n.tier, n.state, n.arrived_at, n.response_target_seconds)));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_incidents_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_incidents(ARRAY(
    SELECT ROW(o.detected_at, o.area_id, o.type, o.tier, o.state IN ('resolved', 'closed'),
               extract(epoch FROM o.arrived_at - o.detected_at), o.response_target_seconds, -1)::dash_incident_delta
    FROM dash_old o));
  RETURN NULL;
END $$;

CREATE TRIGGER dash_incidents_rollup_ins AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_incidents_ins();
CREATE TRIGGER dash_incidents_rollup_upd AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS dash_old NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_incidents_upd();
CREATE TRIGGER dash_incidents_rollup_del AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS dash_old FOR EACH STATEMENT EXECUTE FUNCTION dash_incidents_del();

-- Rebuilds every rollup from the raw tables: run once here for data stored before this migration, and by the bulk
-- seeder after a load with triggers off.
CREATE FUNCTION dash_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lo timestamptz;
BEGIN
  DELETE FROM dash_violations_hourly;
  DELETE FROM dash_violations_daily;
  DELETE FROM dash_events_hourly;
  DELETE FROM dash_events_daily;
  DELETE FROM dash_events_minute;
  DELETE FROM dash_alerts_hourly;
  DELETE FROM dash_incidents_hourly;
  DELETE FROM dash_response_hist;
  -- A week at a time, so a bulk-loaded history never becomes one array of millions of rows.
  FOR lo IN SELECT generate_series(date_bin('7 days', min(ts), TIMESTAMPTZ '2000-01-03 00:00:00+00'), max(ts), INTERVAL '7 days')
            FROM violations LOOP
    PERFORM dash_fold_violations(ARRAY(
      SELECT ROW(v.ts, v.camera_id, v.area_id, v.type, v.tier, v.status,
                 extract(epoch FROM v.updated_at - v.received_at), 1)::dash_violation_delta
      FROM violations v WHERE v.ts >= lo AND v.ts < lo + INTERVAL '7 days'));
  END LOOP;
  FOR lo IN SELECT generate_series(date_bin('7 days', min(ts), TIMESTAMPTZ '2000-01-03 00:00:00+00'), max(ts), INTERVAL '7 days')
            FROM analytics_events LOOP
    PERFORM dash_fold_events(ARRAY(
      SELECT ROW(e.ts, e.camera_id, e.area_id, e.type, 1)::dash_event_delta
      FROM analytics_events e WHERE e.ts >= lo AND e.ts < lo + INTERVAL '7 days'));
  END LOOP;
  PERFORM dash_fold_alerts(ARRAY(
    SELECT ROW(a.created_at, a.area_id, a.priority, a.tier, a.status IN ('resolved', 'false_positive'),
               a.sla_breached, a.sop_compliance, 1)::dash_alert_delta FROM alerts a));
  PERFORM dash_fold_incidents(ARRAY(
    SELECT ROW(i.detected_at, i.area_id, i.type, i.tier, i.state IN ('resolved', 'closed'),
               extract(epoch FROM i.arrived_at - i.detected_at), i.response_target_seconds, 1)::dash_incident_delta
    FROM incidents i));
END $$;

SELECT dash_rebuild();
