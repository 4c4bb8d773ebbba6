import type { Upstream } from '../upstream-health';

/**
 * The resident/vehicle registry, reachable only through a secure API: every call states the calling unit, the
 * purpose and the fields wanted, and the registry answers only those fields.
 */
export interface VehicleLookup {
  plate: string;
  callerUnitId: string;
  purpose: string;
  fields: readonly ('ownerName' | 'ownerAddress' | 'vehicleType' | 'color' | 'registeredAt')[];
}

export type VehicleRecord = Partial<Record<VehicleLookup['fields'][number], string>> & { plate: string };

export interface IdentityPort extends Upstream {
  lookupVehicle(request: VehicleLookup): Promise<VehicleRecord | null>;
}
