import type { AnalyticsEvent, EventFilter } from '@c2/api-client/schemas/event';
import type { Queryable, SqlParam } from '../../../platform/db';
import { cameraTier } from '../../cameras/data/camera-store';

export interface EventRow {
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
export function toEvent(r: EventRow, lateAfterMs: number): AnalyticsEvent {
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
export async function selectEventPage(
  q: Queryable,
  query: {
    filter: EventFilter;
    /** Older than this (event time, id); null: from the newest. */
    before: { ts: string; id: string } | null;
    limit: number;
    maxTier: number;
    areas: string[] | null;
  },
  lateAfterMs: number,
): Promise<AnalyticsEvent[]> {
  const { filter, before } = query;
  const rows = await q.query<EventRow>(
    `SELECT e.* FROM analytics_events e JOIN cameras c ON c.id = e.camera_id
     WHERE ${cameraTier('c')} <= $2
       AND ($3::text[] IS NULL OR e.area_id = ANY($3::text[]))
       AND (cardinality($4::text[]) = 0 OR e.type = ANY($4::text[]))
       AND (cardinality($5::text[]) = 0 OR e.severity = ANY($5::text[]))
       AND ($6::text IS NULL OR e.area_id = $6)
       AND ($7::text IS NULL OR e.camera_id = $7)
       AND ($8::timestamptz IS NULL OR (e.ts, e.id) < ($8::timestamptz, $9::text))
     ORDER BY e.ts DESC, e.id DESC LIMIT $1`,
    [
      query.limit,
      query.maxTier,
      query.areas,
      filter.types,
      filter.severities,
      filter.areaId,
      filter.cameraId,
      before?.ts ?? null,
      before?.id ?? null,
    ],
  );
  return rows.map((r) => toEvent(r, lateAfterMs));
}
