import type { WallGrid, WallTile } from '@c2/api-client/schemas/wall';
import type { Queryable } from '../../../platform/db';

export interface LayoutRow {
  id: string;
  owner_id: string;
  owner_name: string;
  name: string;
  grid: WallGrid;
  tiles: WallTile[];
  shared: boolean;
  updated_at: Date | string;
}

const SELECT = `SELECT l.id, l.owner_id, u.username AS owner_name, l.name, l.grid, l.tiles, l.shared, l.updated_at
                FROM wall_layouts l JOIN users u ON u.id = l.owner_id`;

/** The user's own layouts and every shared one, by name. */
export function selectLayouts(q: Queryable, userId: string): Promise<LayoutRow[]> {
  return q.query<LayoutRow>(`${SELECT} WHERE l.owner_id = $1 OR l.shared ORDER BY lower(l.name), l.id`, [
    userId,
  ]);
}

export async function selectLayout(q: Queryable, id: string): Promise<LayoutRow | null> {
  return (await q.query<LayoutRow>(`${SELECT} WHERE l.id = $1`, [id]))[0] ?? null;
}

export async function countOwned(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM wall_layouts WHERE owner_id = $1',
    [userId],
  );
  return rows[0]?.n ?? 0;
}

export async function nameTaken(
  q: Queryable,
  userId: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    'SELECT id FROM wall_layouts WHERE owner_id = $1 AND lower(name) = lower($2) AND id <> $3',
    [userId, name, exceptId ?? ''],
  );
  return rows.length > 0;
}

export async function insertLayout(
  q: Queryable,
  l: { id: string; ownerId: string; name: string; grid: WallGrid; tiles: WallTile[]; shared: boolean },
): Promise<void> {
  await q.query(
    'INSERT INTO wall_layouts (id, owner_id, name, grid, tiles, shared) VALUES ($1, $2, $3, $4, $5::jsonb, $6)',
    [l.id, l.ownerId, l.name, l.grid, JSON.stringify(l.tiles), l.shared],
  );
}

export async function updateLayout(
  q: Queryable,
  l: { id: string; name: string; grid: WallGrid; tiles: WallTile[]; shared: boolean },
): Promise<void> {
  await q.query(
    'UPDATE wall_layouts SET name = $2, grid = $3, tiles = $4::jsonb, shared = $5, updated_at = now() WHERE id = $1',
    [l.id, l.name, l.grid, JSON.stringify(l.tiles), l.shared],
  );
}

export async function deleteLayout(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM wall_layouts WHERE id = $1', [id]);
}
