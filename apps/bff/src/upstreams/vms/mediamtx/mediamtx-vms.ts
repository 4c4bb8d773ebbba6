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
  /** Without an answer for this long, the cameras' states are too old to show: they turn unknown (default 3 polls). */
  staleAfterMs?: number;
  /** Failed polls in a row that open the circuit (default 3); while open, polls back off up to `maxBackoffMs`. */
  breakerFailures?: number;
  maxBackoffMs?: number;
  /** ffmpeg for snapshots; null: no snapshots. */
  ffmpeg: string | null;
  logger: Logger;
  now?: () => number;
}

const NO_STREAM = 'Không có luồng video trên VMS';
const NOT_PUBLISHING = 'Camera không phát luồng lên VMS';
const VMS_SILENT = 'VMS không phản hồi';

/**
 * The VMS of a real deployment: MediaMTX. Cameras are the registered ones (VMS_CAMERAS_FILE), their status is
 * read from MediaMTX's path list every few seconds (a path with an available source is online), and their video is
 * MediaMTX's HLS, which opens only for a viewer the BFF's authentication hook allows.
 *
 * When MediaMTX stops answering, the states it last gave are kept for `staleAfterMs`, then every camera turns
 * `unknown` (never "online" on old news); after `breakerFailures` failed polls in a row a circuit breaker spaces
 * the attempts out (doubling up to `maxBackoffMs`) instead of hammering it, and the first answer closes it again.
 */
export function createMediamtxVms(options: MediamtxVmsOptions): VmsPort & {
  /** Registered cameras whose path MediaMTX does not list, and paths nobody registered (for the health detail). */
  coverage(): { missing: number; unregistered: number };
  /** Consecutive failed polls, whether the circuit is open, and how many calls were made in all. */
  breaker(): { failures: number; open: boolean; attempts: number };
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
  const staleAfterMs = options.staleAfterMs ?? options.pollMs * 3;
  const breakerFailures = options.breakerFailures ?? 3;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  let failures = 0;
  let retryAt = 0;
  let lastAnswer = 0;
  let attempts = 0;

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

  /** Every camera still shown with a state the silent VMS gave becomes unknown, in one batch of changes. */
  function markUnknown(t: number): void {
    const changes: CameraStatus[] = [];
    for (const cam of registry) {
      const before = statuses.get(cam.id);
      if (before?.state === 'unknown') continue;
      const s: CameraStatus = {
        cameraId: cam.id,
        state: 'unknown',
        since: new Date(t).toISOString(),
        reason: VMS_SILENT,
      };
      statuses.set(cam.id, s);
      if (before) changes.push(s);
    }
    if (changes.length > 0) for (const l of listeners) l(changes);
  }

  async function poll(): Promise<void> {
    const t = now();
    if (t < retryAt) {
      // The circuit is open: no call until the back-off has passed, but old states still age into unknown.
      if (lastAnswer > 0 && t - lastAnswer >= staleAfterMs) markUnknown(t);
      return;
    }
    let paths: MediamtxPath[];
    attempts++;
    try {
      paths = await client.listPaths();
      lastError = null;
      lastPoll = t;
      lastAnswer = t;
      failures = 0;
      retryAt = 0;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
      failures++;
      if (failures >= breakerFailures) {
        const backoff = Math.min(maxBackoffMs, options.pollMs * 2 ** (failures - breakerFailures + 1));
        retryAt = t + backoff;
        logger.warn({ err: lastError, failures, retryInMs: backoff }, 'MediaMTX not answering: circuit open');
      } else logger.warn({ err: lastError, failures }, 'MediaMTX path list not read');
      if (lastAnswer === 0 || t - lastAnswer >= staleAfterMs) markUnknown(t);
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
      if (lastError)
        return {
          ok: false,
          detail:
            retryAt > now()
              ? `MediaMTX: ${lastError} (${failures} failures, circuit open, next try in ${Math.ceil((retryAt - now()) / 1000)} s)`
              : `MediaMTX: ${lastError}`,
        };
      return {
        ok: lastPoll > 0,
        detail: `MediaMTX, ${registry.length} registered cameras (${missing} without a path, ${unregistered} unregistered paths hidden)`,
      };
    },
    coverage: () => ({ missing, unregistered }),
    breaker: () => ({ failures, open: retryAt > now(), attempts }),
  };
}
