import type { Role } from '@c2/api-client/schemas/role';
import type { Unit, UnitPositionFrame } from '@c2/api-client/schemas/unit';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { Point } from '../../../upstreams/units/routing-port';
import type { GpsFix, UnitRoster, UnitsPort } from '../../../upstreams/units/units-port';
import { linkFieldAccounts, selectUnits, updatePositions, upsertRoster } from '../data/unit-store';

const PERSIST_EVERY_MS = 5000;

/** A seeded account for a unit's crew: username is the radio call sign in lower case (csgt-07). */
export interface FieldAccount {
  username: string;
  displayName: string;
  role: Role;
  areas: string[];
  unitId: string;
}

export function fieldAccountsFor(roster: readonly UnitRoster[]): FieldAccount[] {
  return roster.map((u) => ({
    username: u.callSign.toLowerCase(),
    displayName: `${u.callSign} – ${u.name}`,
    role: 'field',
    areas: [u.areaId],
    unitId: u.id,
  }));
}

/**
 * Field units: the roster from the field system, and GPS fixes pushed live as ephemeral frames. Positions are
 * written to the database in one batched statement every few seconds (the newest fix per unit), not per fix;
 * the newest fix of each unit is also kept in memory for dispatch, which needs it fresher than that.
 */
export function createUnitTracker(deps: {
  db: Db;
  units: UnitsPort;
  logger: Logger;
  pushPositions: (fixes: { areaId: string; frame: UnitPositionFrame }[]) => void;
}) {
  const { db, units, logger } = deps;
  const areaOf = new Map<string, string>();
  const pending = new Map<string, GpsFix>();
  const newest = new Map<string, GpsFix>();
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let persisting: Promise<void> = Promise.resolve();

  function persist(): Promise<void> {
    const batch = [...pending.values()];
    pending.clear();
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
          pending.set(f.unitId, f);
          newest.set(f.unitId, f);
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
    /** Where the unit is: its newest fix in memory, else the last one the database kept. */
    positionOf(unit: Unit): Point | null {
      const f = newest.get(unit.id);
      if (f) return [f.lng, f.lat];
      return unit.position ? [unit.position.lng, unit.position.lat] : null;
    },
    /** The roster's crew accounts to seed, and linking them (by username) to their units once created. */
    async fieldAccounts(): Promise<FieldAccount[]> {
      return fieldAccountsFor(await units.listUnits());
    },
    linkFieldAccounts: (accounts: readonly FieldAccount[]) =>
      linkFieldAccounts(
        db,
        accounts.map((a) => ({ username: a.username, unitId: a.unitId })),
      ),
  };
}
export type UnitTracker = ReturnType<typeof createUnitTracker>;
