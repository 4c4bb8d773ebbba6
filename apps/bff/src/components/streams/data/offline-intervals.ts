import type { Queryable } from '../../../platform/db';

/**
 * When a camera was offline within [fromMs, toMs): from its status history (changes) and its current state (which
 * holds the state it started in). Before the first known state the camera counts as online. Intervals in ms.
 */
export async function selectOfflineIntervals(
  q: Queryable,
  cameraId: string,
  fromMs: number,
  toMs: number,
): Promise<Array<[number, number]>> {
  const from = new Date(fromMs);
  const to = new Date(toMs);
  const rows = await q.query<{ state: string; since: Date | string }>(
    `WITH changes AS (
       SELECT state, since FROM camera_status_history WHERE camera_id = $1
       UNION
       SELECT state, state_since FROM cameras WHERE id = $1
     )
     SELECT state, since FROM changes
     WHERE since < $3
       AND since >= COALESCE((SELECT max(since) FROM changes WHERE since <= $2), '-infinity'::timestamptz)
     ORDER BY since`,
    [cameraId, from, to],
  );
  const out: Array<[number, number]> = [];
  for (const [i, r] of rows.entries()) {
    if (r.state !== 'offline') continue;
    const start = Math.max(fromMs, new Date(r.since).getTime());
    const next = rows[i + 1];
    const end = Math.min(toMs, next ? new Date(next.since).getTime() : toMs);
    if (end > start) out.push([start, end]);
  }
  return out;
}
