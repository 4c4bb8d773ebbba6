import type { UnitPositionFrame } from '@c2/api-client/schemas/unit';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { GpsFix, UnitsPort } from '../../../upstreams/units/units-port';
import { selectUnits, updatePositions, upsertRoster } from '../data/unit-store';

const PERSIST_EVERY_MS = 5000;

/**
 * Field units: the roster from the field system, and GPS fixes pushed live as ephemeral frames. Positions are
 * written to the database in one batched statement every few seconds (the newest fix per unit), not per fix.
 */
export function createUnitTracker(deps: {
  db: Db;
  units: UnitsPort;
  logger: Logger;
  pushPositions: (fixes: { areaId: string; frame: UnitPositionFrame }[]) => void;
}) {
  const { db, units, logger } = deps;
  const areaOf = new Map<string, string>();
  const latest = new Map<string, GpsFix>();
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let persisting: Promise<void> = Promise.resolve();

  function persist(): Promise<void> {
    const batch = [...latest.values()];
    latest.clear();
    persisting = persisting
      .then(() => updatePositions(db, batch))
      .catch((err: unknown) => logger.warn({ err }, 'unit positions not persisted'));
    return persisting;
  }

  return {
    async start(): Promise<void> {
      const roster = await units.listUnits();
      await upsertRoster(db, roster);
      for (const u of roster) areaOf.set(u.id, u.areaId);
      unsubscribe = units.onFixes((fixes) => {
        const frames: { areaId: string; frame: UnitPositionFrame }[] = [];
        for (const f of fixes) {
          const areaId = areaOf.get(f.unitId);
          if (!areaId) continue;
          latest.set(f.unitId, f);
          frames.push({
            areaId,
            frame: [f.unitId, f.lng, f.lat, Math.round(f.heading), Math.round(f.speedKmh)],
          });
        }
        deps.pushPositions(frames);
      });
      timer = setInterval(() => void persist(), PERSIST_EVERY_MS);
      timer.unref();
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      if (timer) clearInterval(timer);
      await persist();
    },
    list: (areas: string[] | null) => selectUnits(db, areas),
  };
}
export type UnitTracker = ReturnType<typeof createUnitTracker>;
