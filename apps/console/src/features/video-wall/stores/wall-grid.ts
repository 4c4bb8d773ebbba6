import { WALL_GRID_TILES, type WallGrid, type WallTile } from '@c2/api-client/schemas/wall';

export interface TileSpan {
  column: number;
  row: number;
  columnSpan: number;
  rowSpan: number;
}

export interface GridGeometry {
  columns: number;
  rows: number;
  /** Where each tile sits (1-based CSS grid lines), in reading order. */
  spans: TileSpan[];
}

function square(n: number): GridGeometry {
  const spans: TileSpan[] = [];
  for (let row = 1; row <= n; row++)
    for (let column = 1; column <= n; column++) spans.push({ column, row, columnSpan: 1, rowSpan: 1 });
  return { columns: n, rows: n, spans };
}

/** One large tile of `big`×`big` cells in the top-left corner of an n×n grid, small tiles in the other cells. */
function mixed(n: number, big: number): GridGeometry {
  const spans: TileSpan[] = [{ column: 1, row: 1, columnSpan: big, rowSpan: big }];
  for (let row = 1; row <= n; row++)
    for (let column = 1; column <= n; column++)
      if (row > big || column > big) spans.push({ column, row, columnSpan: 1, rowSpan: 1 });
  return { columns: n, rows: n, spans };
}

const GEOMETRY: Record<WallGrid, GridGeometry> = {
  '1': square(1),
  '2x2': square(2),
  '3x3': square(3),
  '4x4': square(4),
  '5x5': square(5),
  '1+5': mixed(3, 2),
  '1+7': mixed(4, 3),
  '1+12': mixed(4, 2),
};

export const geometryOf = (grid: WallGrid): GridGeometry => GEOMETRY[grid];
export const tileCount = (grid: WallGrid): number => WALL_GRID_TILES[grid];

/** The smallest square grid that holds `count` tiles (a wall opened from a list of cameras). */
export function gridFor(count: number): WallGrid {
  if (count <= 1) return '1';
  if (count <= 4) return '2x2';
  if (count <= 9) return '3x3';
  if (count <= 16) return '4x4';
  return '5x5';
}

/** The tiles of a grid: the given ones first, empty ones after, none beyond what the grid has. */
export function fitTiles(tiles: readonly WallTile[], grid: WallGrid): WallTile[] {
  const n = tileCount(grid);
  const out = tiles.slice(0, n);
  while (out.length < n) out.push({ kind: 'empty' });
  return out;
}

/**
 * The tile the arrow keys move to: the nearest tile whose area lies in that direction (mixed grids have tiles of
 * different sizes, so "next index" would be wrong).
 */
export function neighbour(grid: WallGrid, from: number, dir: 'up' | 'down' | 'left' | 'right'): number {
  const { spans } = geometryOf(grid);
  const a = spans[from];
  if (!a) return 0;
  const centre = (s: TileSpan) => ({ x: s.column + s.columnSpan / 2, y: s.row + s.rowSpan / 2 });
  const c = centre(a);
  let best = from;
  let bestScore = Infinity;
  for (const [i, s] of spans.entries()) {
    if (i === from) continue;
    const d = centre(s);
    const dx = d.x - c.x;
    const dy = d.y - c.y;
    const ahead =
      dir === 'right' ? dx > 0.01 : dir === 'left' ? dx < -0.01 : dir === 'down' ? dy > 0.01 : dy < -0.01;
    if (!ahead) continue;
    const along = dir === 'left' || dir === 'right' ? Math.abs(dx) : Math.abs(dy);
    const across = dir === 'left' || dir === 'right' ? Math.abs(dy) : Math.abs(dx);
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
