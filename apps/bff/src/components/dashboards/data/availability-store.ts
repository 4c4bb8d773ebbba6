import type { Db, Queryable } from '../../../platform/db';
import type { Scope } from './dashboard-store';
import { cameraTier } from '../../cameras/data/camera-store';

/**
 * Camera availability from the status history (migration 083). A camera is observed while its state is known and
 * down while offline; `unknown` (the VMS did not answer) is neither, so an outage of the VMS is not counted against
 * the cameras. Closed days are written once to dash_camera_daily; the days after the last closed one are computed
 * from the history when asked.
 */

export interface AvailabilityRow {
  observed: number;
  down: number;
}

const TIER = cameraTier('c');

/**
 * Seconds observed and down per local day ($1..$2, both included, cut at $3), area and tier. A camera's state before
 * the span is its last history entry before it (one index probe per camera, never a scan of the whole history),
 * and the current state from the cameras table covers a camera whose history holds no entry yet.
 */
const PER_DAY_SQL = `WITH days AS (
    SELECT g::date AS day, (g::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS d0,
           least(((g::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'), $3::timestamptz) AS d1
    FROM generate_series($1::date, $2::date, interval '1 day') AS g
  ), span AS (
    SELECT min(d0) AS t0, max(d1) AS t1 FROM days
  ), ev AS (
    SELECT h.camera_id, h.state, h.since FROM camera_status_history h, span
    WHERE h.since >= span.t0 AND h.since < span.t1
    UNION
    SELECT c.id, p.state, p.since FROM cameras c CROSS JOIN span
    CROSS JOIN LATERAL (SELECT h.state, h.since FROM camera_status_history h
                        WHERE h.camera_id = c.id AND h.since < span.t0
                        ORDER BY h.since DESC, h.id DESC LIMIT 1) p
    UNION
    SELECT c.id, c.state, c.state_since FROM cameras c, span WHERE c.state_since < span.t1
  ), iv AS (
    SELECT camera_id, state, since AS s,
           coalesce(lead(since) OVER (PARTITION BY camera_id ORDER BY since), (SELECT t1 FROM span)) AS e
    FROM ev
  ), part AS (
    SELECT days.day, iv.camera_id, iv.state,
           extract(epoch FROM least(iv.e, days.d1) - greatest(iv.s, days.d0))::float8 AS secs
    FROM iv JOIN days ON iv.s < days.d1 AND iv.e > days.d0 AND iv.e > iv.s
  )
  SELECT part.day, c.area_id, ${TIER} AS tier,
         sum(secs) FILTER (WHERE part.state <> 'unknown') AS observed,
         coalesce(sum(secs) FILTER (WHERE part.state = 'offline'), 0) AS down
  FROM part JOIN cameras c ON c.id = part.camera_id
  GROUP BY 1, 2, 3
  HAVING sum(secs) FILTER (WHERE part.state <> 'unknown') > 0`;

/** The last local day written to dash_camera_daily (null: none yet). */
async function closedThrough(q: Queryable, lock: boolean): Promise<string | null> {
  const rows = await q.query<{ through: string | null }>(
    `SELECT to_char(through, 'YYYY-MM-DD') AS through FROM dash_rollup_marks WHERE name = 'camera_daily'
     ${lock ? 'FOR UPDATE' : ''}`,
  );
  return rows[0]?.through ?? null;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes the days after the last closed one, up to `through` (a day that has ended), at most `maxDays` of them in
 * one transaction; returns how many were written (0: up to date). Two instances doing it at once take turns on
 * the mark row, and the second finds nothing left to do.
 */
export async function closeCameraDays(db: Db, through: string, maxDays = 31): Promise<number> {
  return db.tx(async (tx) => {
    const mark = await closedThrough(tx, true);
    let from: string;
    if (mark) from = nextDay(mark);
    else {
      // Nothing closed yet: start on the first day anything was known of a camera.
      const [first] = await tx.query<{ day: string | null }>(
        `SELECT to_char(((min(t) AT TIME ZONE 'UTC') + INTERVAL '7 hours')::date, 'YYYY-MM-DD') AS day FROM (
           SELECT min(since) AS t FROM camera_status_history UNION ALL SELECT min(state_since) FROM cameras) x`,
      );
      if (!first?.day) return 0;
      from = first.day;
    }
    if (from > through) return 0;
    let to = from;
    for (let i = 1; i < maxDays && to < through; i++) to = nextDay(to);
    await tx.query(
      `INSERT INTO dash_camera_daily (day, area_id, tier, observed, down)
       ${PER_DAY_SQL}
       ON CONFLICT (day, area_id, tier) DO UPDATE SET observed = EXCLUDED.observed, down = EXCLUDED.down`,
      [from, to, `${nextDay(to)}T00:00:00+07:00`],
    );
    await tx.query(`UPDATE dash_rollup_marks SET through = $1::date WHERE name = 'camera_daily'`, [to]);
    return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  });
}

// The scope's three parameters (tier, areas, area), numbered from $n.
const scopeWhere = (n: number) =>
  `tier <= $${n} AND ($${n + 1}::text[] IS NULL OR area_id = ANY($${n + 1}::text[])) AND ($${n + 2}::text IS NULL OR area_id = $${n + 2})`;

/** Seconds observed and down over local days `fromDay`..`toDay` within a scope, up to `now`, from the history. */
export async function availabilityFromHistory(
  q: Queryable,
  scope: Scope,
  area: string | null,
  fromDay: string,
  toDay: string,
  now: Date,
): Promise<AvailabilityRow> {
  const rows = await q.query<AvailabilityRow>(
    `SELECT coalesce(sum(observed), 0)::float8 AS observed, coalesce(sum(down), 0)::float8 AS down
     FROM (${PER_DAY_SQL}) d WHERE ${scopeWhere(4)}`,
    [fromDay, toDay, now.toISOString(), scope.maxTier, scope.areas, area],
  );
  return rows[0] ?? { observed: 0, down: 0 };
}

/**
 * Seconds observed and down over local days `fromDay`..`toDay` within a scope, up to `now`: closed days from the
 * rollup, the days after them (today, or a backlog the job has not reached yet) from the history.
 */
export async function cameraAvailability(
  q: Queryable,
  scope: Scope,
  area: string | null,
  fromDay: string,
  toDay: string,
  now: Date,
): Promise<AvailabilityRow> {
  const mark = await closedThrough(q, false);
  const closedTo = mark && mark < toDay ? mark : toDay;
  const none = Promise.resolve({ observed: 0, down: 0 });
  const [closed, open] = await Promise.all([
    mark && fromDay <= closedTo
      ? q
          .query<AvailabilityRow>(
            `SELECT coalesce(sum(observed), 0)::float8 AS observed, coalesce(sum(down), 0)::float8 AS down
             FROM dash_camera_daily WHERE day BETWEEN $4::date AND $5::date AND ${scopeWhere(1)}`,
            [scope.maxTier, scope.areas, area, fromDay, closedTo],
          )
          .then((r) => r[0] ?? { observed: 0, down: 0 })
      : none,
    !mark || mark < toDay
      ? availabilityFromHistory(q, scope, area, mark && mark >= fromDay ? nextDay(mark) : fromDay, toDay, now)
      : none,
  ]);
  return { observed: closed.observed + open.observed, down: closed.down + open.down };
}
