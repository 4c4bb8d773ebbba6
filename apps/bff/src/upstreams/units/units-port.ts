import type { Unit, UnitStatus } from '@c2/api-client/schemas/unit';
import type { Upstream } from '../upstream-health';
import type { Point } from './routing-port';

/** A field unit's roster entry as the field system knows it (status and position are the console's own). */
export type UnitRoster = Pick<Unit, 'id' | 'callSign' | 'name' | 'vehicle' | 'members' | 'areaId'>;

export interface GpsFix {
  unitId: string;
  lng: number;
  lat: number;
  heading: number;
  speedKmh: number;
  ts: Date;
}

/**
 * What a unit is doing now, as the console tells the unit's vehicle terminal after every change: a real terminal
 * shows the destination to the crew; the simulator drives there. `crewActed` says a person of the crew has taken
 * the assignment in the field view (so a simulated crew must not act for them).
 */
export type UnitTask =
  | { kind: 'patrol' }
  | {
      kind: 'respond';
      incidentId: string;
      to: Point;
      stage: 'assigned' | 'en_route' | 'on_scene';
      crewActed: boolean;
    }
  | { kind: 'return' }
  | { kind: 'stand_down' };

/** A status button pressed on a vehicle terminal (or by a simulated crew); validated like any other change. */
export interface StatusReport {
  unitId: string;
  status: UnitStatus;
  at: Date;
  /** What reported it, e.g. "terminal" or "sim-crew". */
  source: string;
}

/** Field units (tổ công tác): roster, GPS and terminal status from the field app or journey-monitoring devices. */
export interface UnitsPort extends Upstream {
  listUnits(): Promise<UnitRoster[]>;
  onFixes(listener: (fixes: GpsFix[]) => void): () => void;
  /** Tells the unit's terminal what it is doing now; adapters without a terminal ignore it. */
  sendTask(unitId: string, task: UnitTask): void;
  onStatusReports(listener: (report: StatusReport) => void): () => void;
}
