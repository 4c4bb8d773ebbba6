import client from 'prom-client';
import type { StreamVariant } from '@c2/api-client/schemas/stream';

export type StreamKind = 'live' | 'recorded';

/** One viewer watching one camera's variant (live or recorded), as the origin or the VMS hook sees it. */
export interface Viewing {
  /** Who is watching: the session key (several tabs of one session are one viewer). */
  viewer: string;
  cameraId: string;
  variant: StreamVariant;
  kind: StreamKind;
}

export interface StreamViewers {
  /**
   * Records a request of a viewing. Returns true when it opened a stream (nothing was open for this viewer,
   * camera, variant and kind): the caller audits that, not the segments that follow.
   */
  touch(v: Viewing, at?: number): boolean;
  /** When the camera stream of this viewing (any viewer) was opened, if it is open. */
  openedAt(v: Viewing): number | undefined;
  /** Whether the viewing is open (requested within the idle timeout). */
  isOpen(v: Viewing): boolean;
  /**
   * Marks an opening as audited; false when the same user opened the same camera (for the same purpose: live,
   * recorded, snapshot) within the audit window, so no new entry is needed.
   */
  markAudited(userId: string, cameraId: string, kind: string): boolean;
  /** Undoes a mark whose audit entry could not be written, so the next request tries again. */
  forgetAudited(userId: string, cameraId: string, kind: string): void;
  /** Closes what went idle; called on a timer, and by tests. */
  sweep(): void;
  counts(): { viewers: number; streams: number };
  stop(): void;
}

const keyOf = (v: Viewing) => `${v.viewer}|${v.cameraId}|${v.variant}|${v.kind}`;
const streamKeyOf = (v: Viewing) => `${v.cameraId}|${v.variant}|${v.kind}`;

/**
 * Open streams, as a real VMS counts them: a camera's variant is opened on demand by its first viewer and closed
 * when nobody has requested it for `idleMs`. Viewings and camera streams are exported as gauges, openings and idle
 * closings as counters.
 */
export function createStreamViewers(opts: {
  idleMs: number;
  auditWindowMs: number;
  registry: client.Registry;
  now?: () => number;
}): StreamViewers {
  const now = opts.now ?? Date.now;
  const viewings = new Map<string, { v: Viewing; lastSeen: number }>();
  const streams = new Map<string, { count: number; openedAt: number }>();
  const audited = new Map<string, number>();

  const registers = [opts.registry];
  const viewersGauge = new client.Gauge({
    name: 'c2_stream_viewers',
    help: 'Open viewings (a session watching a camera variant), by variant and kind',
    labelNames: ['variant', 'kind'] as const,
    registers,
  });
  const streamsGauge = new client.Gauge({
    name: 'c2_streams_open',
    help: 'Camera streams open (at least one viewer), by variant and kind',
    labelNames: ['variant', 'kind'] as const,
    registers,
  });
  const opened = new client.Counter({
    name: 'c2_streams_opened_total',
    help: 'Camera streams opened on demand by their first viewer',
    labelNames: ['variant', 'kind'] as const,
    registers,
  });
  const closed = new client.Counter({
    name: 'c2_streams_closed_idle_total',
    help: 'Camera streams closed because nobody requested them within STREAM_IDLE_SECONDS',
    labelNames: ['variant', 'kind'] as const,
    registers,
  });

  function sweep(): void {
    const t = now();
    for (const [key, { v, lastSeen }] of viewings) {
      if (t - lastSeen < opts.idleMs) continue;
      viewings.delete(key);
      viewersGauge.dec({ variant: v.variant, kind: v.kind });
      const sk = streamKeyOf(v);
      const s = streams.get(sk);
      if (s && s.count > 1) s.count--;
      else {
        streams.delete(sk);
        streamsGauge.dec({ variant: v.variant, kind: v.kind });
        closed.inc({ variant: v.variant, kind: v.kind });
      }
    }
    for (const [key, at] of audited) if (t - at >= opts.auditWindowMs) audited.delete(key);
  }

  const timer = setInterval(sweep, Math.min(5000, Math.max(250, opts.idleMs / 4)));
  timer.unref();

  return {
    touch(v, at) {
      const key = keyOf(v);
      const t = now();
      const existing = viewings.get(key);
      if (existing && t - existing.lastSeen < opts.idleMs) {
        existing.lastSeen = t;
        return false;
      }
      if (existing) sweep();
      viewings.set(key, { v, lastSeen: t });
      viewersGauge.inc({ variant: v.variant, kind: v.kind });
      const sk = streamKeyOf(v);
      const s = streams.get(sk);
      if (s) s.count++;
      else {
        streams.set(sk, { count: 1, openedAt: at ?? t });
        streamsGauge.inc({ variant: v.variant, kind: v.kind });
        opened.inc({ variant: v.variant, kind: v.kind });
      }
      return true;
    },
    openedAt(v) {
      return streams.get(streamKeyOf(v))?.openedAt;
    },
    isOpen(v) {
      const e = viewings.get(keyOf(v));
      return e !== undefined && now() - e.lastSeen < opts.idleMs;
    },
    markAudited(userId, cameraId, kind) {
      const key = `${userId}|${cameraId}|${kind}`;
      const at = audited.get(key);
      const t = now();
      if (at !== undefined && t - at < opts.auditWindowMs) return false;
      audited.set(key, t);
      return true;
    },
    forgetAudited(userId, cameraId, kind) {
      audited.delete(`${userId}|${cameraId}|${kind}`);
    },
    sweep,
    counts: () => ({ viewers: viewings.size, streams: streams.size }),
    stop: () => clearInterval(timer),
  };
}
