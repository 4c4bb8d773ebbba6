import type { DeviceKind, DeviceMetrics, DeviceState } from '@c2/api-client/schemas/device';
import type { Upstream } from '../upstream-health';

/** A monitored device as the monitoring system knows it. Cameras are listed for their model and edge box. */
export interface DeviceInfo {
  id: string;
  kind: DeviceKind;
  code: string;
  name: string;
  model: string;
  /** Jurisdiction; null for the center's own servers. */
  areaId: string | null;
  areaName: string | null;
  /** For a camera: the edge AI box that serves it. */
  parentId: string | null;
}

/** One reading of one device: reachable or not, and its numbers (null where it has none or none came). */
export interface HealthReading {
  deviceId: string;
  state: DeviceState;
  reason: string | null;
  metrics: DeviceMetrics;
}

/**
 * Device telemetry (the center's monitoring system: SNMP, node exporters, the edge boxes' agents, the VMS's
 * stream statistics). The devices component polls it; it pushes nothing.
 */
export interface DevicesPort extends Upstream {
  listDevices(): Promise<DeviceInfo[]>;
  /** A reading of every device it knows, cameras included. */
  readHealth(): Promise<HealthReading[]>;
}
