import type { ImageQuality } from '@c2/api-client/schemas/device';
import type { Queryable } from '../../../platform/db';

export interface QualityRow {
  camera_id: string;
  state: object;
}

/** Gives every camera a schedule, first checks spread over one interval so they do not all fall at once. */
export async function ensureScheduled(
  q: Queryable,
  cameraIds: readonly string[],
  intervalSeconds: number,
): Promise<void> {
  for (let i = 0; i < cameraIds.length; i += 5000) {
    await q.query(
      `INSERT INTO camera_quality (camera_id, next_check_at)
       SELECT id, now() + make_interval(secs => random() * $2) FROM unnest($1::text[]) AS id
       ON CONFLICT (camera_id) DO NOTHING`,
      [cameraIds.slice(i, i + 5000), intervalSeconds],
    );
  }
}

/**
 * Claims up to `limit` cameras whose check is due, oldest first, pushing their schedule out by a lease: another
 * instance skips them (SKIP LOCKED, then the lease), and if this one dies they come due again after the lease.
 */
export async function claimDue(q: Queryable, limit: number, leaseSeconds: number): Promise<QualityRow[]> {
  return q.query<QualityRow>(
    `UPDATE camera_quality SET next_check_at = now() + make_interval(secs => $2)
     WHERE camera_id IN (
       SELECT camera_id FROM camera_quality WHERE next_check_at <= now()
       ORDER BY next_check_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING camera_id, state`,
    [limit, leaseSeconds],
  );
}

export async function saveCheck(
  q: Queryable,
  cameraId: string,
  state: object,
  result: ImageQuality | null,
  nextInSeconds: number,
): Promise<void> {
  await q.query(
    `UPDATE camera_quality SET state = $2::jsonb, next_check_at = now() + make_interval(secs => $3),
       last_check_at = CASE WHEN $4::jsonb IS NULL THEN last_check_at ELSE now() END,
       last_result = coalesce($4::jsonb, last_result)
     WHERE camera_id = $1`,
    [cameraId, JSON.stringify(state), nextInSeconds, result === null ? null : JSON.stringify(result)],
  );
}

/** Cameras overdue by more than an interval: the sampling budget does not cover the province. */
export async function countOverdue(q: Queryable, intervalSeconds: number): Promise<number> {
  const rows = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM camera_quality WHERE next_check_at < now() - make_interval(secs => $1)',
    [intervalSeconds],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Brings the image check of these cameras forward to now, unless one ran in the last `minAgeSeconds` (so a camera
 * whose stream stays odd is not re-checked at every reading).
 */
export async function expedite(
  q: Queryable,
  cameraIds: readonly string[],
  minAgeSeconds: number,
): Promise<number> {
  if (cameraIds.length === 0) return 0;
  const rows = await q.query<{ camera_id: string }>(
    `UPDATE camera_quality SET next_check_at = now()
     WHERE camera_id = ANY($1::text[]) AND next_check_at > now()
       AND (last_check_at IS NULL OR last_check_at < now() - make_interval(secs => $2))
     RETURNING camera_id`,
    [cameraIds, minAgeSeconds],
  );
  return rows.length;
}
