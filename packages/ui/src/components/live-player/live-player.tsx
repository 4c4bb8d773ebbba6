// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- hls.js types only its full build; apps compiling this file need the light build's declaration with it
/// <reference path="../../hls-light.d.ts" />
import { useEffect, useRef, useState } from 'react';
import Hls from 'hls.js/light';
import type { HlsConfig } from 'hls.js';
import {
  createPlayerController,
  type HlsConstructor,
  type PlayerError,
  type PlayerState,
  type PlayerStats,
} from './player-controller';
import './live-player.css';

export type { PlayerError, PlayerState, PlayerStats } from './player-controller';

export interface LivePlayerProps {
  /** HLS URL (live or recorded). A new URL is a new stream: give the player a new `key` as well. */
  src: string;
  /** The camera's last snapshot, shown until the first frame and whenever the stream cannot play. */
  poster?: string;
  /** Muted by default: a wall of sound would be useless, and browsers only autoplay muted video. */
  muted?: boolean;
  /** The browser's own controls (seek, pause): for recorded video, where the viewer moves through time. */
  controls?: boolean;
  /** Accessible name of the video, e.g. the camera's name. */
  label: string;
  onState?: (state: PlayerState) => void;
  /** Once a second while playing: latency, resolution, dropped frames, buffer. */
  onStats?: (stats: PlayerStats) => void;
  /** Keep playing while scrolled out of view or in a hidden tab (default: only visible players play). */
  playWhenHidden?: boolean;
  fit?: 'contain' | 'cover';
  /** Texts shown over the video per state; without them the owner shows its own (see `onState`). */
  labels?: Partial<Record<'loading' | 'stalled' | PlayerError['kind'], string>>;
  /** hls.js settings over the wall's defaults (LIVE_TUNING). */
  tuning?: Partial<HlsConfig>;
  className?: string;
  testId?: string;
}

/** How long a player out of view keeps its stream before releasing it (a quick scroll does not restart it). */
const HIDE_GRACE_MS = 2000;

/** Whether the element is on screen in a visible tab; leaving is reported after a grace period, coming back at once. */
function useVisible(ref: React.RefObject<HTMLElement | null>, always: boolean): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    if (always) return;
    const el = ref.current;
    let inView = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      const now = inView && document.visibilityState !== 'hidden';
      if (timer) clearTimeout(timer);
      timer = null;
      if (now) setVisible(true);
      else timer = setTimeout(() => setVisible(false), HIDE_GRACE_MS);
    };
    const observer =
      el && typeof IntersectionObserver !== 'undefined'
        ? new IntersectionObserver((entries) => {
            inView = entries.some((e) => e.isIntersecting);
            update();
          })
        : null;
    if (el) observer?.observe(el);
    document.addEventListener('visibilitychange', update);
    return () => {
      observer?.disconnect();
      document.removeEventListener('visibilitychange', update);
      if (timer) clearTimeout(timer);
    };
  }, [ref, always]);
  return always || visible;
}

/**
 * The one video player of the console (wall tiles, map popover, incident views). It owns hls.js: created when the
 * player is visible, destroyed (and the element's source cleared) when it is not or when it unmounts; bounded
 * buffers; stall detection and recovery; typed states and errors for its owner. Exposes `data-state`,
 * `data-first-frame-ms` and `data-latency-ms` for tests and benchmarks.
 */
export function LivePlayer({
  src,
  poster,
  muted = true,
  controls = false,
  label,
  onState,
  onStats,
  playWhenHidden = false,
  fit = 'contain',
  labels,
  tuning,
  className,
  testId,
}: LivePlayerProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<PlayerState>({ status: 'idle' });
  const [firstFrame, setFirstFrame] = useState(false);
  const visible = useVisible(rootRef, playWhenHidden);
  // Callbacks change every render of the owner; the stream must not restart for that.
  const callbacks = useRef({ onState, onStats });
  useEffect(() => {
    callbacks.current = { onState, onStats };
  });
  const tuningKey = JSON.stringify(tuning ?? {});

  useEffect(() => {
    const video = videoRef.current;
    const root = rootRef.current;
    if (!video || !root) return;
    const report = (s: PlayerState) => {
      setState(s);
      callbacks.current.onState?.(s);
    };
    if (!visible) {
      report({ status: 'idle' });
      return;
    }
    if (!Hls.isSupported()) {
      // Safari and iOS play HLS natively; anything else cannot play it at all.
      if (video.canPlayType('application/vnd.apple.mpegurl')) {
        video.src = src;
        void video.play().catch(() => undefined);
        report({ status: 'loading' });
        const onPlaying = () => {
          setFirstFrame(true);
          report({ status: 'playing' });
        };
        video.addEventListener('playing', onPlaying);
        return () => {
          video.removeEventListener('playing', onPlaying);
          video.removeAttribute('src');
          video.load();
        };
      }
      report({ status: 'error', error: { kind: 'unsupported' }, retryInMs: null });
      return;
    }
    setFirstFrame(false);
    const controller = createPlayerController({
      video,
      src,
      // hls.js's generic `on` signature is wider than the controller needs; the shape is the same.
      Hls: Hls as unknown as HlsConstructor,
      tuning: JSON.parse(tuningKey) as Partial<HlsConfig>,
      onState: report,
      onFirstFrame: () => {
        setFirstFrame(true);
      },
      onStats: (s) => {
        root.dataset.latencyMs = s.latencyMs === null ? '' : String(Math.round(s.latencyMs));
        root.dataset.firstFrameMs = s.firstFrameMs === null ? '' : String(Math.round(s.firstFrameMs));
        root.dataset.droppedFrames = String(s.droppedFrames);
        root.dataset.totalFrames = String(s.totalFrames);
        callbacks.current.onStats?.(s);
      },
    });
    return () => controller.destroy();
  }, [src, visible, tuningKey]);

  const showPoster = Boolean(poster) && (!firstFrame || state.status === 'error' || state.status === 'idle');
  const busy = state.status === 'loading' || state.status === 'stalled';
  const message =
    state.status === 'error'
      ? labels?.[state.error.kind]
      : state.status === 'stalled'
        ? labels?.stalled
        : state.status === 'loading'
          ? labels?.loading
          : undefined;

  return (
    <div
      ref={rootRef}
      className={`c2-live-player c2-live-player--${fit}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      data-state={state.status}
      data-error={state.status === 'error' ? state.error.kind : undefined}
    >
      <video
        ref={videoRef}
        className="c2-live-player__video"
        muted={muted}
        controls={controls}
        playsInline
        aria-label={label}
      />
      {showPoster && (
        // Low priority: the playlist and the first segment matter more to the first frame than the poster does.
        <img
          className="c2-live-player__poster"
          src={poster}
          alt=""
          draggable={false}
          decoding="async"
          fetchPriority="low"
        />
      )}
      {(busy || message) && (
        <div className="c2-live-player__status" role="status">
          {busy && <span className="c2-live-player__spinner" aria-hidden="true" />}
          {message && <span className="c2-live-player__message">{message}</span>}
        </div>
      )}
    </div>
  );
}
