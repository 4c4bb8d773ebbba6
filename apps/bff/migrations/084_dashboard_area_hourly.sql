-- Violations, AI events and congestion events per hour and area only: the analytical dashboard's hourly series and
-- its hour × weekday grid. The finer hourly rollups carry the type (and, for events, the road) and hold about ten
-- times the rows, which at 10 M violations a year made a week's hourly view three scans of ~100,000 rows each;
-- from here it is one scan of ~15,000. A type filter still reads violations from dash_violations_hourly.
-- Kept by statement-level triggers of its own beside the others; dash_rebuild() rebuilds it after them.
CREATE TABLE dash_area_hourly (
  hour timestamptz NOT NULL,
  area_id text NOT NULL,
  tier smallint NOT NULL,
  violations integer NOT NULL DEFAULT 0,
  events integer NOT NULL DEFAULT 0,
  congestion integer NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, area_id, tier)
);

-- One row per raw row: signed increments of the three counters.
CREATE TYPE dash_area_delta AS (ts timestamptz, area_id text, tier smallint, v integer, e integer, c integer);

CREATE FUNCTION dash_fold_area(rows dash_area_delta[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_area_hourly AS h (hour, area_id, tier, violations, events, congestion)
  SELECT date_bin('1 hour', d.ts, TIMESTAMPTZ '2000-01-01 00:00:00+00'), d.area_id, d.tier,
         sum(d.v), sum(d.e), sum(d.c)
  FROM unnest(rows) d
  GROUP BY 1, 2, 3
  HAVING sum(d.v) <> 0 OR sum(d.e) <> 0 OR sum(d.c) <> 0
  ON CONFLICT (hour, area_id, tier) DO UPDATE SET violations = h.violations + EXCLUDED.violations,
    events = h.events + EXCLUDED.events, congestion = h.congestion + EXCLUDED.congestion
$$;

CREATE FUNCTION dash_area_violations_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_area(ARRAY(SELECT ROW(n.ts, n.area_id, n.tier, 1, 0, 0)::dash_area_delta FROM dash_new n));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_area_violations_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only a moved row counts here (a decision changes nothing per hour and area).
  PERFORM dash_fold_area(ARRAY(
    SELECT ROW(x.ts, x.area_id, x.tier, x.s, 0, 0)::dash_area_delta
    FROM dash_old o JOIN dash_new n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.ts, o.area_id, o.tier, -1), (n.ts, n.area_id, n.tier, 1)) AS x(ts, area_id, tier, s)
    WHERE (o.ts, o.area_id, o.tier) IS DISTINCT FROM (n.ts, n.area_id, n.tier)));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_area_violations_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_area(ARRAY(SELECT ROW(o.ts, o.area_id, o.tier, -1, 0, 0)::dash_area_delta FROM dash_old o));
  RETURN NULL;
END $$;

CREATE TRIGGER dash_area_violations_ins AFTER INSERT ON violations
  REFERENCING NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_area_violations_ins();
CREATE TRIGGER dash_area_violations_upd AFTER UPDATE ON violations
  REFERENCING OLD TABLE AS dash_old NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_area_violations_upd();
CREATE TRIGGER dash_area_violations_del AFTER DELETE ON violations
  REFERENCING OLD TABLE AS dash_old FOR EACH STATEMENT EXECUTE FUNCTION dash_area_violations_del();

-- Events take their tier from the camera, as in dash_fold_events.
CREATE FUNCTION dash_area_events_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_area(ARRAY(
    SELECT ROW(n.ts, n.area_id, CASE c.classification WHEN 'secret' THEN 2 WHEN 'restricted' THEN 1 ELSE 0 END,
               0, 1, (n.type = 'congestion')::int)::dash_area_delta
    FROM dash_new n LEFT JOIN cameras c ON c.id = n.camera_id));
  RETURN NULL;
END $$;

CREATE FUNCTION dash_area_events_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_fold_area(ARRAY(
    SELECT ROW(o.ts, o.area_id, CASE c.classification WHEN 'secret' THEN 2 WHEN 'restricted' THEN 1 ELSE 0 END,
               0, -1, -(o.type = 'congestion')::int)::dash_area_delta
    FROM dash_old o LEFT JOIN cameras c ON c.id = o.camera_id));
  RETURN NULL;
END $$;

CREATE TRIGGER dash_area_events_ins AFTER INSERT ON analytics_events
  REFERENCING NEW TABLE AS dash_new FOR EACH STATEMENT EXECUTE FUNCTION dash_area_events_ins();
CREATE TRIGGER dash_area_events_del AFTER DELETE ON analytics_events
  REFERENCING OLD TABLE AS dash_old FOR EACH STATEMENT EXECUTE FUNCTION dash_area_events_del();

-- Rebuilt from the finer hourly rollups (they hold the same counts by more keys), after them.
CREATE FUNCTION dash_rebuild_area_hourly() RETURNS void LANGUAGE sql AS $$
  DELETE FROM dash_area_hourly;
  INSERT INTO dash_area_hourly (hour, area_id, tier, violations, events, congestion)
  SELECT hour, area_id, tier, sum(v), sum(e), sum(c) FROM (
    SELECT hour, area_id, tier, total AS v, 0 AS e, 0 AS c FROM dash_violations_hourly
    UNION ALL
    SELECT hour, area_id, tier, 0, total, CASE WHEN type = 'congestion' THEN total ELSE 0 END FROM dash_events_hourly
  ) x
  GROUP BY 1, 2, 3
  HAVING sum(v) <> 0 OR sum(e) <> 0;
$$;
ALTER FUNCTION dash_rebuild() RENAME TO dash_rebuild_fine;
CREATE FUNCTION dash_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_rebuild_fine();
  PERFORM dash_rebuild_area_hourly();
END $$;

SELECT dash_rebuild_area_hourly();
