import type { ErrorData, HlsConfig } from 'hls.js';

/** Why a stream cannot play. `forbidden` and `unsupported` are final; the others are retried. */
export type PlayerError =
  | { kind: 'forbidden'; status: number }
  | { kind: 'offline' }
  | { kind: 'network'; status: number | null }
  | { kind: 'media'; detail: string }
  | { kind: 'unsupported' };

/** The player's state, as its owner sees it. */
export type PlayerState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'playing' }
  | { status: 'stalled'; attempt: number }
  | { status: 'error'; error: PlayerError; retryInMs: number | null };

export interface PlayerStats {
  /** Wall-clock time minus the programme date-time being shown, ms (null before the first frame or without PDT). */
  latencyMs: number | null;
  width: number;
  height: number;
  droppedFrames: number;
  totalFrames: number;
  /** Seconds buffered ahead of the play head. */
  bufferSeconds: number;
  /** Time from load to the first frame shown, ms. */
  firstFrameMs: number | null;
}

/**
 * hls.js settings of the wall: close to live (1 s segments, ≈2 s behind), small bounded buffers so sixteen tiles
 * stay flat over a 12-hour shift, and no retry storms (this controller decides what to retry).
 */
export const LIVE_TUNING: Partial<HlsConfig> = {
  // The origin lists a segment once it has fully elapsed and the player reloads every second: 1.8 s behind the
  // playlist's edge leaves ≈0.8 s of margin for a reload and a fetch, and keeps latency within 1.8–2.8 s.
  liveSyncDuration: 1.8,
  // Fallen further behind than this (a stall, a busy machine), jump back to the live edge in one step. No
  // speeding up to catch up: on a wall of sixteen software-decoded tiles, playing faster means dropping frames.
  liveMaxLatencyDuration: 5,
  maxLiveSyncPlaybackRate: 1,
  // After a stall, rejoin a little further behind (hls.js's default of a whole second would ratchet latency up).
  liveSyncOnStallIncrease: 0.25,
  backBufferLength: 4,
  maxBufferLength: 4,
  maxMaxBufferLength: 8,
  maxBufferSize: 8 * 1024 * 1024,
  lowLatencyMode: false,
  enableWorker: true,
  startFragPrefetch: true,
  // Load timeouts and retries stay hls.js's (generous: a busy BFF answering in 5 s is slow, not dead); what is
  // fatal after them is handled here, per cause. hls.js does not retry a 401/403/404, so those reach us at once.
};

/** The part of hls.js the controller uses (so tests can drive it with a stand-in). */
export interface HlsLike {
  loadSource(url: string): void;
  attachMedia(media: HTMLMediaElement): void;
  on(event: string, listener: (event: string, data: never) => void): void;
  recoverMediaError(): void;
  swapAudioCodec(): void;
  destroy(): void;
  readonly playingDate: Date | null;
  readonly liveSyncPosition: number | null;
}
export type HlsConstructor = new (config: Partial<HlsConfig>) => HlsLike;

const STALL_AFTER_MS = 3000;
const FIRST_FRAME_TIMEOUT_MS = 12_000;
const SEEK_THEN_RELOAD_MS = 3000;
const OFFLINE_RETRY_MS = 10_000;
const MAX_BACKOFF_MS = 15_000;
const TICK_MS = 1000;
const MEDIA_ERROR_WINDOW_MS = 10_000;

export interface PlayerControllerOptions {
  video: HTMLVideoElement;
  src: string;
  Hls: HlsConstructor;
  tuning?: Partial<HlsConfig>;
  onState(state: PlayerState): void;
  onStats?(stats: PlayerStats): void;
  /** The first frame of this stream was shown (the poster can go). */
  onFirstFrame?(): void;
  now?: () => number;
}

function httpStatus(data: ErrorData): number | null {
  const code = data.response?.code;
  return typeof code === 'number' && code > 0 ? code : null;
}

/**
 * Owns one stream on one video element: creates hls.js, turns its errors into a typed state, retries what can be
 * retried (with backoff; an offline camera slowly), detects stalls (the play head stops moving) and recovers (seek
 * to live, then reload), and on `destroy` tears hls.js down and empties the element so the decoder and buffers are
 * freed.
 */
export function createPlayerController(opts: PlayerControllerOptions) {
  const { video } = opts;
  const now = opts.now ?? (() => performance.now());
  let hls: HlsLike | null = null;
  let destroyed = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let mediaErrors: number[] = [];
  let state: PlayerState = { status: 'idle' };
  let lastTime = -1;
  let lastProgressAt = now();
  let stalledAt: number | null = null;
  let seekedToLive = false;
  let loadStartedAt = now();
  let firstFrameMs: number | null = null;

  const setState = (next: PlayerState) => {
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    opts.onState(next);
  };

  const play = () => {
    const p = video.play();
    // An interrupted play() (a new load, an unmount) rejects by design; autoplay policy failures show as stalls.
    if (p && typeof p.catch === 'function') p.catch(() => undefined);
  };

  function teardown(): void {
    if (!hls) return;
    hls.destroy();
    hls = null;
    video.removeAttribute('src');
    video.load();
  }

  function scheduleReload(delayMs: number): void {
    if (destroyed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!destroyed) load();
    }, delayMs);
  }

  const backoff = () => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempt, 4));

  function onError(data: ErrorData): void {
    if (!data.fatal || destroyed) return;
    const status = httpStatus(data);
    const isPlaylist =
      data.details === 'manifestLoadError' ||
      data.details === 'levelLoadError' ||
      data.details === 'manifestParsingError';
    if (data.type === 'networkError' && (status === 401 || status === 403)) {
      // Not allowed (any more): retrying would only hammer the BFF with refusals.
      teardown();
      setState({ status: 'error', error: { kind: 'forbidden', status }, retryInMs: null });
      return;
    }
    if (data.type === 'networkError' && status === 404 && isPlaylist) {
      teardown();
      setState({ status: 'error', error: { kind: 'offline' }, retryInMs: OFFLINE_RETRY_MS });
      scheduleReload(OFFLINE_RETRY_MS);
      return;
    }
    if (data.type === 'mediaError') {
      const t = now();
      mediaErrors = mediaErrors.filter((at) => t - at < MEDIA_ERROR_WINDOW_MS);
      mediaErrors.push(t);
      // hls.js's documented recovery: recover, then swap codecs if it fails again soon, then start over.
      if (mediaErrors.length === 1) {
        hls?.recoverMediaError();
        return;
      }
      if (mediaErrors.length === 2) {
        hls?.swapAudioCodec();
        hls?.recoverMediaError();
        return;
      }
      mediaErrors = [];
    }
    attempt++;
    teardown();
    const retryInMs = backoff();
    if (data.type === 'networkError')
      setState({ status: 'error', error: { kind: 'network', status }, retryInMs });
    else setState({ status: 'stalled', attempt });
    scheduleReload(retryInMs);
  }

  function load(): void {
    teardown();
    if (destroyed) return;
    loadStartedAt = now();
    lastProgressAt = now();
    lastTime = video.currentTime;
    stalledAt = null;
    seekedToLive = false;
    const instance = new opts.Hls({ ...LIVE_TUNING, ...opts.tuning });
    hls = instance;
    instance.on('hlsError', (_e, data: ErrorData) => {
      if (hls === instance) onError(data);
    });
    instance.on('hlsManifestParsed', () => {
      if (hls === instance) play();
    });
    instance.loadSource(opts.src);
    instance.attachMedia(video);
    if (state.status !== 'stalled' && state.status !== 'error') setState({ status: 'loading' });
  }

  function onFrame(): void {
    if (firstFrameMs !== null || destroyed) return;
    firstFrameMs = now() - loadStartedAt;
    lastProgressAt = now();
    setState({ status: 'playing' });
    opts.onFirstFrame?.();
  }

  // The first frame: requestVideoFrameCallback when the browser has it, else the first `playing`.
  const rvfc = (video as HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number })
    .requestVideoFrameCallback;
  if (typeof rvfc === 'function') rvfc.call(video, onFrame);
  const onPlaying = () => {
    if (typeof rvfc !== 'function') onFrame();
  };
  video.addEventListener('playing', onPlaying);

  /** Once a second: is the play head moving? Report stats; recover from a stall step by step. */
  function tick(): void {
    if (destroyed || !hls) return;
    const t = now();
    const time = video.currentTime;
    if (time !== lastTime && !video.paused) {
      lastTime = time;
      lastProgressAt = t;
      if (stalledAt !== null || state.status !== 'playing') {
        stalledAt = null;
        seekedToLive = false;
        attempt = 0;
        if (firstFrameMs !== null || time > 0) setState({ status: 'playing' });
      }
    } else if (state.status === 'playing' || state.status === 'stalled' || state.status === 'loading') {
      if (video.paused && video.readyState >= 3) play();
      // Opening a stream may take a while on a busy machine; a play head that stopped after playing may not.
      const limit = firstFrameMs === null ? FIRST_FRAME_TIMEOUT_MS : STALL_AFTER_MS;
      if (t - lastProgressAt >= limit) {
        if (stalledAt === null) {
          stalledAt = t;
          attempt++;
          setState({ status: 'stalled', attempt });
        }
        const live = hls.liveSyncPosition;
        if (!seekedToLive && live !== null && Number.isFinite(live)) {
          seekedToLive = true;
          video.currentTime = live;
          // Our own jump is not progress: only playing on from here is.
          lastTime = video.currentTime;
          play();
        } else if (t - stalledAt >= SEEK_THEN_RELOAD_MS) {
          // Seeking did not help: start this stream over.
          load();
          setState({ status: 'stalled', attempt });
        }
      }
    }
    if (opts.onStats && firstFrameMs !== null) {
      const q = video.getVideoPlaybackQuality?.();
      const date = hls.playingDate;
      const b = video.buffered;
      const ahead = b.length > 0 ? Math.max(0, b.end(b.length - 1) - video.currentTime) : 0;
      opts.onStats({
        latencyMs: date ? Date.now() - date.getTime() : null,
        width: video.videoWidth,
        height: video.videoHeight,
        droppedFrames: q?.droppedVideoFrames ?? 0,
        totalFrames: q?.totalVideoFrames ?? 0,
        bufferSeconds: ahead,
        firstFrameMs,
      });
    }
  }
  const ticker = setInterval(tick, TICK_MS);

  load();

  return {
    state: () => state,
    /** Stops everything: hls.js destroyed, timers cleared, the element emptied. */
    destroy(): void {
      destroyed = true;
      clearInterval(ticker);
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      video.removeEventListener('playing', onPlaying);
      teardown();
      video.removeAttribute('src');
      video.load();
    },
  };
}
export type PlayerController = ReturnType<typeof createPlayerController>;
