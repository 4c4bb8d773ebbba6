import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { Queryable } from '../../../platform/db';

interface EventRow {
  id: string;
  camera_id: string;
  area_id: string;
  type: AnalyticsEvent['type'];
  severity: AnalyticsEvent['severity'];
  ts: Date;
  received_at: Date;
  plate: string | null;
  snapshot: string | null;
  objects: AnalyticsEvent['objects'];
  metadata: Record<string, unknown>;
}

function toEvent(r: EventRow): AnalyticsEvent {
  return {
    id: r.id,
    cameraId: r.camera_id,
    areaId: r.area_id,
    type: r.type,
    severity: r.severity,
    ts: new Date(r.ts).toISOString(),
    receivedAt: new Date(r.received_at).toISOString(),
    objects: r.objects,
    plate: r.plate,
    snapshot: r.snapshot,
    metadata: r.metadata,
  };
}

/** Stores an event unless its id is already known; returns the stored event, or null for a duplicate. */
export async function insertEvent(
  q: Queryable,
  e: Omit<AnalyticsEvent, 'receivedAt'>,
): Promise<AnalyticsEvent | null> {
  const rows = await q.query<EventRow>(
    `INSERT INTO analytics_events (id, camera_id, area_id, type, severity, ts, plate, snapshot, objects, metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb)
     ON CONFLICT (id) DO NOTHING RETURNING *`,
    [
      e.id,
      e.cameraId,
      e.areaId,
      e.type,
      e.severity,
      e.ts,
      e.plate,
      e.snapshot,
      JSON.stringify(e.objects),
      JSON.stringify(e.metadata),
    ],
  );
  return rows[0] ? toEvent(rows[0]) : null;
}

/** Newest events the caller may see (clearance by the camera's classification, jurisdiction by area). */
export async function selectRecentEvents(
  q: Queryable,
  limit: number,
  maxTier: number,
  areas: string[] | null,
): Promise<AnalyticsEvent[]> {
  const rows = await q.query<EventRow>(
    `SELECT e.* FROM analytics_events e JOIN cameras c ON c.id = e.camera_id
     WHERE (CASE c.classification WHEN 'secret' THEN 2 WHEN 'restricted' THEN 1 ELSE 0 END) <= $2
       AND ($3::text[] IS NULL OR e.area_id = ANY($3::text[]))
     ORDER BY e.ts DESC LIMIT $1`,
    [limit, maxTier, areas],
  );
  return rows.map(toEvent);
}
