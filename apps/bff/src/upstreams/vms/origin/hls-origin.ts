import type { CameraState } from '@c2/api-client/schemas/camera';
import type { StreamVariant } from '@c2/api-client/schemas/stream';
import type { UpstreamHealth } from '../../upstream-health';
import type { ClipLibrary } from './clip-library';
import {
  clipIndexOf,
  lastCompleteSegment,
  livePlaylist,
  recordedPlaylist,
  streamEpoch,
  type Timeline,
} from './hls-playlists';

/** What the origin answers; a refusal says why, the HTTP layer maps it to a status. */
export type OriginAnswer<T> =
  | { ok: true; body: T }
  | { ok: false; reason: 'unknown_camera' | 'offline' | 'not_found' }
  | { ok: false; reason: 'not_ready'; retryAfterSeconds: number; detail: string };

/** How long the first request for a stream waits for its clip to finish encoding before answering 503. */
const READY_WAIT_MS = 8_000;
/** Recorded video is kept this long (the clips loop, so any past second exists; a real NVR's retention is finite). */
export const RETENTION_SECONDS = 30 * 24 * 3600;

export interface HlsOriginOptions {
  library: ClipLibrary;
  /** The camera's current state as the VMS reports it; undefined for a camera it does not know. */
  stateOf(cameraId: string): CameraState | undefined;
  now?: () => number;
}

/** FNV-1a: a stable spread of camera ids over scenes and phases. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The built-in live HLS origin of the simulated cameras (embedded mode): each camera plays one of the encoded
 * scenes at its own phase, as a live sliding window aligned to wall-clock time, at zero encoding cost per viewer.
 * An offline camera's playlist and segments are not found, as at a real VMS whose camera stopped publishing.
 */
export function createHlsOrigin(options: HlsOriginOptions) {
  const { library } = options;
  const now = options.now ?? Date.now;

  function placement(cameraId: string): { scene: number; timeline: Timeline } {
    const h = hash(cameraId);
    const scene = h % library.scenes.length;
    // Clip length is the same for every scene; read it from the first one encoded, else the recipe's.
    const clipSegments = library.scene(scene)?.segments.main.length ?? 12;
    return { scene, timeline: { clipSegments, offset: (h >>> 8) % clipSegments } };
  }

  async function media(cameraId: string, needOnline: boolean) {
    const state = options.stateOf(cameraId);
    if (state === undefined) return { ok: false as const, reason: 'unknown_camera' as const };
    if (needOnline && state === 'offline') return { ok: false as const, reason: 'offline' as const };
    const { scene, timeline } = placement(cameraId);
    const m = await library.whenScene(scene, READY_WAIT_MS);
    if (!m) {
      const s = library.status();
      return {
        ok: false as const,
        reason: 'not_ready' as const,
        retryAfterSeconds: s.state === 'encoding' ? 2 : 30,
        detail: s.detail,
      };
    }
    return { ok: true as const, media: m, timeline: { ...timeline, clipSegments: m.segments.main.length } };
  }

  return {
    library,

    /** The live playlist of a camera's stream opened at `openedMs` (its sequence numbers count from then). */
    async livePlaylist(
      cameraId: string,
      openedMs: number,
      uri: (k: number) => string,
    ): Promise<OriginAnswer<string>> {
      const m = await media(cameraId, true);
      if (!m.ok) return m;
      return {
        ok: true,
        body: livePlaylist({ nowMs: now(), timeline: m.timeline, uri, epoch: streamEpoch(openedMs) }),
      };
    },

    async recordedPlaylist(
      cameraId: string,
      range: { fromMs: number; toMs: number },
      uri: (k: number) => string,
      isGap?: (k: number) => boolean,
    ): Promise<OriginAnswer<string>> {
      const t = now();
      if (range.toMs < t - RETENTION_SECONDS * 1000) return { ok: false, reason: 'not_found' };
      const m = await media(cameraId, false);
      if (!m.ok) return m;
      const body = recordedPlaylist({
        fromMs: Math.max(range.fromMs, t - RETENTION_SECONDS * 1000),
        toMs: range.toMs,
        nowMs: t,
        timeline: m.timeline,
        uri,
        isGap,
      });
      return body ? { ok: true, body } : { ok: false, reason: 'not_found' };
    },

    /**
     * Segment k (the second [k, k+1) of wall-clock time). Live segments of a camera that is offline now are not
     * found; older ones are recorded video.
     */
    async segment(cameraId: string, variant: StreamVariant, k: number): Promise<OriginAnswer<Buffer>> {
      const t = now();
      const last = lastCompleteSegment(t);
      if (k > last || k < last - RETENTION_SECONDS) return { ok: false, reason: 'not_found' };
      const m = await media(cameraId, k > last - 60);
      if (!m.ok) return m;
      return { ok: true, body: m.media.segments[variant][clipIndexOf(k, m.timeline)]! };
    },

    /** The camera's last snapshot: a frame of its scene (kept for offline cameras too, like a VMS's last image). */
    async poster(cameraId: string): Promise<OriginAnswer<Buffer>> {
      const m = await media(cameraId, false);
      if (!m.ok) return m;
      return { ok: true, body: m.media.poster };
    },

    health(): UpstreamHealth {
      const s = library.status();
      // Video still encoding is not a reason to take the console out of a load balancer: it answers 503 per stream.
      return {
        ok: s.state === 'encoding' || s.state === 'ready',
        detail: `built-in HLS origin: ${s.state}, ${s.detail}`,
      };
    },
  };
}
export type HlsOrigin = ReturnType<typeof createHlsOrigin>;
