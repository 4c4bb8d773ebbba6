import type { HlsConfig } from 'hls.js';
import type { HlsLike } from './player-controller';

/**
 * A stand-in for hls.js in unit tests of the code around it (jsdom has no MediaSource): records what the player
 * asked of it and lets a test emit hls.js events.
 */
export class FakeHls implements HlsLike {
  static instances: FakeHls[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeHls.supported;
  }
  readonly listeners = new Map<string, ((event: string, data: never) => void)[]>();
  source: string | null = null;
  media: HTMLMediaElement | null = null;
  destroyed = false;
  recoveries = 0;
  codecSwaps = 0;
  playingDate: Date | null = null;
  liveSyncPosition: number | null = null;

  constructor(readonly config: Partial<HlsConfig>) {
    FakeHls.instances.push(this);
  }
  loadSource(url: string): void {
    this.source = url;
  }
  attachMedia(media: HTMLMediaElement): void {
    this.media = media;
  }
  on(event: string, listener: (event: string, data: never) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emit(event: string, data: unknown): void {
    for (const l of this.listeners.get(event) ?? []) l(event, data as never);
  }
  recoverMediaError(): void {
    this.recoveries++;
  }
  swapAudioCodec(): void {
    this.codecSwaps++;
  }
  destroy(): void {
    this.destroyed = true;
  }
  static reset(): void {
    FakeHls.instances = [];
    FakeHls.supported = true;
  }
  static get last(): FakeHls {
    const last = FakeHls.instances.at(-1);
    if (!last) throw new Error('no hls.js instance was created');
    return last;
  }
}

/** jsdom implements no media playback: a video element whose time and paused state a test sets. */
export function stubMediaElements(): { restore(): void } {
  const proto = HTMLMediaElement.prototype;
  const saved = {
    play: Object.getOwnPropertyDescriptor(proto, 'play'),
    load: Object.getOwnPropertyDescriptor(proto, 'load'),
    pause: Object.getOwnPropertyDescriptor(proto, 'pause'),
  };
  Object.defineProperty(proto, 'play', {
    configurable: true,
    value(this: HTMLMediaElement) {
      (this as HTMLMediaElement & { _paused?: boolean })._paused = false;
      return Promise.resolve();
    },
  });
  Object.defineProperty(proto, 'load', { configurable: true, value() {} });
  Object.defineProperty(proto, 'pause', {
    configurable: true,
    value(this: HTMLMediaElement) {
      (this as HTMLMediaElement & { _paused?: boolean })._paused = true;
    },
  });
  return {
    restore() {
      for (const [k, d] of Object.entries(saved)) if (d) Object.defineProperty(proto, k, d);
    },
  };
}

/** Sets what a video element reports as its play head, paused state and ready state. */
export function setPlayback(video: HTMLVideoElement, p: { currentTime?: number; paused?: boolean }): void {
  if (p.currentTime !== undefined)
    Object.defineProperty(video, 'currentTime', { configurable: true, writable: true, value: p.currentTime });
  if (p.paused !== undefined) Object.defineProperty(video, 'paused', { configurable: true, value: p.paused });
}
