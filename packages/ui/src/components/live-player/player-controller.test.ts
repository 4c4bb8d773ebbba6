// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlayerController, LIVE_TUNING, type PlayerState } from './player-controller';
import { FakeHls, setPlayback, stubMediaElements } from './fake-hls.test-support';

let media: { restore(): void };
let now = 0;
beforeEach(() => {
  vi.useFakeTimers();
  FakeHls.reset();
  media = stubMediaElements();
  now = 0;
});
afterEach(() => {
  vi.useRealTimers();
  media.restore();
});

function start(src = '/api/streams/cam-1/sub/index.m3u8') {
  const video = document.createElement('video');
  setPlayback(video, { currentTime: 0, paused: false });
  const states: PlayerState[] = [];
  const controller = createPlayerController({
    video,
    src,
    Hls: FakeHls,
    onState: (s) => states.push(s),
    now: () => now,
  });
  return { video, states, controller, last: () => states.at(-1) };
}

/** Advances fake time (the controller ticks once a second). */
function advance(ms: number) {
  now += ms;
  vi.advanceTimersByTime(ms);
}

const fatal = (type: string, details: string, code?: number) => ({
  type,
  details,
  fatal: true,
  error: new Error(details),
  response: code === undefined ? undefined : { code, text: '' },
});

describe('player controller', () => {
  it('when started, then hls.js gets the live tuning, loads the source into the video, and the state is loading', () => {
    const { video, last } = start();
    const hls = FakeHls.last;
    expect(hls.config).toMatchObject({
      liveSyncDuration: LIVE_TUNING.liveSyncDuration,
      backBufferLength: 4,
      maxBufferLength: 4,
    });
    expect(hls.source).toBe('/api/streams/cam-1/sub/index.m3u8');
    expect(hls.media).toBe(video);
    expect(last()).toEqual({ status: 'loading' });
  });

  it('when the play head moves, then the state is playing', () => {
    const { video, last } = start();
    setPlayback(video, { currentTime: 0.5 });
    advance(1000);
    expect(last()).toEqual({ status: 'playing' });
  });

  it('when the stream is forbidden, then the state says so, hls.js is destroyed and nothing is retried', () => {
    const { video, last } = start();
    video.setAttribute('src', 'blob:x');
    FakeHls.last.emit('hlsError', fatal('networkError', 'manifestLoadError', 403));
    expect(last()).toEqual({ status: 'error', error: { kind: 'forbidden', status: 403 }, retryInMs: null });
    expect(FakeHls.last.destroyed).toBe(true);
    expect(video.hasAttribute('src')).toBe(false);
    advance(60_000);
    expect(FakeHls.instances).toHaveLength(1);
  });

  it('when the camera is offline (playlist not found), then it says offline and tries again slowly', () => {
    const { last } = start();
    FakeHls.last.emit('hlsError', fatal('networkError', 'manifestLoadError', 404));
    expect(last()).toEqual({ status: 'error', error: { kind: 'offline' }, retryInMs: 10_000 });
    advance(9_000);
    expect(FakeHls.instances).toHaveLength(1);
    advance(1_000);
    expect(FakeHls.instances).toHaveLength(2);
    expect(FakeHls.instances[0]!.destroyed).toBe(true);
  });

  it('when the network fails, then it retries with a growing backoff', () => {
    const { last } = start();
    FakeHls.last.emit('hlsError', fatal('networkError', 'levelLoadError', 503));
    expect(last()).toEqual({ status: 'error', error: { kind: 'network', status: 503 }, retryInMs: 2000 });
    advance(2000);
    expect(FakeHls.instances).toHaveLength(2);
    FakeHls.last.emit('hlsError', fatal('networkError', 'fragLoadError'));
    expect(last()).toMatchObject({ retryInMs: 4000 });
  });

  it('when a media error is fatal, then it recovers, then swaps codecs, then starts over', () => {
    start();
    const hls = FakeHls.last;
    hls.emit('hlsError', fatal('mediaError', 'bufferAppendError'));
    expect(hls.recoveries).toBe(1);
    advance(1000);
    hls.emit('hlsError', fatal('mediaError', 'bufferAppendError'));
    expect(hls.codecSwaps).toBe(1);
    expect(hls.recoveries).toBe(2);
    advance(1000);
    hls.emit('hlsError', fatal('mediaError', 'bufferAppendError'));
    expect(hls.recoveries).toBe(2);
    expect(hls.destroyed).toBe(true);
    advance(2000);
    expect(FakeHls.instances).toHaveLength(2);
  });

  it('when opening is slow (no first frame yet), then it waits longer before calling it a stall', () => {
    const { last } = start();
    advance(8000);
    expect(last()).toEqual({ status: 'loading' });
    expect(FakeHls.instances).toHaveLength(1);
    advance(4000);
    expect(last()).toEqual({ status: 'stalled', attempt: 1 });
  });

  it('when the play head stops, then it reports a stall, seeks to live, and reloads if that does not help', () => {
    const { video, last } = start();
    video.dispatchEvent(new Event('playing'));
    setPlayback(video, { currentTime: 1 });
    advance(1000);
    expect(last()).toEqual({ status: 'playing' });
    FakeHls.last.liveSyncPosition = 42;
    advance(3000);
    expect(last()).toEqual({ status: 'stalled', attempt: 1 });
    expect(video.currentTime).toBe(42);
    // Still stuck at 42.
    advance(1000);
    advance(3000);
    expect(FakeHls.instances).toHaveLength(2);
    expect(FakeHls.instances[0]!.destroyed).toBe(true);
    setPlayback(video, { currentTime: 43 });
    advance(1000);
    expect(last()).toEqual({ status: 'playing' });
  });

  it('when destroyed, then hls.js is destroyed, the video emptied, and no timer fires again', () => {
    const { video, controller } = start();
    video.setAttribute('src', 'blob:x');
    FakeHls.last.emit('hlsError', fatal('networkError', 'levelLoadError', 500));
    controller.destroy();
    expect(FakeHls.last.destroyed).toBe(true);
    expect(video.hasAttribute('src')).toBe(false);
    advance(60_000);
    expect(FakeHls.instances).toHaveLength(1);
  });
});
