import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { Queryable } from '../../../platform/db';
import { toEvent, type EventRow } from '../../events/data/event-store';
import { cameraTier } from '../../cameras/data/camera-store';

/**
 * Stored AI events by id, mapped exactly as the ingest mapped them when it signed them (the events component's own
 * mapper), within the caller's clearance and jurisdiction. `delayed` is irrelevant here (not signed).
 */
export async function selectEventsByIds(
  q: Queryable,
  ids: readonly string[],
  scope: { maxTier: number; areas: string[] | null },
): Promise<AnalyticsEvent[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<EventRow>(
    `SELECT e.* FROM analytics_events e JOIN cameras c ON c.id = e.camera_id
     WHERE e.id = ANY($1::text[])
       AND ${cameraTier('c')} <= $2
       AND ($3::text[] IS NULL OR e.area_id = ANY($3::text[]))`,
    [ids, scope.maxTier, scope.areas],
  );
  return rows.map((r) => toEvent(r, Number.MAX_SAFE_INTEGER));
}
