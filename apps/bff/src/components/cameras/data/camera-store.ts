import type { Camera, CameraStatus, CameraSummary } from '@c2/api-client/schemas/camera';
import type { Queryable } from '../../../platform/db';
import type { VmsCamera } from '../../../upstreams/vms/vms-port';

export interface CameraRow {
  id: string;
  code: string;
  name: string;
  kind: Camera['kind'];
  lng: number;
  lat: number;
  bearing: number;
  road_id: string | null;
  road_name: string | null;
  area_id: string;
  area_name: string;
  owner: string;
  classification: Camera['classification'];
  streams: Camera['streams'];
  state: CameraStatus['state'];
  state_since: Date;
  state_reason: string | null;
}

export function toCamera(r: CameraRow): Camera {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    location: { lng: r.lng, lat: r.lat },
    bearing: r.bearing,
    roadId: r.road_id,
    roadName: r.road_name,
    areaId: r.area_id,
    areaName: r.area_name,
    owner: r.owner,
    classification: r.classification,
    streams: r.streams,
    status: {
      cameraId: r.id,
      state: r.state,
      since: new Date(r.state_since).toISOString(),
      reason: r.state_reason,
    },
  };
}

/**
 * The clearance tier a camera's classification needs, in SQL (`tierOf` of live/domain/audience): 0 public,
 * 1 restricted, 2 secret. `alias` names the cameras table in the query, when it has one.
 */
export function cameraTier(alias?: string): string {
  return `(CASE ${alias ? `${alias}.` : ''}classification WHEN 'secret' THEN 2 WHEN 'restricted' THEN 1 ELSE 0 END)`;
}

/** Visibility filter shared by list and get: clearance tier ($1) and jurisdiction ($2). */
export const VISIBLE = `${cameraTier()} <= $1
  AND ($2::text[] IS NULL OR area_id = ANY($2::text[]))`;

export async function selectCameras(
  q: Queryable,
  maxTier: number,
  areas: string[] | null,
): Promise<Camera[]> {
  const rows = await q.query<CameraRow>(`SELECT * FROM cameras WHERE ${VISIBLE} ORDER BY id`, [
    maxTier,
    areas,
  ]);
  return rows.map(toCamera);
}

export async function selectCamera(
  q: Queryable,
  id: string,
  maxTier: number,
  areas: string[] | null,
): Promise<Camera | null> {
  const rows = await q.query<CameraRow>(`SELECT * FROM cameras WHERE ${VISIBLE} AND id = $3`, [
    maxTier,
    areas,
    id,
  ]);
  return rows[0] ? toCamera(rows[0]) : null;
}

export async function selectSummary(
  q: Queryable,
  maxTier: number,
  areas: string[] | null,
): Promise<CameraSummary> {
  const rows = await q.query<{ state: string; n: number }>(
    `SELECT state, count(*)::int AS n FROM cameras WHERE ${VISIBLE} GROUP BY state`,
    [maxTier, areas],
  );
  const by = Object.fromEntries(rows.map((r) => [r.state, r.n]));
  const online = by.online ?? 0;
  const offline = by.offline ?? 0;
  const degraded = by.degraded ?? 0;
  const unknown = by.unknown ?? 0;
  return { total: online + offline + degraded + unknown, online, offline, degraded, unknown };
}

/** Current state of every camera, to compare with what the VMS says at start-up. */
export async function selectStates(q: Queryable): Promise<Map<string, { state: string; since: Date }>> {
  const rows = await q.query<{ id: string; state: string; state_since: Date }>(
    'SELECT id, state, state_since FROM cameras',
  );
  return new Map(rows.map((r) => [r.id, { state: r.state, since: new Date(r.state_since) }]));
}

/** Inserts or refreshes the descriptive part of cameras (not their status), in chunks of one statement each. */
export async function upsertCameras(
  q: Queryable,
  cameras: readonly VmsCamera[],
  initial: ReadonlyMap<string, CameraStatus>,
): Promise<void> {
  for (let i = 0; i < cameras.length; i += 1000) {
    const chunk = cameras.slice(i, i + 1000);
    // A new camera's first state opens its status history (availability is measured from it).
    await q.query(
      `WITH up AS (
       INSERT INTO cameras (id, code, name, kind, lng, lat, bearing, road_id, road_name, area_id, area_name, owner,
                            classification, streams, state, state_since, state_reason)
       SELECT id, code, name, kind, lng, lat, bearing, road_id, road_name, area_id, area_name, owner, classification,
              streams::jsonb, state, state_since, state_reason
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::float8[],
                            $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                            $15::text[], $16::timestamptz[], $17::text[])
         AS x(id, code, name, kind, lng, lat, bearing, road_id, road_name, area_id, area_name, owner, classification,
              streams, state, state_since, state_reason)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, kind = EXCLUDED.kind,
         lng = EXCLUDED.lng, lat = EXCLUDED.lat, bearing = EXCLUDED.bearing, road_id = EXCLUDED.road_id,
         road_name = EXCLUDED.road_name, area_id = EXCLUDED.area_id, area_name = EXCLUDED.area_name,
         owner = EXCLUDED.owner, classification = EXCLUDED.classification, streams = EXCLUDED.streams,
         updated_at = now()
       RETURNING id, state, state_since, state_reason, xmax = 0 AS inserted)
       INSERT INTO camera_status_history (camera_id, state, since, reason)
       SELECT id, state, state_since, state_reason FROM up WHERE inserted`,
      [
        chunk.map((c) => c.id),
        chunk.map((c) => c.code),
        chunk.map((c) => c.name),
        chunk.map((c) => c.kind),
        chunk.map((c) => c.location.lng),
        chunk.map((c) => c.location.lat),
        chunk.map((c) => c.bearing),
        chunk.map((c) => c.roadId) as string[],
        chunk.map((c) => c.roadName) as string[],
        chunk.map((c) => c.areaId),
        chunk.map((c) => c.areaName),
        chunk.map((c) => c.owner),
        chunk.map((c) => c.classification),
        chunk.map((c) => JSON.stringify(c.streams)),
        chunk.map((c) => initial.get(c.id)?.state ?? 'online'),
        chunk.map((c) => initial.get(c.id)?.since ?? new Date().toISOString()),
        chunk.map((c) => initial.get(c.id)?.reason ?? null) as string[],
      ],
    );
  }
}

/** Applies status changes and records them in the status history. */
export async function applyStatuses(q: Queryable, changes: readonly CameraStatus[]): Promise<void> {
  if (changes.length === 0) return;
  const args = [
    changes.map((c) => c.cameraId),
    changes.map((c) => c.state),
    changes.map((c) => c.since),
    changes.map((c) => c.reason) as string[],
  ];
  await q.query(
    `UPDATE cameras c SET state = x.state, state_since = x.since, state_reason = x.reason, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) AS x(id, state, since, reason)
     WHERE c.id = x.id`,
    args,
  );
  await q.query(
    `INSERT INTO camera_status_history (camera_id, state, since, reason)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[])`,
    args,
  );
}
