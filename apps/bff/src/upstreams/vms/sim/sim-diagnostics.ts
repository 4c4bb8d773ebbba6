import type { CameraState } from '@c2/api-client/schemas/camera';
import { PROBE_FAILED, type VmsDiagnostics } from '../vms-diagnostics';
import type { SimImageFaults } from './sim-image-faults';
import type { SimSnapshots } from './sim-snapshots';
import { SNAPSHOT_HEIGHT, SNAPSHOT_WIDTH } from './sim-snapshots';
import { createRng } from '../../sim-province/rng';

/**
 * Snapshot, probe and reconnect of the simulated VMS. A reconnect clears what a reconnect clears in the field (a
 * hung encoder, a stuck RTSP session) and nothing else: a drill, a broken camera or a covered lens stay.
 */
export function createSimDiagnostics(deps: {
  stateOf: (cameraId: string) => CameraState | undefined;
  /** Clears the camera's current status fault if a reconnect can; says whether it did. */
  healStatus: (cameraId: string) => boolean;
  images: SimImageFaults;
  snapshots: SimSnapshots;
  now: () => number;
}): VmsDiagnostics {
  const { images, snapshots, now } = deps;
  return {
    async snapshot(cameraId) {
      const state = deps.stateOf(cameraId);
      if (state === undefined || state === 'offline') return null;
      return snapshots.render(cameraId, now(), images.at(cameraId));
    },
    async probeStream(cameraId) {
      const state = deps.stateOf(cameraId);
      if (state === undefined) return { ...PROBE_FAILED, error: 'unknown camera' };
      if (state === 'offline')
        return { ...PROBE_FAILED, error: 'RTSP DESCRIBE timed out (camera unreachable)' };
      const fault = images.at(cameraId);
      if (fault?.fault === 'stream')
        return { ...PROBE_FAILED, latencyMs: 40, error: 'RTSP session opened, no frames received' };
      const rng = createRng(`${cameraId}|probe|${Math.floor(now() / 1000)}`);
      const degraded = state === 'degraded';
      const frozen = fault?.fault === 'frozen';
      // A black picture still streams, at a fraction of the bitrate: there is nothing to encode.
      const black = fault?.fault === 'black';
      return {
        ok: true,
        latencyMs: Math.round(degraded ? 250 + rng.next() * 400 : 25 + rng.next() * 60),
        codec: 'H.264 Main',
        width: SNAPSHOT_WIDTH * 4,
        height: SNAPSHOT_HEIGHT * 4,
        // A hung encoder still sends a trickle of repeated frames.
        fps: frozen ? 1 : degraded ? Math.round(8 + rng.next() * 7) : 25,
        bitrateKbps: Math.round(
          frozen
            ? 60
            : black
              ? 330 + rng.next() * 40
              : degraded
                ? 700 + rng.next() * 500
                : 3600 + rng.next() * 800,
        ),
        error: null,
      };
    },
    async restartStream(cameraId) {
      if (deps.stateOf(cameraId) === undefined) return { accepted: false, detail: 'unknown camera' };
      const statusHealed = deps.healStatus(cameraId);
      const imageHealed = images.heal(cameraId);
      return {
        accepted: true,
        detail:
          statusHealed || imageHealed ? 'stream re-established' : 'reconnect issued; camera still faulty',
      };
    },
  };
}
