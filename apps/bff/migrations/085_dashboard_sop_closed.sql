-- SOP compliance is a property of a finished alert: counted when the alert is closed (resolved or false positive),
-- not while it is being worked (a fresh alert has done no step yet and read as 0 % non-compliant). Same fold as in
-- 080 but for the two SOP counters; the alert rollup is then rebuilt with it.
CREATE OR REPLACE FUNCTION dash_fold_alerts(rows dash_alert_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF rows IS NULL OR cardinality(rows) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO dash_alerts_hourly AS h (hour, area_id, priority, tier, opened, closed, sla_breached, sop_n, sop_sum)
  SELECT date_bin('1 hour', d.created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), d.area_id, d.priority, d.tier,
         sum(d.s), sum(d.s * d.closed::int), sum(d.s * d.sla_breached::int),
         sum(d.s * (d.closed AND d.sop_compliance IS NOT NULL)::int),
         sum(d.s * CASE WHEN d.closed THEN coalesce(d.sop_compliance, 0) ELSE 0 END)
  FROM unnest(rows) d
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (hour, area_id, priority, tier) DO UPDATE SET
    opened = h.opened + EXCLUDED.opened,
    closed = h.closed + EXCLUDED.closed,
    sla_breached = h.sla_breached + EXCLUDED.sla_breached,
    sop_n = h.sop_n + EXCLUDED.sop_n,
    sop_sum = h.sop_sum + EXCLUDED.sop_sum;
END $$;

DELETE FROM dash_alerts_hourly;
SELECT dash_fold_alerts(ARRAY(
  SELECT ROW(a.created_at, a.area_id, a.priority, a.tier, a.status IN ('resolved', 'false_positive'),
             a.sla_breached, a.sop_compliance, 1)::dash_alert_delta FROM alerts a));
