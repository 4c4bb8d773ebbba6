import path from 'node:path';
import type { Config } from '../platform/config';
import type { AnalyticsPort } from './analytics/analytics-port';
import type { GeoPort } from './geo/geo-port';
import type { IdentityPort } from './identity/identity-port';
import type { UnitsPort } from './units/units-port';
import type { ViolationsPort } from './violations/violations-port';
import type { VmsPort } from './vms/vms-port';
import type { DevicesPort } from './devices/devices-port';
import { createSimDevices } from './devices/sim/sim-devices';
import { createSimWorld } from './sim-province/sim-world';
import { createSimVms, type SimVms } from './vms/sim/sim-vms';
import { createSimAnalytics } from './analytics/sim/sim-analytics';
import { combineAnalytics, createMqttAnalytics, mqttIdentity } from './analytics/mqtt/mqtt-analytics';
import type { Logger } from '../platform/logger';
import { createSimUnits } from './units/sim/sim-units';
import { createSimRouting } from './units/sim/sim-routing';
import type { RoutingPort } from './units/routing-port';
import { createSimViolations, type SimViolations } from './violations/sim/sim-violations';
import { createHttpViolations } from './violations/http/http-violations';
import { createSimJourneys, type SimJourneys } from './analytics/sim/sim-journeys';
import { createSimIdentity } from './identity/sim/sim-identity';
import { createSimGeo } from './geo/sim/sim-geo';
import { createHlsOrigin, type HlsOrigin } from './vms/origin/hls-origin';
import { createClipLibrary } from './vms/origin/clip-library';
import { findFfmpeg, findFont } from './vms/origin/ffmpeg-binary';
import { createMediamtxVms } from './vms/mediamtx/mediamtx-vms';
import { createMediamtxClient } from './vms/mediamtx/mediamtx-api';
import { loadCameraRegistry } from './vms/mediamtx/camera-registry';

export interface Upstreams {
  vms: VmsPort;
  analytics: AnalyticsPort;
  violations: ViolationsPort;
  units: UnitsPort;
  /** Travel times for dispatch (the simulated road network; a routing service in a real deployment). */
  routing: RoutingPort;
  identity: IdentityPort;
  geo: GeoPort;
  /** Device telemetry (edge boxes, servers, camera stream statistics). */
  devices: DevicesPort;
  /** The built-in HLS origin serving the simulated cameras' video (embedded mode); null when a real VMS serves it. */
  origin: HlsOrigin | null;
  /**
   * Present when the simulated province runs: drill controls (force a camera fault — `vms` is null when a real
   * VMS serves the cameras —, drive a vehicle past cameras; `violations` is null when a real violation service is
   * configured).
   */
  sim: { vms: SimVms | null; journeys: SimJourneys; violations: SimViolations | null } | null;
}

/**
 * Chooses an adapter per upstream from the configuration. Embedded mode runs the simulated province for all of
 * them; real adapters are selected by their URLs (MQTT_URL: edge AI events over MQTT; VMS_URL: MediaMTX).
 */
export function createUpstreams(config: Config, logger: Logger): Upstreams {
  const ffmpeg = findFfmpeg(config.ffmpegPath);
  const world = createSimWorld(config.simSeed, config.simCameras);
  const simVms = createSimVms(world, { faults: config.simFaults });
  const vms = config.vmsUrl
    ? createMediamtxVms({
        client: createMediamtxClient(config.vmsUrl),
        registry: loadCameraRegistry(config.vmsCamerasFile!),
        hlsUrl: config.vmsHlsUrl!,
        pollMs: config.vmsPollSeconds * 1000,
        ffmpeg,
        logger,
      })
    : simVms;
  const origin = config.vmsUrl
    ? null
    : createHlsOrigin({
        library: createClipLibrary({
          dir: config.mediaDir ?? path.join(config.dataDir, 'media'),
          ffmpeg,
          font: findFont(),
          logger,
        }),
        stateOf: (id) => simVms.stateOf(id),
      });
  const analytics = createSimAnalytics(world, {
    peakPerMinute: config.simEventsPerMinute,
    isOnline: (id) => simVms.stateOf(id) !== 'offline',
  });
  // Plate readers: about one vehicle journey for every 20 simulated AI events.
  const journeys = createSimJourneys(world, {
    perMinute: config.simEventsPerMinute / 20,
    isOnline: (id) => simVms.stateOf(id) !== 'offline',
  });
  const simAnalytics = combineAnalytics([analytics, journeys]);
  const sources: AnalyticsPort[] = [];
  if (config.simEventsPerMinute > 0 || !config.mqttUrl) sources.push(simAnalytics);
  else sources.push(journeys);
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
  const simViolations = config.violationsUrl
    ? null
    : createSimViolations(simAnalytics, world.cameras, {
        mediaDir: path.join(config.dataDir, 'sim-evidence'),
        ffmpeg,
      });
  const violations = config.violationsUrl
    ? createHttpViolations({ url: config.violationsUrl, token: config.violationsToken })
    : simViolations!;
  const routing = createSimRouting(world);
  return {
    vms,
    analytics: sources.length === 1 ? sources[0]! : combineAnalytics(sources),
    violations,
    units: createSimUnits(world, {
      count: config.simUnits,
      routing,
      crewResponseSeconds: config.simCrewResponseSeconds,
      crewSceneSeconds: config.simCrewSceneSeconds,
      speedup: config.simSpeedup,
    }),
    routing,
    identity: createSimIdentity(config.simSeed),
    geo: createSimGeo(world),
    devices: createSimDevices(world, {
      cameraState: (id) => simVms.stateOf(id),
      imageFault: (id) => simVms.imageFaultOf(id),
      faults: config.simFaults,
    }),
    origin,
    sim: { vms: config.vmsUrl ? null : simVms, journeys, violations: simViolations },
  };
}
