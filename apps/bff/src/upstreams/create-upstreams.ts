import type { Config } from '../platform/config';
import type { AnalyticsPort } from './analytics/analytics-port';
import type { GeoPort } from './geo/geo-port';
import type { IdentityPort } from './identity/identity-port';
import type { UnitsPort } from './units/units-port';
import type { ViolationsPort } from './violations/violations-port';
import type { VmsPort } from './vms/vms-port';
import { createSimWorld } from './sim-province/sim-world';
import { createSimVms, type SimVms } from './vms/sim/sim-vms';
import { createSimAnalytics } from './analytics/sim/sim-analytics';
import { createSimUnits } from './units/sim/sim-units';
import { createSimViolations } from './violations/sim/sim-violations';
import { createSimIdentity } from './identity/sim/sim-identity';
import { createSimGeo } from './geo/sim/sim-geo';

export interface Upstreams {
  vms: VmsPort;
  analytics: AnalyticsPort;
  violations: ViolationsPort;
  units: UnitsPort;
  identity: IdentityPort;
  geo: GeoPort;
  /** Present when the simulated province runs: drill controls (force a camera fault). */
  sim: { vms: SimVms } | null;
}

/**
 * Chooses an adapter per upstream from the configuration. Embedded mode runs the simulated province for all of
 * them; real adapters (MediaMTX, MQTT, HTTP services) are selected by their URLs as they are added.
 */
export function createUpstreams(config: Config): Upstreams {
  const world = createSimWorld(config.simSeed, config.simCameras);
  const vms = createSimVms(world, { faults: config.simFaults });
  const areaOf = new Map(world.cameras.map((c) => [c.id, c.wardId]));
  const analytics = createSimAnalytics(world, {
    peakPerMinute: config.simEventsPerMinute,
    isOnline: (id) => vms.stateOf(id) !== 'offline',
  });
  return {
    vms,
    analytics,
    violations: createSimViolations(analytics, (id) => areaOf.get(id)),
    units: createSimUnits(world, { count: config.simUnits }),
    identity: createSimIdentity(config.simSeed),
    geo: createSimGeo(world),
    sim: { vms },
  };
}
