import type { Queryable, SqlParam } from '../../../platform/db';
import { cameraTier } from '../../cameras/data/camera-store';

/**
 * SQL over the dashboard rollups (migration 080). Every query here reads rollup tables only, plus the small
 * current-state tables (cameras, units) for "right now" figures; none touches the raw violations or events.
 */

/** Who may read a row: clearance and jurisdiction (null: province-wide). */
export interface Scope {
  maxTier: number;
  areas: string[] | null;
}

/** A resolved filter in the terms the SQL needs. Days are local (UTC+7) dates, both included. */
export interface RangeFilter {
  fromDay: string;
  toDay: string;
  area: string | null;
  road: string | null;
  camera: string | null;
  type: string | null;
}

/** The UTC instant where a local day starts. */
export function localDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

// Parameters shared by every rollup query: $1 from, $2 to, $3 tier, $4 areas, $5 area, $6 road, $7 type.
function params(scope: Scope, f: RangeFilter, daily: boolean): SqlParam[] {
  return [
    daily ? f.fromDay : localDayStart(f.fromDay).toISOString(),
    daily ? f.toDay : localDayStart(nextDay(f.toDay)).toISOString(),
    scope.maxTier,
    scope.areas,
    f.area,
    f.road,
    f.type,
  ];
}
const SCOPE_WHERE = `tier <= $3 AND ($4::text[] IS NULL OR area_id = ANY($4::text[]))
  AND ($5::text IS NULL OR area_id = $5) AND ($6::text IS NULL OR road_id = $6)`;
const DAILY_WHERE = `day BETWEEN $1::date AND $2::date AND ${SCOPE_WHERE}
  AND ($7::text IS NULL OR type = $7) AND ($8::text IS NULL OR camera_id = $8)`;
// Hourly violations have no road: $1 from, $2 to, $3 tier, $4 areas, $5 area, $6 type.
const HOURLY_WHERE = `hour >= $1::timestamptz AND hour < $2::timestamptz AND tier <= $3
  AND ($4::text[] IS NULL OR area_id = ANY($4::text[])) AND ($5::text IS NULL OR area_id = $5)
  AND ($6::text IS NULL OR type = $6)`;
const hourlyParams = (scope: Scope, f: RangeFilter): SqlParam[] => {
  const p = params(scope, f, false);
  return [p[0]!, p[1]!, p[2]!, p[3]!, p[4]!, p[6]!];
};
// Per area and hour, all kinds together: $1 from, $2 to, $3 tier, $4 areas, $5 area.
const AREA_HOURLY_WHERE = `hour >= $1::timestamptz AND hour < $2::timestamptz AND tier <= $3
  AND ($4::text[] IS NULL OR area_id = ANY($4::text[])) AND ($5::text IS NULL OR area_id = $5)`;
// Events have no violation type: $1–$6 (from, to, tier, areas, area, road), by day or by hour.
const EVENTS_DAILY_WHERE = `day BETWEEN $1::date AND $2::date AND ${SCOPE_WHERE}`;
const EVENTS_HOURLY_WHERE = `hour >= $1::timestamptz AND hour < $2::timestamptz AND ${SCOPE_WHERE}`;
const eventParams = (scope: Scope, f: RangeFilter, daily: boolean) => params(scope, f, daily).slice(0, 6);

export interface ViolationTotalsRow {
  total: number;
  reviewed: number;
  reviewed_in_sla: number;
  verified: number;
  rejected: number;
}

export async function violationTotals(
  q: Queryable,
  scope: Scope,
  f: RangeFilter,
  lastDay?: string,
): Promise<ViolationTotalsRow> {
  const rows = await q.query<ViolationTotalsRow>(
    `SELECT coalesce(sum(total), 0)::int AS total, coalesce(sum(reviewed), 0)::int AS reviewed,
            coalesce(sum(reviewed_in_sla), 0)::int AS reviewed_in_sla,
            coalesce(sum(verified), 0)::int AS verified, coalesce(sum(rejected), 0)::int AS rejected
     FROM dash_violations_daily WHERE ${DAILY_WHERE} AND ($9::date IS NULL OR day <= $9::date)`,
    [...params(scope, f, true), f.camera, lastDay ?? null],
  );
  return rows[0] ?? { total: 0, reviewed: 0, reviewed_in_sla: 0, verified: 0, rejected: 0 };
}

const MONTHLY_WHERE = `month BETWEEN $1::date AND $2::date AND ${SCOPE_WHERE} AND ($7::text IS NULL OR type = $7)`;
const monthlyParams = (scope: Scope, f: RangeFilter, fromMonth: string, toMonth: string): SqlParam[] => {
  const p = params(scope, f, true);
  return [fromMonth, toMonth, ...p.slice(2, 7)];
};

/** Totals over whole months (no camera grain: the caller reads days when a camera is asked for). */
export async function violationTotalsMonthly(
  q: Queryable,
  scope: Scope,
  f: RangeFilter,
  fromMonth: string,
  toMonth: string,
): Promise<ViolationTotalsRow> {
  const rows = await q.query<ViolationTotalsRow>(
    `SELECT coalesce(sum(total), 0)::int AS total, coalesce(sum(reviewed), 0)::int AS reviewed,
            coalesce(sum(reviewed_in_sla), 0)::int AS reviewed_in_sla,
            coalesce(sum(verified), 0)::int AS verified, coalesce(sum(rejected), 0)::int AS rejected
     FROM dash_violations_monthly WHERE ${MONTHLY_WHERE}`,
    monthlyParams(scope, f, fromMonth, toMonth),
  );
  return rows[0] ?? { total: 0, reviewed: 0, reviewed_in_sla: 0, verified: 0, rejected: 0 };
}

/** Violations over whole months grouped by a dimension (every group: the caller merges and ranks). */
export async function violationsByMonthly(
  q: Queryable,
  scope: Scope,
  f: RangeFilter,
  dimension: 'type' | 'road_id' | 'area_id',
  fromMonth: string,
  toMonth: string,
): Promise<Array<{ key: string; n: number }>> {
  return q.query<{ key: string; n: number }>(
    `SELECT ${dimension} AS key, sum(total)::int AS n FROM dash_violations_monthly WHERE ${MONTHLY_WHERE}
     GROUP BY 1 HAVING sum(total) > 0`,
    monthlyParams(scope, f, fromMonth, toMonth),
  );
}

export interface Breakdown {
  totals: ViolationTotalsRow;
  /** Per day or week (the bucket's first day, YYYY-MM-DD). */
  series: Array<{ bucket: string; n: number }>;
  byType: Array<{ key: string; n: number }>;
  byRoad: Array<{ key: string; n: number }>;
  byArea: Array<{ key: string; n: number }>;
  byCamera: Array<{ key: string; n: number }>;
}

/**
 * Totals, the per-day (or per-week) series and the four breakdowns of the daily rollup in one scan (GROUPING
 * SETS): six GROUP BYs over the same rows would read them six times and, on a small machine, queue behind each
 * other. Groups come back whole, largest first; the caller keeps the top ones.
 */
export async function violationBreakdown(
  q: Queryable,
  scope: Scope,
  f: RangeFilter,
  granularity: 'day' | 'week',
): Promise<Breakdown> {
  const bucket = granularity === 'week' ? `date_trunc('week', day)::date` : 'day';
  const rows = await q.query<{
    g: number;
    bucket: string | null;
    type: string | null;
    road_id: string | null;
    area_id: string | null;
    camera_id: string | null;
    total: number;
    reviewed: number;
    reviewed_in_sla: number;
    verified: number;
    rejected: number;
  }>(
    `SELECT GROUPING(b, type, road_id, area_id, camera_id)::int AS g, to_char(b, 'YYYY-MM-DD') AS bucket,
            type, road_id, area_id, camera_id, coalesce(sum(total), 0)::int AS total,
            coalesce(sum(reviewed), 0)::int AS reviewed, coalesce(sum(reviewed_in_sla), 0)::int AS reviewed_in_sla,
            coalesce(sum(verified), 0)::int AS verified, coalesce(sum(rejected), 0)::int AS rejected
     FROM (SELECT ${bucket} AS b, * FROM dash_violations_daily WHERE ${DAILY_WHERE}) d
     GROUP BY GROUPING SETS ((), (b), (type), (road_id), (area_id), (camera_id))
     HAVING sum(total) > 0 OR GROUPING(b, type, road_id, area_id, camera_id) = 31
     ORDER BY total DESC`,
    [...params(scope, f, true), f.camera],
  );
  const out: Breakdown = {
    totals: { total: 0, reviewed: 0, reviewed_in_sla: 0, verified: 0, rejected: 0 },
    series: [],
    byType: [],
    byRoad: [],
    byArea: [],
    byCamera: [],
  };
  // GROUPING(...) sets a bit for each column folded away: the one column left grouped tells the set.
  for (const r of rows) {
    if (r.g === 31) out.totals = r;
    else if (r.g === 15) out.series.push({ bucket: r.bucket!, n: r.total });
    else if (r.g === 23) out.byType.push({ key: r.type!, n: r.total });
    else if (r.g === 27) out.byRoad.push({ key: r.road_id!, n: r.total });
    else if (r.g === 29) out.byArea.push({ key: r.area_id!, n: r.total });
    else if (r.g === 30) out.byCamera.push({ key: r.camera_id!, n: r.total });
  }
  return out;
}

/**
 * The strategic figures of a range read by day, in one scan: violations per road over the whole range, and the
 * review-SLA totals over the days up to `cutDay` (younger violations cannot have missed their deadline yet).
 */
export async function strategicDays(
  q: Queryable,
  scope: Scope,
  f: RangeFilter,
  cutDay: string,
): Promise<{ totals: ViolationTotalsRow; byRoad: Array<{ key: string; n: number }> }> {
  const rows = await q.query<{ g: number; road_id: string | null; n: number } & ViolationTotalsRow>(
    `SELECT GROUPING(road_id)::int AS g, road_id, coalesce(sum(total), 0)::int AS n,
            coalesce(sum(total) FILTER (WHERE day <= $9::date), 0)::int AS total,
            coalesce(sum(reviewed) FILTER (WHERE day <= $9::date), 0)::int AS reviewed,
            coalesce(sum(reviewed_in_sla) FILTER (WHERE day <= $9::date), 0)::int AS reviewed_in_sla,
            coalesce(sum(verified) FILTER (WHERE day <= $9::date), 0)::int AS verified,
            coalesce(sum(rejected) FILTER (WHERE day <= $9::date), 0)::int AS rejected
     FROM dash_violations_daily WHERE ${DAILY_WHERE}
     GROUP BY GROUPING SETS ((), (road_id))`,
    [...params(scope, f, true), f.camera, cutDay],
  );
  const all = rows.find((r) => r.g === 1);
  return {
    totals: all ?? { total: 0, reviewed: 0, reviewed_in_sla: 0, verified: 0, rejected: 0 },
    byRoad: rows
      .filter((r) => r.g === 0 && r.n > 0)
      .map((r) => ({ key: r.road_id!, n: r.n }))
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
  };
}

/** Event totals, the per-day (or week) series and the per-road traffic of the daily events rollup in one scan. */
export async function eventBreakdown(
  q: Queryable,
  scope: Scope,
  f: RangeFilter,
  granularity: 'day' | 'week',
): Promise<{
  totals: EventTotalsRow;
  series: Array<{ bucket: string; n: number; congestion: number }>;
  byRoad: Array<{ key: string; n: number; congestion: number }>;
}> {
  const bucket = granularity === 'week' ? `date_trunc('week', day)::date` : 'day';
  const rows = await q.query<{
    g: number;
    bucket: string | null;
    road_id: string | null;
    n: number;
    c: number;
  }>(
    `SELECT GROUPING(b, road_id)::int AS g, to_char(b, 'YYYY-MM-DD') AS bucket, road_id,
            coalesce(sum(total), 0)::int AS n,
            coalesce(sum(total) FILTER (WHERE type = 'congestion'), 0)::int AS c
     FROM (SELECT ${bucket} AS b, * FROM dash_events_daily WHERE ${EVENTS_DAILY_WHERE}) d
     GROUP BY GROUPING SETS ((), (b), (road_id))`,
    eventParams(scope, f, true),
  );
  const all = rows.find((r) => r.g === 3);
  return {
    totals: { total: all?.n ?? 0, congestion: all?.c ?? 0 },
    series: rows
      .filter((r) => r.g === 1)
      .map((r) => ({ bucket: localDayStart(r.bucket!).toISOString(), n: r.n, congestion: r.c })),
    byRoad: rows
      .filter((r) => r.g === 2 && r.road_id !== '')
      .map((r) => ({ key: r.road_id!, n: r.n, congestion: r.c }))
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))
      .slice(0, 20),
  };
}

export interface HourTotals {
  /** The hour's start (ISO). */
  bucket: string;
  violations: number;
  events: number;
  congestion: number;
}

/**
 * Violations, AI events and congestion events per hour of a range (hours without any left out), from the per-area
 * hourly rollup; with a type filter the violations come from the typed hourly rollup instead. Hourly figures are
 * kept by area only: a road or camera filter is refused before this is asked.
 */
export async function hourlyTotals(q: Queryable, scope: Scope, f: RangeFilter): Promise<HourTotals[]> {
  const p = hourlyParams(scope, f);
  const [all, typed] = await Promise.all([
    q.query<{ hour: Date; v: number; e: number; c: number }>(
      `SELECT hour, sum(violations)::int AS v, sum(events)::int AS e, sum(congestion)::int AS c
       FROM dash_area_hourly WHERE ${AREA_HOURLY_WHERE} GROUP BY hour`,
      p.slice(0, 5),
    ),
    f.type === null
      ? Promise.resolve(null)
      : q.query<{ hour: Date; n: number }>(
          `SELECT hour, sum(total)::int AS n FROM dash_violations_hourly WHERE ${HOURLY_WHERE} GROUP BY hour`,
          p,
        ),
  ]);
  const out = new Map<number, HourTotals>();
  const at = (hour: Date) => {
    const t = new Date(hour).getTime();
    let r = out.get(t);
    if (!r) out.set(t, (r = { bucket: new Date(t).toISOString(), violations: 0, events: 0, congestion: 0 }));
    return r;
  };
  for (const r of all) {
    const h = at(r.hour);
    h.events = r.e;
    h.congestion = r.c;
    if (!typed) h.violations = r.v;
  }
  for (const r of typed ?? []) at(r.hour).violations = r.n;
  return [...out.values()];
}

/** Violations grouped by one dimension of the daily rollup, largest first. */
export async function violationsBy(
  q: Queryable,
  scope: Scope,
  f: RangeFilter,
  dimension: 'type' | 'road_id' | 'area_id' | 'camera_id',
  limit: number,
): Promise<Array<{ key: string; n: number }>> {
  return q.query<{ key: string; n: number }>(
    `SELECT ${dimension} AS key, sum(total)::int AS n FROM dash_violations_daily WHERE ${DAILY_WHERE}
     GROUP BY 1 HAVING sum(total) > 0 ORDER BY 2 DESC, 1 LIMIT $9`,
    [...params(scope, f, true), f.camera, limit],
  );
}

export interface EventTotalsRow {
  total: number;
  congestion: number;
}

/** The same between two instants, from the hourly rollup (the live corridors). */
export async function trafficByRoadSince(
  q: Queryable,
  scope: Scope,
  area: string | null,
  from: Date,
  to: Date,
): Promise<Array<{ key: string; n: number; congestion: number }>> {
  return q.query<{ key: string; n: number; congestion: number }>(
    `SELECT road_id AS key, sum(total)::int AS n,
            coalesce(sum(total) FILTER (WHERE type = 'congestion'), 0)::int AS congestion
     FROM dash_events_hourly WHERE ${EVENTS_HOURLY_WHERE} AND road_id <> ''
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
    [from.toISOString(), to.toISOString(), scope.maxTier, scope.areas, area, null],
  );
}

/** Events per minute since `from` (the live view). */
export async function eventsPerMinute(
  q: Queryable,
  scope: Scope,
  area: string | null,
  from: Date,
): Promise<Array<{ minute: Date; n: number }>> {
  return q.query<{ minute: Date; n: number }>(
    `SELECT minute, sum(total)::int AS n FROM dash_events_minute
     WHERE minute >= $1 AND tier <= $2 AND ($3::text[] IS NULL OR area_id = ANY($3::text[]))
       AND ($4::text IS NULL OR area_id = $4)
     GROUP BY minute`,
    [from.toISOString(), scope.maxTier, scope.areas, area],
  );
}

const AREA_SCOPE = `tier <= $1 AND ($2::text[] IS NULL OR area_id = ANY($2::text[])) AND ($3::text IS NULL OR area_id = $3)`;

/** Open alerts per priority: what was raised minus what was closed, over the whole rollup. */
export async function openAlerts(
  q: Queryable,
  scope: Scope,
  area: string | null,
): Promise<Array<{ priority: string; n: number }>> {
  return q.query<{ priority: string; n: number }>(
    `SELECT priority, sum(opened - closed)::int AS n FROM dash_alerts_hourly WHERE ${AREA_SCOPE} GROUP BY 1`,
    [scope.maxTier, scope.areas, area],
  );
}

/** Incidents not yet resolved, per type. */
export async function incidentsInProgress(
  q: Queryable,
  scope: Scope,
  area: string | null,
): Promise<Array<{ type: string; n: number }>> {
  return q.query<{ type: string; n: number }>(
    `SELECT type, sum(opened - closed)::int AS n FROM dash_incidents_hourly WHERE ${AREA_SCOPE} GROUP BY 1`,
    [scope.maxTier, scope.areas, area],
  );
}

const HOUR_RANGE_AREA = `hour >= $4::timestamptz AND hour < $5::timestamptz AND ${AREA_SCOPE}`;

export interface IncidentTotalsRow {
  opened: number;
  accidents: number;
  arrived: number;
  arrive_seconds_sum: number;
}

export async function incidentTotals(
  q: Queryable,
  scope: Scope,
  area: string | null,
  from: Date,
  to: Date,
): Promise<IncidentTotalsRow> {
  const rows = await q.query<IncidentTotalsRow>(
    `SELECT coalesce(sum(opened), 0)::int AS opened,
            coalesce(sum(opened) FILTER (WHERE type = 'accident'), 0)::int AS accidents,
            coalesce(sum(arrived), 0)::int AS arrived,
            coalesce(sum(arrive_seconds_sum), 0)::float8 AS arrive_seconds_sum
     FROM dash_incidents_hourly WHERE ${HOUR_RANGE_AREA}`,
    [scope.maxTier, scope.areas, area, from.toISOString(), to.toISOString()],
  );
  return rows[0] ?? { opened: 0, accidents: 0, arrived: 0, arrive_seconds_sum: 0 };
}

/** The response-time histogram (30-second buckets) over a range. */
export async function responseHistogram(
  q: Queryable,
  scope: Scope,
  area: string | null,
  from: Date,
  to: Date,
): Promise<Array<{ bucket: number; n: number }>> {
  return q.query<{ bucket: number; n: number }>(
    `SELECT bucket::int AS bucket, sum(n)::int AS n FROM dash_response_hist WHERE ${HOUR_RANGE_AREA}
     GROUP BY 1 ORDER BY 1`,
    [scope.maxTier, scope.areas, area, from.toISOString(), to.toISOString()],
  );
}

export async function sopCompliance(
  q: Queryable,
  scope: Scope,
  area: string | null,
  from: Date,
  to: Date,
): Promise<{ n: number; sum: number }> {
  const rows = await q.query<{ n: number; sum: number }>(
    `SELECT coalesce(sum(sop_n), 0)::int AS n, coalesce(sum(sop_sum), 0)::float8 AS sum
     FROM dash_alerts_hourly WHERE ${HOUR_RANGE_AREA}`,
    [scope.maxTier, scope.areas, area, from.toISOString(), to.toISOString()],
  );
  return rows[0] ?? { n: 0, sum: 0 };
}

/** Cameras now, per area and state (a current-state table of a few hundred rows). */
/**
 * The first local day the center kept an incident record: accidents are counted from there (before it, a period
 * has no data rather than zero accidents). Null while no incident was ever recorded.
 */
export async function firstIncidentDay(q: Queryable): Promise<string | null> {
  const rows = await q.query<{ day: string | null }>(
    `SELECT to_char(((min(hour) AT TIME ZONE 'UTC') + INTERVAL '7 hours')::date, 'YYYY-MM-DD') AS day
     FROM dash_incidents_hourly`,
  );
  return rows[0]?.day ?? null;
}

export async function camerasByAreaState(
  q: Queryable,
  scope: Scope,
  area: string | null,
): Promise<Array<{ area_id: string; state: string; n: number }>> {
  return q.query<{ area_id: string; state: string; n: number }>(
    `SELECT area_id, state, count(*)::int AS n FROM cameras
     WHERE ${cameraTier()} <= $1
       AND ($2::text[] IS NULL OR area_id = ANY($2::text[])) AND ($3::text IS NULL OR area_id = $3)
     GROUP BY 1, 2`,
    [scope.maxTier, scope.areas, area],
  );
}

export async function unitsByStatus(
  q: Queryable,
  scope: Scope,
  area: string | null,
): Promise<Array<{ status: string; n: number }>> {
  return q.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM units
     WHERE ($1::text[] IS NULL OR area_id = ANY($1::text[])) AND ($2::text IS NULL OR area_id = $2)
     GROUP BY 1`,
    [scope.areas, area],
  );
}

/** Road names by id, from the camera cache (a road's name is what its cameras say). */
export async function roadNames(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.query<{ road_id: string; road_name: string | null }>(
    `SELECT DISTINCT ON (road_id) road_id, road_name FROM cameras WHERE road_id IS NOT NULL ORDER BY road_id, road_name`,
  );
  return new Map(rows.map((r) => [r.road_id, r.road_name ?? r.road_id]));
}

export async function cameraNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; name: string }>(
    'SELECT id, name FROM cameras WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

const TARGET_KEYS = {
  coverageWardPct: 'coverage_ward_pct',
  coverageCommunePct: 'coverage_commune_pct',
  cameraAvailabilityPct: 'camera_availability_pct',
  reviewSlaHours: 'review_sla_hours',
  reviewedInSlaPct: 'reviewed_in_sla_pct',
  accidentBaselinePerYear: 'accident_baseline_per_year',
  accidentChangePct: 'accident_change_pct',
  responseAvgSeconds: 'response_avg_seconds',
  responseP90Seconds: 'response_p90_seconds',
  sopCompliancePct: 'sop_compliance_pct',
} as const;
export type TargetName = keyof typeof TARGET_KEYS;
export const TARGET_NAMES = Object.keys(TARGET_KEYS) as TargetName[];

export async function selectTargets(q: Queryable): Promise<Partial<Record<TargetName, number>>> {
  const rows = await q.query<{ key: string; value: number }>('SELECT key, value FROM kpi_targets');
  const byKey = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const out: Partial<Record<TargetName, number>> = {};
  for (const name of TARGET_NAMES) {
    const v = byKey.get(TARGET_KEYS[name]);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

export async function upsertTargets(
  q: Queryable,
  values: Record<TargetName, number>,
  by: string,
): Promise<void> {
  for (const name of TARGET_NAMES) {
    await q.query(
      `INSERT INTO kpi_targets (key, value, updated_at, updated_by) VALUES ($1, $2, now(), $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [TARGET_KEYS[name], values[name], by],
    );
  }
}
