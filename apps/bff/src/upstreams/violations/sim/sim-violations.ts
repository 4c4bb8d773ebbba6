import { violationTypeSchema, type Violation } from '@c2/api-client/schemas/violation';
import { analyticsEventInputSchema } from '@c2/api-client/schemas/event';
import type { AnalyticsMessage, AnalyticsPort } from '../../analytics/analytics-port';
import type { ViolationsPort } from '../violations-port';

const KEEP = 5000;

/**
 * The violation service of the simulated province: every plated violation event from the simulated edge AI
 * becomes a pending violation record with its evidence references, newest kept in memory.
 */
export function createSimViolations(
  analytics: AnalyticsPort,
  areaOf: (cameraId: string) => string | undefined,
): ViolationsPort {
  const records: Violation[] = [];
  const listeners = new Set<(v: Violation) => void>();
  let unsubscribe: (() => void) | null = null;

  async function onMessage(message: AnalyticsMessage): Promise<void> {
    const e = analyticsEventInputSchema.safeParse(message.body);
    if (!e.success || !e.data.plate) return;
    const type = violationTypeSchema.safeParse(e.data.type);
    const areaId = areaOf(e.data.cameraId);
    if (!type.success || !areaId) return;
    const speed = e.data.metadata.speedKmh;
    const limit = e.data.metadata.limitKmh;
    const v: Violation = {
      id: `vp-${e.data.id}`,
      eventId: e.data.id,
      cameraId: e.data.cameraId,
      areaId,
      type: type.data,
      plate: e.data.plate,
      plateConfidence: e.data.objects[0]?.confidence ?? 0.8,
      ts: e.data.ts,
      speedKmh: typeof speed === 'number' ? speed : null,
      limitKmh: typeof limit === 'number' ? limit : null,
      evidence: { images: [], clip: null, plateCrop: null },
      status: 'pending',
    };
    records.unshift(v);
    if (records.length > KEEP) records.length = KEEP;
    for (const l of listeners) l(v);
  }

  return {
    adapter: 'sim',
    async list({ status, limit }) {
      return records.filter((r) => !status || r.status === status).slice(0, limit);
    },
    async get(id) {
      return records.find((r) => r.id === id) ?? null;
    },
    onViolation(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      unsubscribe = analytics.onMessage(onMessage);
    },
    async stop() {
      unsubscribe?.();
    },
    async health() {
      return { ok: true, detail: `simulated violation service, ${records.length} records` };
    },
  };
}
