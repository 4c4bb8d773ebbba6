import type { Camera, CameraStatus } from '@c2/api-client/schemas/camera';
import type { StreamVariant } from '@c2/api-client/schemas/stream';
import type { Upstream } from '../upstream-health';
import type { VmsDiagnostics } from './vms-diagnostics';

/** A camera as the VMS describes it; the console adds the live status it tracks. */
export type VmsCamera = Omit<Camera, 'status'>;

/**
 * Where a camera's live video is served: by the BFF's built-in HLS origin (the simulated cameras), or by the VMS
 * itself at `live` URLs (MediaMTX: `<hls>/<path>/index.m3u8`, its paths named in `paths`).
 */
export type StreamSource =
  | { kind: 'origin' }
  | {
      kind: 'vms';
      paths: Readonly<Record<StreamVariant, string>>;
      live: Readonly<Record<StreamVariant, string>>;
    };

/**
 * The video management system: cameras, their live status, streams, and diagnosis (snapshot, probe, restart:
 * `vms-diagnostics.ts`).
 */
export interface VmsPort extends Upstream, VmsDiagnostics {
  listCameras(): Promise<VmsCamera[]>;
  currentStatuses(): Promise<CameraStatus[]>;
  /** Called with every batch of status changes, in the order they happened. */
  onStatusChange(listener: (changes: CameraStatus[]) => void): () => void;
  /** Where the camera's live HLS is; null for a camera this VMS does not know. */
  streamSource(cameraId: string): StreamSource | null;
}
