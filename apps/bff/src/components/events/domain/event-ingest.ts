import { analyticsEventInputSchema } from '@c2/api-client/schemas/event';
import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { Metrics } from '../../../platform/metrics';
import type { EventLog } from '../../live/domain/event-log';
import type { CameraRef } from '../../cameras/domain/camera-service';
import { insertEvent } from '../data/event-store';

export type IngestOutcome =
  | { outcome: 'stored'; event: AnalyticsEvent }
  | { outcome: 'duplicate' }
  | { outcome: 'rejected'; reason: string };

/**
 * The door for analytics events: validate, attach jurisdiction from the camera, store once (idempotent by id),
 * append to the event log, publish. A bad message is rejected with a reason and counted; it never throws.
 */
export function createEventIngest(deps: {
  db: Db;
  eventLog: EventLog;
  cameraRef: (id: string) => CameraRef | undefined;
  metrics: Metrics;
  logger: Logger;
}) {
  const { db, eventLog, metrics, logger } = deps;

  function reject(source: string, reason: string): IngestOutcome {
    metrics.badInput.inc({ source: `analytics:${source.split(':')[0]}` });
    logger.warn({ source, reason }, 'analytics message rejected');
    return { outcome: 'rejected', reason };
  }

  return async function ingest(payload: unknown, source: string): Promise<IngestOutcome> {
    const parsed = analyticsEventInputSchema.safeParse(payload);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
        .join('; ');
      return reject(source, reason);
    }
    const input = parsed.data;
    const ref = deps.cameraRef(input.cameraId);
    if (!ref) return reject(source, `cameraId: unknown camera ${input.cameraId}`);
    const items = await db.tx(async (q) => {
      const event = await insertEvent(q, { ...input, areaId: ref.areaId });
      if (!event) return null;
      return {
        event,
        items: await eventLog.appendWithin(q, [
          { topic: 'event.new', areaId: ref.areaId, tier: ref.tier, data: event },
        ]),
      };
    });
    if (!items) {
      metrics.eventsIngested.inc({ outcome: 'duplicate' });
      return { outcome: 'duplicate' };
    }
    eventLog.publish(items.items);
    metrics.eventsIngested.inc({ outcome: 'stored' });
    return { outcome: 'stored', event: items.event };
  };
}
export type EventIngest = ReturnType<typeof createEventIngest>;
