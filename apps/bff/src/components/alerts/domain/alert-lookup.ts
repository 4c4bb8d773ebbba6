import type { Queryable } from '../../../platform/db';
import type { AlertLookup } from '../../incidents/domain/incident-service';
import { selectVisibleAlertRows } from '../data/alert-store';

/**
 * The alert engine as incidents see it: alerts by id within the caller's clearance and jurisdiction, so an
 * incident can be opened from alerts and link more of them.
 */
export function createAlertLookup(db: Queryable): AlertLookup {
  return {
    async find(ids, audience) {
      const rows = await selectVisibleAlertRows(db, ids, audience.maxTier, audience.areas);
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        type: r.type,
        priority: r.priority,
        areaId: r.area_id,
        tier: Math.min(2, Math.max(0, r.tier)) as 0 | 1 | 2,
        cameraId: r.camera_id,
        eventId: r.event_id,
        createdAt: new Date(r.created_at),
        reportedAt: new Date(r.event_ts ?? r.created_at),
      }));
    },
  };
}
