// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { createWallStore } from '../stores/wall-store';
import { useWallSync } from './use-wall-sync';

afterEach(cleanup);

describe('useWallSync', () => {
  it('when the wall changes in one window, then a popped-out window of the same user follows, and back', async () => {
    const main = createWallStore({ storageKey: null });
    main.getState().openCameras(['cam-1', 'cam-2']);
    const popout = createWallStore({ storageKey: null });
    renderHook(() => useWallSync(main, 'c2-video-wall:test-user'));
    // The pop-out opens second and asks for the wall.
    renderHook(() => useWallSync(popout, 'c2-video-wall:test-user'));
    await waitFor(() => expect(popout.getState().tiles[1]).toEqual({ kind: 'camera', cameraId: 'cam-2' }));

    main.getState().setGrid('3x3');
    await waitFor(() => expect(popout.getState().grid).toBe('3x3'));
    popout.getState().dropCameras(4, ['cam-9']);
    await waitFor(() => expect(main.getState().tiles[4]).toEqual({ kind: 'camera', cameraId: 'cam-9' }));
  });

  it('when another user’s wall changes, then this one does not', async () => {
    const mine = createWallStore({ storageKey: null });
    const theirs = createWallStore({ storageKey: null });
    renderHook(() => useWallSync(mine, 'c2-video-wall:u1'));
    renderHook(() => useWallSync(theirs, 'c2-video-wall:u2'));
    theirs.getState().openCameras(['x', 'y']);
    await new Promise((r) => setTimeout(r, 50));
    expect(mine.getState().tiles.every((t) => t.kind === 'empty')).toBe(true);
  });
});
