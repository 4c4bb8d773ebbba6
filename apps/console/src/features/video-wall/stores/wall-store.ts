import { createStore, type StoreApi } from 'zustand/vanilla';
import { z } from 'zod';
import {
  wallGridSchema,
  wallTilesSchema,
  type WallGrid,
  type WallLayout,
  type WallTile,
} from '@c2/api-client/schemas/wall';
import { fitTiles, gridFor, neighbour, tileCount } from './wall-grid';

/** What the wall shows; saved per user in this browser, shared with pop-out windows, stored as named layouts. */
export const wallSnapshotSchema = z.object({
  grid: wallGridSchema,
  tiles: wallTilesSchema,
  activeLayoutId: z.string().nullable(),
});
export type WallSnapshot = z.infer<typeof wallSnapshotSchema>;

/** Seconds a tour dwells on each camera unless the operator picks another pace. */
export const DEFAULT_TOUR_SECONDS = 10;

export interface WallState extends WallSnapshot {
  selected: number;
  /** A tile enlarged to the whole wall (inside the page, not browser fullscreen). */
  maximized: number | null;
  /** Bumped on every change made here (not on changes received from another window). */
  version: number;
  setGrid(grid: WallGrid): void;
  /** Drops cameras on a tile: one becomes the tile's camera, several become a tour. */
  dropCameras(index: number, cameraIds: readonly string[]): void;
  /** Puts cameras on the wall from the first empty tile on (or from the selected one). */
  openCameras(cameraIds: readonly string[], grid?: WallGrid): void;
  clearTile(index: number): void;
  /** Exchanges two tiles (a tile dragged onto another). */
  swapTiles(a: number, b: number): void;
  /** Makes a tile the alarm tile (there is one at most: another alarm tile becomes empty). */
  setAlarmTile(index: number): void;
  setTourSeconds(index: number, seconds: number): void;
  select(index: number): void;
  moveSelection(dir: 'up' | 'down' | 'left' | 'right'): void;
  toggleMaximize(index?: number): void;
  applyLayout(layout: Pick<WallLayout, 'id' | 'grid' | 'tiles'>): void;
  /** The wall is now (or no longer) the saved layout `id`. */
  setActiveLayout(id: string | null): void;
  /** A snapshot from another window of the same wall: applied without counting as a local change. */
  applyRemote(snapshot: WallSnapshot): void;
}

const EMPTY: WallSnapshot = { grid: '2x2', tiles: fitTiles([], '2x2'), activeLayoutId: null };

function readSaved(storageKey: string | null): WallSnapshot {
  if (!storageKey) return EMPTY;
  try {
    const raw = localStorage.getItem(storageKey);
    const parsed = wallSnapshotSchema.safeParse(raw ? JSON.parse(raw) : null);
    return parsed.success ? { ...parsed.data, tiles: fitTiles(parsed.data.tiles, parsed.data.grid) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

/**
 * The wall's state. One store per wall page (tests make their own); with a storage key it survives a reload of
 * the browser, per user.
 */
export function createWallStore(opts: { storageKey: string | null }): StoreApi<WallState> {
  const store = createStore<WallState>()((set, get) => {
    const change = (patch: Partial<WallSnapshot & Pick<WallState, 'selected' | 'maximized'>>) =>
      set((s) => ({ ...patch, version: s.version + 1 }));
    const withTile = (index: number, tile: WallTile) => {
      const tiles = [...get().tiles];
      if (index < 0 || index >= tiles.length) return tiles;
      tiles[index] = tile;
      return tiles;
    };
    return {
      ...readSaved(opts.storageKey),
      selected: 0,
      maximized: null,
      version: 0,
      setGrid(grid) {
        const s = get();
        change({
          grid,
          tiles: fitTiles(s.tiles, grid),
          selected: Math.min(s.selected, tileCount(grid) - 1),
          maximized: null,
        });
      },
      dropCameras(index, cameraIds) {
        const ids = [...new Set(cameraIds)];
        if (ids.length === 0) return;
        const tile: WallTile =
          ids.length === 1
            ? { kind: 'camera', cameraId: ids[0]! }
            : { kind: 'tour', cameraIds: ids.slice(0, 64), seconds: DEFAULT_TOUR_SECONDS };
        change({ tiles: withTile(index, tile), selected: index });
      },
      openCameras(cameraIds, grid) {
        const ids = [...new Set(cameraIds)].slice(0, 25);
        if (ids.length === 0) return;
        const s = get();
        if (grid || ids.length > 1) {
          // A list of cameras is a wall of its own: the grid that fits them, one camera per tile.
          const g = grid ?? gridFor(ids.length);
          change({
            grid: g,
            tiles: fitTiles(
              ids.map((cameraId) => ({ kind: 'camera', cameraId })),
              g,
            ),
            selected: 0,
            maximized: null,
            activeLayoutId: null,
          });
          return;
        }
        const empty = s.tiles.findIndex((t) => t.kind === 'empty');
        const at = empty >= 0 ? empty : s.selected;
        change({ tiles: withTile(at, { kind: 'camera', cameraId: ids[0]! }), selected: at });
      },
      clearTile(index) {
        change({ tiles: withTile(index, { kind: 'empty' }) });
      },
      swapTiles(a, b) {
        const tiles = [...get().tiles];
        if (a === b || !tiles[a] || !tiles[b]) return;
        [tiles[a], tiles[b]] = [tiles[b], tiles[a]];
        change({ tiles, selected: b });
      },
      setAlarmTile(index) {
        const tiles = get().tiles.map((t, i): WallTile =>
          i === index ? { kind: 'alarm' } : t.kind === 'alarm' ? { kind: 'empty' } : t,
        );
        change({ tiles });
      },
      setTourSeconds(index, seconds) {
        const t = get().tiles[index];
        if (t?.kind !== 'tour') return;
        change({ tiles: withTile(index, { ...t, seconds }) });
      },
      select(index) {
        if (index >= 0 && index < get().tiles.length) set({ selected: index });
      },
      moveSelection(dir) {
        const s = get();
        set({ selected: neighbour(s.grid, s.selected, dir) });
      },
      toggleMaximize(index) {
        const s = get();
        const target = index ?? s.selected;
        set({ maximized: s.maximized === null ? target : null, selected: target });
      },
      applyLayout(layout) {
        change({
          grid: layout.grid,
          tiles: fitTiles(layout.tiles, layout.grid),
          activeLayoutId: layout.id,
          selected: 0,
          maximized: null,
        });
      },
      setActiveLayout(id) {
        change({ activeLayoutId: id });
      },
      applyRemote(snapshot) {
        const s = get();
        set({
          grid: snapshot.grid,
          tiles: fitTiles(snapshot.tiles, snapshot.grid),
          activeLayoutId: snapshot.activeLayoutId,
          selected: Math.min(s.selected, tileCount(snapshot.grid) - 1),
        });
      },
    };
  });
  if (opts.storageKey) {
    const key = opts.storageKey;
    store.subscribe((s, prev) => {
      if (s.grid === prev.grid && s.tiles === prev.tiles && s.activeLayoutId === prev.activeLayoutId) return;
      try {
        localStorage.setItem(key, JSON.stringify(snapshotOf(s)));
      } catch {
        // Storage full or disabled: the wall still works, it just will not survive a reload.
      }
    });
  }
  return store;
}

export const snapshotOf = (s: WallSnapshot): WallSnapshot => ({
  grid: s.grid,
  tiles: s.tiles,
  activeLayoutId: s.activeLayoutId,
});
