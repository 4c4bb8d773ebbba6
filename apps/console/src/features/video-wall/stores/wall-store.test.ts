// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createWallStore } from './wall-store';
import { gridFor, neighbour } from './wall-grid';

afterEach(() => localStorage.clear());

describe('wall store', () => {
  it('when one camera is dropped on a tile, then the tile shows it; several become a tour', () => {
    const s = createWallStore({ storageKey: null }).getState;
    s().dropCameras(1, ['cam-1']);
    s().dropCameras(2, ['cam-2', 'cam-3', 'cam-2']);
    expect(s().tiles[1]).toEqual({ kind: 'camera', cameraId: 'cam-1' });
    expect(s().tiles[2]).toEqual({ kind: 'tour', cameraIds: ['cam-2', 'cam-3'], seconds: 10 });
    expect(s().selected).toBe(2);
  });

  it('when a list of cameras is opened (/wall?cameras=…), then the smallest grid that holds them is used', () => {
    const s = createWallStore({ storageKey: null }).getState;
    s().openCameras(Array.from({ length: 7 }, (_, i) => `cam-${i}`));
    expect(s().grid).toBe('3x3');
    expect(s().tiles.filter((t) => t.kind === 'camera')).toHaveLength(7);
    expect(s().tiles).toHaveLength(9);
    s().openCameras(['a', 'b'], '4x4');
    expect(s().grid).toBe('4x4');
    expect(gridFor(17)).toBe('5x5');
  });

  it('when the grid shrinks, then tiles beyond it go; when it grows, empty tiles are added', () => {
    const s = createWallStore({ storageKey: null }).getState;
    s().openCameras(['a', 'b', 'c', 'd']);
    s().setGrid('1');
    expect(s().tiles).toEqual([{ kind: 'camera', cameraId: 'a' }]);
    s().setGrid('1+5');
    expect(s().tiles).toHaveLength(6);
  });

  it('when a tile becomes the alarm tile, then any other alarm tile is emptied', () => {
    const s = createWallStore({ storageKey: null }).getState;
    s().setAlarmTile(0);
    s().setAlarmTile(3);
    expect(s().tiles.map((t) => t.kind)).toEqual(['empty', 'empty', 'empty', 'alarm']);
  });

  it('when tiles are swapped, then they trade places', () => {
    const s = createWallStore({ storageKey: null }).getState;
    s().openCameras(['a', 'b', 'c']);
    s().swapTiles(0, 2);
    expect(s().tiles.slice(0, 3)).toEqual([
      { kind: 'camera', cameraId: 'c' },
      { kind: 'camera', cameraId: 'b' },
      { kind: 'camera', cameraId: 'a' },
    ]);
  });

  it('when the browser reloads, then the wall comes back; a corrupt saved wall is ignored', () => {
    const a = createWallStore({ storageKey: 'k' }).getState;
    a().openCameras(['x', 'y'], '3x3');
    expect(createWallStore({ storageKey: 'k' }).getState().tiles[1]).toEqual({
      kind: 'camera',
      cameraId: 'y',
    });
    localStorage.setItem('k', '{"grid":"9x9","tiles":"nope"}');
    expect(createWallStore({ storageKey: 'k' }).getState().grid).toBe('2x2');
  });

  it('when arrows move the selection in a mixed grid, then they go to the tile in that direction', () => {
    // 1+5: the large tile spans rows/columns 1–2; tiles 1 and 2 are on its right, 3–5 below.
    expect(neighbour('1+5', 0, 'right')).toBe(1);
    expect(neighbour('1+5', 0, 'down')).toBe(3);
    expect(neighbour('1+5', 3, 'right')).toBe(4);
    expect(neighbour('1+5', 2, 'down')).toBe(5);
    expect(neighbour('1+5', 3, 'up')).toBe(0);
    expect(neighbour('2x2', 0, 'left')).toBe(0);
  });
});
