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
import { combineAnalytics, createMqttAnalytics, mqttIdentity } from './analytics/mqtt/mqtt-analytics';
import type { Logger } from '../platform/logger';
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
 * them; real adapters are selected by their URLs (MQTT_URL: edge AI events over MQTT).
 */
export function createUpstreams(config: Config, logger: Logger): Upstreams {
  const world = createSimWorld(config.simSeed, config.simCameras);
  const vms = createSimVms(world, { faults: config.simFaults });
  const areaOf = new Map(world.cameras.map((c) => [c.id, c.wardId]));
  const analytics = createSimAnalytics(world, {
    peakPerMinute: config.simEventsPerMinute,
    isOnline: (id) => vms.stateOf(id) !== 'offline',
  });
  const sources: AnalyticsPort[] = [];
  if (config.simEventsPerMinute > 0 || !config.mqttUrl) sources.push(analytics);
  if (config.mqttUrl) {
    sources.push(
      createMqttAnalytics({
        url: config.mqttUrl,
        group: config.mqttShareGroup,
        topicRoot: config.mqttTopicRoot,
        frigatePrefixes: config.mqttFrigatePrefixes,
        consumers: config.mqttConsumers,
        ...mqttIdentity(config),
        logger,
      }),
    );
  }
  return {
    vms,
    analytics: sources.length === 1 ? sources[0]! : combineAnalytics(sources),
    violations: createSimViolations(analytics, (id) => areaOf.get(id)),
    units: createSimUnits(world, { count: config.simUnits }),
    identity: createSimIdentity(config.simSeed),
    geo: createSimGeo(world),
    sim: { vms },
  };
}
