import type { CameraStatus } from '@c2/api-client/schemas/camera';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { VmsPort } from '../../../upstreams/vms/vms-port';
import type { EventLog, ChangeOf } from '../../live/domain/event-log';
import { tierOf, type Audience, type Tier } from '../../live/domain/audience';
import {
  applyStatuses,
  selectCamera,
  selectCameras,
  selectStates,
  selectSummary,
  upsertCameras,
} from '../data/camera-store';

export interface CameraRef {
  areaId: string;
  tier: Tier;
}

/**
 * Keeps the console's camera cache in step with the VMS: the camera list at start, then every status change,
 * each stored with its history and appended to the event log before consoles hear of it.
 */
export function createCameraService(deps: { db: Db; vms: VmsPort; eventLog: EventLog; logger: Logger }) {
  const { db, vms, eventLog, logger } = deps;
  const index = new Map<string, CameraRef>();
  // Status batches are applied one after another so the log keeps the VMS's order.
  let queue: Promise<void> = Promise.resolve();
  let unsubscribe: (() => void) | null = null;

  async function applyChanges(changes: CameraStatus[]): Promise<void> {
    const known = changes.filter((c) => index.has(c.cameraId));
    if (known.length === 0) return;
    const items = await db.tx(async (q) => {
      await applyStatuses(q, known);
      const logChanges: ChangeOf<'camera.status'>[] = known.map((c) => {
        const ref = index.get(c.cameraId)!;
        return {
          topic: 'camera.status',
          areaId: ref.areaId,
          tier: ref.tier,
          data: c,
          coalesceKey: c.cameraId,
        };
      });
      return eventLog.appendWithin(q, logChanges);
    });
    eventLog.publish(items);
  }

  return {
    /** Loads the camera list and reconciles statuses with what the database remembers. */
    async start(): Promise<void> {
      const [cameras, statuses, remembered] = await Promise.all([
        vms.listCameras(),
        vms.currentStatuses(),
        selectStates(db),
      ]);
      const byId = new Map(statuses.map((s) => [s.cameraId, s]));
      // Keep the remembered `since` when the state did not change while we were down.
      const initial = new Map<string, CameraStatus>();
      const changed: CameraStatus[] = [];
      for (const cam of cameras) {
        const now = byId.get(cam.id) ?? {
          cameraId: cam.id,
          state: 'online',
          since: new Date().toISOString(),
          reason: null,
        };
        const before = remembered.get(cam.id);
        if (before && before.state === now.state)
          initial.set(cam.id, { ...now, since: before.since.toISOString() });
        else {
          initial.set(cam.id, now);
          if (before) changed.push(now);
        }
        index.set(cam.id, { areaId: cam.areaId, tier: tierOf(cam.classification) });
      }
      await upsertCameras(db, cameras, initial);
      if (changed.length > 0) await applyChanges(changed);
      unsubscribe = vms.onStatusChange((batch) => {
        queue = queue
          .then(() => applyChanges(batch))
          .catch((err: unknown) => logger.error({ err }, 'camera status batch not applied'));
      });
      logger.info({ cameras: cameras.length, changedWhileDown: changed.length }, 'cameras synchronised');
    },

    async stop(): Promise<void> {
      unsubscribe?.();
      await queue;
    },

    ref: (cameraId: string): CameraRef | undefined => index.get(cameraId),
    list: (a: Audience) => selectCameras(db, a.maxTier, a.areas),
    get: (id: string, a: Audience) => selectCamera(db, id, a.maxTier, a.areas),
    summary: (a: Audience) => selectSummary(db, a.maxTier, a.areas),
  };
}
export type CameraService = ReturnType<typeof createCameraService>;
