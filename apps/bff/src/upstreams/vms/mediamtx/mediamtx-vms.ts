import type { CameraStatus } from '@c2/api-client/schemas/camera';
import type { Logger } from '../../../platform/logger';
import type { StreamSource, VmsCamera, VmsPort } from '../vms-port';
import type { RegistryCamera } from './camera-registry';
import {
  availableSince,
  isAvailable,
  videoSize,
  type MediamtxClient,
  type MediamtxPath,
} from './mediamtx-api';
import { createMediamtxDiagnostics } from './mediamtx-diagnostics';

export interface MediamtxVmsOptions {
  client: MediamtxClient;
  registry: readonly RegistryCamera[];
  /** MediaMTX's HLS server as browsers reach it: live HLS of a path is `<hlsUrl>/<path>/index.m3u8`. */
  hlsUrl: string;
  pollMs: number;
  /** ffmpeg for snapshots; null: no snapshots. */
  ffmpeg: string | null;
  logger: Logger;
  now?: () => number;
}

const NO_STREAM = 'Không có luồng video trên VMS';
const NOT_PUBLISHING = 'Camera không phát luồng lên VMS';

/**
 * The VMS of a real deployment: MediaMTX. Cameras are the registered ones (VMS_CAMERAS_FILE), their status is
 * read from MediaMTX's path list every few seconds (a path with an available source is online), and their video is
 * MediaMTX's HLS, which opens only for a viewer the BFF's authentication hook allows.
 */
export function createMediamtxVms(options: MediamtxVmsOptions): VmsPort & {
  /** Registered cameras whose path MediaMTX does not list, and paths nobody registered (for the health detail). */
  coverage(): { missing: number; unregistered: number };
} {
  const { client, registry, logger } = options;
  const now = options.now ?? Date.now;
  const hls = options.hlsUrl.replace(/\/$/, '');
  const listeners = new Set<(changes: CameraStatus[]) => void>();
  const statuses = new Map<string, CameraStatus>();
  const sizes = new Map<string, { width: number; height: number }>();
  let lastError: string | null = null;
  let lastPoll = 0;
  let unregistered = 0;
  let missing = 0;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;

  const byId = new Map(registry.map((c) => [c.id, c]));
  const hlsUrl = (path: string) => `${hls}/${path.split('/').map(encodeURIComponent).join('/')}/index.m3u8`;

  function statusFrom(
    cam: RegistryCamera,
    paths: ReadonlyMap<string, MediamtxPath>,
    t: number,
  ): CameraStatus {
    const p = paths.get(cam.path);
    const before = statuses.get(cam.id);
    const state = p && isAvailable(p) ? 'online' : 'offline';
    const reason = state === 'online' ? null : p ? NOT_PUBLISHING : NO_STREAM;
    // Keep `since` while the state holds; MediaMTX's own availableTime is the better answer for a newly seen path.
    const since =
      before && before.state === state
        ? before.since
        : ((p && state === 'online' ? availableSince(p) : null) ?? new Date(t).toISOString());
    return { cameraId: cam.id, state, since, reason };
  }

  async function poll(): Promise<void> {
    const t = now();
    let paths: MediamtxPath[];
    try {
      paths = await client.listPaths();
      lastError = null;
      lastPoll = t;
    } catch (err) {
      // Without an answer the state of the cameras is unknown: keep what was known, say so in /readyz.
      lastError = err instanceof Error ? err.message : String(err);
      logger.warn({ err: lastError }, 'MediaMTX path list not read');
      return;
    }
    const byPath = new Map(paths.map((p) => [p.name, p]));
    const registered = new Set(registry.flatMap((c) => [c.path, c.subPath ?? c.path]));
    unregistered = paths.filter((p) => !registered.has(p.name)).length;
    missing = registry.filter((c) => !byPath.has(c.path)).length;
    const changes: CameraStatus[] = [];
    for (const cam of registry) {
      const s = statusFrom(cam, byPath, t);
      const before = statuses.get(cam.id);
      if (before && before.state !== s.state) changes.push(s);
      statuses.set(cam.id, s);
      const size = byPath.get(cam.path);
      const seen = size ? videoSize(size) : null;
      if (seen) sizes.set(cam.id, seen);
    }
    if (changes.length > 0) for (const l of listeners) l(changes);
  }

  const pollOnce = () => (polling ??= poll().finally(() => (polling = null)));

  const diagnostics = createMediamtxDiagnostics({
    client,
    pathOf: (id) => byId.get(id)?.path ?? null,
    hlsOf: hlsUrl,
    ffmpeg: options.ffmpeg,
  });

  return {
    ...diagnostics,
    adapter: 'mediamtx',
    async listCameras(): Promise<VmsCamera[]> {
      if (lastPoll === 0) await pollOnce();
      return registry.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        kind: c.kind,
        location: c.location,
        bearing: c.bearing,
        roadId: c.roadId,
        roadName: c.roadName,
        areaId: c.areaId,
        areaName: c.areaName,
        owner: c.owner,
        classification: c.classification,
        streams: { main: sizes.get(c.id) ?? c.streams.main, sub: c.streams.sub },
      }));
    },
    async currentStatuses() {
      if (lastPoll === 0) await pollOnce();
      const t = now();
      return registry.map(
        (c) =>
          statuses.get(c.id) ?? {
            cameraId: c.id,
            state: 'offline',
            since: new Date(t).toISOString(),
            reason: NO_STREAM,
          },
      );
    },
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    streamSource(cameraId): StreamSource | null {
      const cam = byId.get(cameraId);
      if (!cam) return null;
      const sub = cam.subPath ?? cam.path;
      return {
        kind: 'vms',
        paths: { main: cam.path, sub },
        live: { main: hlsUrl(cam.path), sub: hlsUrl(sub) },
      };
    },
    async start() {
      timer = setInterval(() => void pollOnce(), options.pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await polling;
    },
    async health() {
      if (lastError) return { ok: false, detail: `MediaMTX: ${lastError}` };
      return {
        ok: lastPoll > 0,
        detail: `MediaMTX, ${registry.length} registered cameras (${missing} without a path, ${unregistered} unregistered paths hidden)`,
      };
    },
    coverage: () => ({ missing, unregistered }),
  };
}
