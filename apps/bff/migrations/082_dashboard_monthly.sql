-- Violations per local month and place, for the strategic dashboard over long ranges. Measured on the benchmark:
-- a year of the daily-per-camera rollup is ~800,000 rows at a province's density, too many to sum within 100 ms;
-- a year of months is ~30,000. A range is read as whole months from here plus its partial months from the days.

CREATE TABLE dash_violations_monthly (
  -- First day of the local (UTC+7) month.
  month date NOT NULL,
  area_id text NOT NULL,
  road_id text NOT NULL,
  type text NOT NULL,
  tier smallint NOT NULL,
  total integer NOT NULL DEFAULT 0,
  reviewed integer NOT NULL DEFAULT 0,
  reviewed_in_sla integer NOT NULL DEFAULT 0,
  verified integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  PRIMARY KEY (month, area_id, road_id, type, tier)
);

INSERT INTO dash_violations_monthly (month, area_id, road_id, type, tier, total, reviewed, reviewed_in_sla, verified, rejected)
SELECT date_trunc('month', day)::date, area_id, road_id, type, tier,
       sum(total), sum(reviewed), sum(reviewed_in_sla), sum(verified), sum(rejected)
FROM dash_violations_daily GROUP BY 1, 2, 3, 4, 5;

CREATE OR REPLACE FUNCTION dash_fold_violations(rows dash_violation_delta[]) RETURNS void LANGUAGE plpgsql AS $$
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

  INSERT INTO dash_violations_monthly AS h (month, area_id, road_id, type, tier, total, reviewed, reviewed_in_sla, verified, rejected)
  SELECT date_trunc('month', (d.ts AT TIME ZONE 'UTC') + INTERVAL '7 hours')::date, d.area_id, coalesce(c.road_id, ''), d.type, d.tier,
         sum(d.s), sum(d.s * (d.status <> 'pending')::int),
         sum(d.s * coalesce(d.status <> 'pending' AND d.decided_seconds <= sla, false)::int),
         sum(d.s * (d.status = 'verified')::int), sum(d.s * (d.status = 'rejected')::int)
  FROM unnest(rows) d LEFT JOIN cameras c ON c.id = d.camera_id
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (month, area_id, road_id, type, tier) DO UPDATE SET
    total = h.total + EXCLUDED.total,
    reviewed = h.reviewed + EXCLUDED.reviewed,
    reviewed_in_sla = h.reviewed_in_sla + EXCLUDED.reviewed_in_sla,
    verified = h.verified + EXCLUDED.verified,
    rejected = h.rejected + EXCLUDED.rejected;
END $$;

CREATE OR REPLACE FUNCTION dash_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lo timestamptz;
BEGIN
  DELETE FROM dash_violations_hourly;
  DELETE FROM dash_violations_daily;
  DELETE FROM dash_violations_monthly;
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
