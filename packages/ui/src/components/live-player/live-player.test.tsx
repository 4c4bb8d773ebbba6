// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { FakeHls, setPlayback, stubMediaElements } from './fake-hls.test-support';

vi.mock('hls.js/light', async () => ({ default: (await import('./fake-hls.test-support')).FakeHls }));
const { LivePlayer } = await import('./live-player');

/** A controllable IntersectionObserver: tests say when the player scrolls in or out of view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  constructor(private readonly cb: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.all.push(this);
  }
  observe() {}
  disconnect() {}
  fire(isIntersecting: boolean) {
    this.cb([{ isIntersecting }]);
  }
}

let media: { restore(): void };
beforeEach(() => {
  vi.useFakeTimers();
  FakeHls.reset();
  FakeObserver.all = [];
  media = stubMediaElements();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  media.restore();
});

const SRC = '/api/streams/cam-0001/sub/index.m3u8';

describe('LivePlayer', () => {
  it('when mounted, then it plays the source muted, shows the poster until the first frame, and reports its state', () => {
    const states: string[] = [];
    render(
      <LivePlayer
        src={SRC}
        poster="/api/streams/cam-0001/poster.jpg"
        label="Camera QL18"
        testId="player"
        onState={(s) => states.push(s.status)}
      />,
    );
    const root = screen.getByTestId('player');
    const video = root.querySelector('video')!;
    expect(video.muted).toBe(true);
    expect(video.getAttribute('aria-label')).toBe('Camera QL18');
    expect(FakeHls.last.source).toBe(SRC);
    expect(root.dataset['state']).toBe('loading');
    expect(root.querySelector('img')?.getAttribute('src')).toBe('/api/streams/cam-0001/poster.jpg');

    act(() => {
      video.dispatchEvent(new Event('playing'));
      setPlayback(video, { currentTime: 1 });
      vi.advanceTimersByTime(1000);
    });
    expect(root.dataset['state']).toBe('playing');
    expect(root.querySelector('img')).toBeNull();
    expect(states).toEqual(['loading', 'playing']);
  });

  it('when unmounted, then hls.js is destroyed and the video source cleared', () => {
    const { unmount } = render(<LivePlayer src={SRC} label="Camera" testId="player" />);
    const video = screen.getByTestId('player').querySelector('video')!;
    video.setAttribute('src', 'blob:media');
    const hls = FakeHls.last;
    unmount();
    expect(hls.destroyed).toBe(true);
    expect(video.hasAttribute('src')).toBe(false);
  });

  it('when scrolled out of view, then the stream is released after a grace period and comes back when visible', () => {
    render(<LivePlayer src={SRC} label="Camera" testId="player" />);
    const first = FakeHls.last;
    act(() => FakeObserver.all[0]!.fire(false));
    act(() => vi.advanceTimersByTime(1500));
    expect(first.destroyed).toBe(false);
    act(() => vi.advanceTimersByTime(600));
    expect(first.destroyed).toBe(true);
    expect(screen.getByTestId('player').dataset['state']).toBe('idle');
    act(() => FakeObserver.all[0]!.fire(true));
    expect(FakeHls.instances).toHaveLength(2);
    expect(FakeHls.last.destroyed).toBe(false);
  });

  it('when a quick scroll takes it out of view and back, then the stream is not restarted', () => {
    render(<LivePlayer src={SRC} label="Camera" testId="player" />);
    act(() => FakeObserver.all[0]!.fire(false));
    act(() => vi.advanceTimersByTime(500));
    act(() => FakeObserver.all[0]!.fire(true));
    act(() => vi.advanceTimersByTime(5000));
    expect(FakeHls.instances).toHaveLength(1);
  });

  it('when the stream is forbidden, then the typed error reaches the owner and the given label is shown', () => {
    const errors: unknown[] = [];
    render(
      <LivePlayer
        src={SRC}
        label="Camera"
        testId="player"
        labels={{ forbidden: 'Không có quyền xem camera này' }}
        onState={(s) => s.status === 'error' && errors.push(s.error)}
      />,
    );
    act(() =>
      FakeHls.last.emit('hlsError', {
        type: 'networkError',
        details: 'manifestLoadError',
        fatal: true,
        response: { code: 403, text: '' },
      }),
    );
    expect(errors).toEqual([{ kind: 'forbidden', status: 403 }]);
    expect(screen.getByTestId('player').dataset['error']).toBe('forbidden');
    expect(screen.getByRole('status').textContent).toBe('Không có quyền xem camera này');
  });

  it('when the browser cannot play HLS at all, then it says unsupported instead of failing silently', () => {
    FakeHls.supported = false;
    render(
      <LivePlayer
        src={SRC}
        label="Camera"
        testId="player"
        labels={{ unsupported: 'Trình duyệt không hỗ trợ' }}
      />,
    );
    expect(screen.getByTestId('player').dataset['error']).toBe('unsupported');
    expect(FakeHls.instances).toHaveLength(0);
  });
});
