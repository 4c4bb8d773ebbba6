import type { NearestCamera } from '@c2/api-client/schemas/camera';
import type { ViolationHeat } from '@c2/api-client/schemas/map';
import type { Queryable } from '../../../platform/db';
import { VISIBLE, cameraTier, toCamera, type CameraRow } from '../../cameras/data/camera-store';

/** Mean Earth radius (IUGG), metres. */
const EARTH_M = 6371008.8;

/**
 * The cameras nearest a point among those the caller may see, by great-circle distance (haversine). A full scan
 * of the camera table: 10,000 rows cost about a millisecond, less than keeping a spatial index in step.
 */
export async function selectNearestCameras(
  q: Queryable,
  at: { lng: number; lat: number },
  limit: number,
  maxDistanceM: number | null,
  maxTier: number,
  areas: string[] | null,
): Promise<NearestCamera[]> {
  const rows = await q.query<CameraRow & { distance_m: number }>(
    `SELECT * FROM (
       SELECT *, ${EARTH_M} * 2 * asin(sqrt(
         power(sin(radians(lat - $4) / 2), 2) +
         cos(radians($4)) * cos(radians(lat)) * power(sin(radians(lng - $3) / 2), 2))) AS distance_m
       FROM cameras WHERE ${VISIBLE}) AS c
     WHERE $6::float8 IS NULL OR distance_m <= $6
     ORDER BY distance_m, id LIMIT $5`,
    [maxTier, areas, at.lng, at.lat, limit, maxDistanceM],
  );
  return rows.map((r) => ({ ...toCamera(r), distanceM: Math.round(r.distance_m * 10) / 10 }));
}

/**
 * Violation events per camera in [from, to), for the heatmap: analytics events of violation types joined with
 * the location of cameras the caller may see. Uses the (ts) index for the range.
 */
export async function selectViolationHeat(
  q: Queryable,
  range: { from: Date; to: Date },
  types: readonly string[],
  maxTier: number,
  areas: string[] | null,
): Promise<Pick<ViolationHeat, 'points' | 'byType' | 'total'>> {
  const rows = await q.query<{ camera_id: string; lng: number; lat: number; type: string; n: number }>(
    `SELECT e.camera_id, c.lng, c.lat, e.type, count(*)::int AS n
     FROM analytics_events e JOIN cameras c ON c.id = e.camera_id
     WHERE e.ts >= $3 AND e.ts < $4 AND e.type = ANY($5::text[])
       AND ${cameraTier('c')} <= $1
       AND ($2::text[] IS NULL OR c.area_id = ANY($2::text[]))
     GROUP BY e.camera_id, c.lng, c.lat, e.type`,
    [maxTier, areas, range.from.toISOString(), range.to.toISOString(), types],
  );
  const byCamera = new Map<string, { cameraId: string; lng: number; lat: number; count: number }>();
  const byType: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    const point = byCamera.get(r.camera_id) ?? { cameraId: r.camera_id, lng: r.lng, lat: r.lat, count: 0 };
    point.count += r.n;
    byCamera.set(r.camera_id, point);
    byType[r.type] = (byType[r.type] ?? 0) + r.n;
    total += r.n;
  }
  return { points: [...byCamera.values()].sort((a, b) => b.count - a.count), byType, total };
}
