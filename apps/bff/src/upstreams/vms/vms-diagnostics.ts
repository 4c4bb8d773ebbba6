/** What a probe of a camera's stream found (the VMS asks the camera/its ingest path). */
export interface StreamProbeResult {
  ok: boolean;
  latencyMs: number | null;
  codec: string | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  bitrateKbps: number | null;
  /** Why the probe failed (null when ok). */
  error: string | null;
}

/** A probe that got nothing back: every reading unknown (the caller adds why). */
export const PROBE_FAILED: Omit<StreamProbeResult, 'error'> = {
  ok: false,
  latencyMs: null,
  codec: null,
  width: null,
  height: null,
  fps: null,
  bitrateKbps: null,
};

/**
 * Remote diagnosis and self-healing through the VMS: a still image of what the camera sees now, a probe of its
 * stream, and a reconnect. Kept apart from the streaming methods so each adapter implements them in its own file.
 */
export interface VmsDiagnostics {
  /** A fresh JPEG of the camera's current picture; null when the stream cannot be read. */
  snapshot(cameraId: string): Promise<Buffer | null>;
  probeStream(cameraId: string): Promise<StreamProbeResult>;
  /** Drops and re-opens the camera's ingest (RTSP session); `accepted` says the VMS took the order. */
  restartStream(cameraId: string): Promise<{ accepted: boolean; detail: string }>;
}
