import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { Queryable, SqlParam } from '../../../platform/db';

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

/** Events received more than `lateAfterMs` after they happened are marked delayed. */
function toEvent(r: EventRow, lateAfterMs: number): AnalyticsEvent {
  const ts = new Date(r.ts);
  const receivedAt = new Date(r.received_at);
  return {
    id: r.id,
    cameraId: r.camera_id,
    areaId: r.area_id,
    type: r.type,
    severity: r.severity,
    ts: ts.toISOString(),
    receivedAt: receivedAt.toISOString(),
    objects: r.objects,
    plate: r.plate,
    snapshot: r.snapshot,
    metadata: r.metadata,
    delayed: receivedAt.getTime() - ts.getTime() > lateAfterMs,
  };
}

type NewEvent = Omit<AnalyticsEvent, 'receivedAt' | 'delayed'>;

/**
 * Stores events whose ids are not yet known, in one statement; returns those stored (duplicates are absent).
 * Within one batch a repeated id is stored once.
 */
export async function insertEvents(
  q: Queryable,
  events: NewEvent[],
  lateAfterMs: number,
): Promise<AnalyticsEvent[]> {
  if (events.length === 0) return [];
  const params: SqlParam[] = [];
  const rows = events.map((e) => {
    const base = params.length;
    params.push(e.id, e.cameraId, e.areaId, e.type, e.severity, e.ts, e.plate, e.snapshot);
    params.push(JSON.stringify(e.objects), JSON.stringify(e.metadata));
    const p = Array.from({ length: 10 }, (_, i) => `$${base + i + 1}`);
    return `(${p.slice(0, 8).join(', ')}, ${p[8]}::jsonb, ${p[9]}::jsonb)`;
  });
  const stored = await q.query<EventRow>(
    `INSERT INTO analytics_events (id, camera_id, area_id, type, severity, ts, plate, snapshot, objects, metadata)
     VALUES ${rows.join(', ')}
     ON CONFLICT (id) DO NOTHING RETURNING *`,
    params,
  );
  return stored.map((r) => toEvent(r, lateAfterMs));
}

/** Newest events the caller may see (clearance by the camera's classification, jurisdiction by area). */
export async function selectRecentEvents(
  q: Queryable,
  limit: number,
  maxTier: number,
  areas: string[] | null,
  lateAfterMs: number,
  cameraId: string | null = null,
): Promise<AnalyticsEvent[]> {
  const rows = await q.query<EventRow>(
    `SELECT e.* FROM analytics_events e JOIN cameras c ON c.id = e.camera_id
     WHERE (CASE c.classification WHEN 'secret' THEN 2 WHEN 'restricted' THEN 1 ELSE 0 END) <= $2
       AND ($3::text[] IS NULL OR e.area_id = ANY($3::text[]))
       AND ($4::text IS NULL OR e.camera_id = $4)
     ORDER BY e.ts DESC LIMIT $1`,
    [limit, maxTier, areas, cameraId],
  );
  return rows.map((r) => toEvent(r, lateAfterMs));
}
