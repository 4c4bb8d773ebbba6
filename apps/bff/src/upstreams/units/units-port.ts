import type { Unit } from '@c2/api-client/schemas/unit';
import type { Upstream } from '../upstream-health';

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

/** Field units (tổ công tác): roster and GPS from the field app or journey-monitoring devices. */
export interface UnitsPort extends Upstream {
  listUnits(): Promise<UnitRoster[]>;
  onFixes(listener: (fixes: GpsFix[]) => void): () => void;
}
