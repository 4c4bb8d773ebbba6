import type { Camera, CameraStatus } from '@c2/api-client/schemas/camera';
import type { Upstream } from '../upstream-health';
import type { VmsDiagnostics } from './vms-diagnostics';

/** A camera as the VMS describes it; the console adds the live status it tracks. */
export type VmsCamera = Omit<Camera, 'status'>;

/**
 * The video management system: cameras, their live status, streams, and diagnosis (snapshot, probe, restart:
 * `vms-diagnostics.ts`).
 */
export interface VmsPort extends Upstream, VmsDiagnostics {
  listCameras(): Promise<VmsCamera[]>;
  currentStatuses(): Promise<CameraStatus[]>;
  /** Called with every batch of status changes, in the order they happened. */
  onStatusChange(listener: (changes: CameraStatus[]) => void): () => void;
}
