import { z } from 'zod';
import { isoTime } from './common';

/**
 * Wall grids: n×n, and mixed grids with one large tile among small ones (`1+5`: a 3×3 grid whose first tile spans
 * 2×2; `1+7`: 4×4 with a 3×3 tile; `1+12`: 4×4 with a 2×2 tile).
 */
export const wallGridSchema = z.enum(['1', '2x2', '3x3', '4x4', '5x5', '1+5', '1+7', '1+12']);
export type WallGrid = z.infer<typeof wallGridSchema>;
export const WALL_GRIDS = wallGridSchema.options;

/** How many tiles each grid has. */
export const WALL_GRID_TILES: Readonly<Record<WallGrid, number>> = {
  '1': 1,
  '2x2': 4,
  '3x3': 9,
  '4x4': 16,
  '5x5': 25,
  '1+5': 6,
  '1+7': 8,
  '1+12': 13,
};

/** Seconds a tour may dwell on each camera. */
export const TOUR_SECONDS = [5, 10, 15, 30, 60] as const;

const cameraIdSchema = z.string().min(1).max(128);

/**
 * What a tile shows: one camera, a tour (cycles cameras every `seconds`), the alarm tile (opens the camera of each
 * new alert), or nothing.
 */
export const wallTileSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('camera'), cameraId: cameraIdSchema }),
  z.object({
    kind: z.literal('tour'),
    cameraIds: z.array(cameraIdSchema).min(2).max(64),
    seconds: z.number().int().min(3).max(600),
  }),
  z.object({ kind: z.literal('alarm') }),
]);
export type WallTile = z.infer<typeof wallTileSchema>;

/** Tiles of a grid, in reading order; at most 25 (5×5). */
export const wallTilesSchema = z.array(wallTileSchema).max(25);

/** A named wall layout: saved per user; an administrator can share it with everyone. */
export const wallLayoutSchema = z.object({
  id: z.string(),
  name: z.string(),
  grid: wallGridSchema,
  tiles: wallTilesSchema,
  shared: z.boolean(),
  ownerId: z.string(),
  ownerName: z.string(),
  /** Whether the caller may change or delete it (its owner; an administrator for shared layouts). */
  editable: z.boolean(),
  updatedAt: isoTime,
});
export type WallLayout = z.infer<typeof wallLayoutSchema>;

/** Create or replace a layout. */
export const wallLayoutInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    grid: wallGridSchema,
    tiles: wallTilesSchema,
    shared: z.boolean().default(false),
  })
  .refine((l) => l.tiles.length <= WALL_GRID_TILES[l.grid], {
    message: 'more tiles than the grid has',
    path: ['tiles'],
  });
export type WallLayoutInput = z.input<typeof wallLayoutInputSchema>;
