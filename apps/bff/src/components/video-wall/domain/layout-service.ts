import { randomUUID } from 'node:crypto';
import type { WallLayout, WallTile } from '@c2/api-client/schemas/wall';
import { wallLayoutInputSchema } from '@c2/api-client/schemas/wall';
import type { Db } from '../../../platform/db';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { parseInput } from '../../../platform/http';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { Principal } from '../../auth/domain/auth-service';
import type { CameraRef } from '../../cameras/domain/camera-service';
import { audienceOf } from '../../live/domain/audience';
import {
  countOwned,
  deleteLayout,
  insertLayout,
  nameTaken,
  selectLayout,
  selectLayouts,
  updateLayout,
  type LayoutRow,
} from '../data/layout-store';

/** A user keeps at most this many layouts of their own. */
const MAX_LAYOUTS_PER_USER = 100;

/**
 * Named wall layouts: each user saves their own; an administrator (`wall:share`) shares one with everyone. A layout
 * never shows a viewer a camera they may not see: such tiles come back empty (tours keep the cameras left).
 */
export function createLayoutService(deps: {
  db: Db;
  audit: AuditTrail;
  cameraRef: (id: string) => CameraRef | undefined;
}) {
  const { db, audit } = deps;

  function visibleTo(p: Principal) {
    const a = audienceOf(p.permissions, p.user.areas);
    return (cameraId: string) => {
      const ref = deps.cameraRef(cameraId);
      return ref !== undefined && ref.tier <= a.maxTier && (a.areas === null || a.areas.includes(ref.areaId));
    };
  }

  function scopeTile(tile: WallTile, canSee: (id: string) => boolean): WallTile {
    if (tile.kind === 'camera') return canSee(tile.cameraId) ? tile : { kind: 'empty' };
    if (tile.kind === 'tour') {
      const ids = tile.cameraIds.filter(canSee);
      if (ids.length >= 2) return { ...tile, cameraIds: ids };
      return ids.length === 1 ? { kind: 'camera', cameraId: ids[0]! } : { kind: 'empty' };
    }
    return tile;
  }

  const mayEdit = (p: Principal, row: LayoutRow) =>
    row.owner_id === p.user.id || (row.shared && p.permissions.includes('wall:share'));

  function present(p: Principal, row: LayoutRow): WallLayout {
    const canSee = visibleTo(p);
    return {
      id: row.id,
      name: row.name,
      grid: row.grid,
      tiles: row.tiles.map((t) => scopeTile(t, canSee)),
      shared: row.shared,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      editable: mayEdit(p, row),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  /** Validates a layout for this user: sharing needs `wall:share`, every camera must be one they may see. */
  function validate(p: Principal, body: unknown) {
    const input = parseInput(wallLayoutInputSchema, body, 'wall layout');
    if (input.shared && !p.permissions.includes('wall:share'))
      throw forbidden('Requires permission wall:share to share a layout');
    const canSee = visibleTo(p);
    for (const [i, t] of input.tiles.entries()) {
      const ids = t.kind === 'camera' ? [t.cameraId] : t.kind === 'tour' ? t.cameraIds : [];
      const unknown = ids.find((id) => !canSee(id));
      if (unknown)
        throw badRequest(`Invalid wall layout: unknown camera ${unknown}`, {
          [`tiles.${i}`]: 'unknown camera',
        });
    }
    return input;
  }

  async function editable(p: Principal, id: string): Promise<LayoutRow> {
    const row = await selectLayout(db, id);
    // Someone else's private layout is not found; a shared one the caller may not change is forbidden.
    if (!row || (!row.shared && row.owner_id !== p.user.id)) throw notFound('Layout');
    if (!mayEdit(p, row)) throw forbidden('Only its owner or an administrator may change a shared layout');
    return row;
  }

  const record = (
    p: Principal,
    action: string,
    target: string,
    detail: Record<string, unknown>,
    ip: string | null,
  ) => audit.record({ actorId: p.user.id, actorName: p.user.username, action, target, ip, detail });

  return {
    async list(p: Principal): Promise<WallLayout[]> {
      return (await selectLayouts(db, p.user.id)).map((r) => present(p, r));
    },

    async create(p: Principal, body: unknown, ip: string | null): Promise<WallLayout> {
      const input = validate(p, body);
      if ((await countOwned(db, p.user.id)) >= MAX_LAYOUTS_PER_USER)
        throw conflict(`At most ${MAX_LAYOUTS_PER_USER} layouts per user`);
      if (await nameTaken(db, p.user.id, input.name, null))
        throw conflict(`A layout named “${input.name}” exists`);
      const id = randomUUID();
      await db.tx(async (q) => {
        await insertLayout(q, { id, ownerId: p.user.id, ...input });
        await audit.record(
          {
            actorId: p.user.id,
            actorName: p.user.username,
            action: 'wall.layout.create',
            target: id,
            ip,
            detail: { name: input.name, grid: input.grid, shared: input.shared },
          },
          q,
        );
      });
      return present(p, (await selectLayout(db, id))!);
    },

    async update(p: Principal, id: string, body: unknown, ip: string | null): Promise<WallLayout> {
      const row = await editable(p, id);
      const input = validate(p, body);
      if (await nameTaken(db, row.owner_id, input.name, id))
        throw conflict(`A layout named “${input.name}” exists`);
      await db.tx(async (q) => {
        await updateLayout(q, { id, ...input });
        await audit.record(
          {
            actorId: p.user.id,
            actorName: p.user.username,
            action: 'wall.layout.update',
            target: id,
            ip,
            detail: { name: input.name, grid: input.grid, shared: input.shared },
          },
          q,
        );
      });
      return present(p, (await selectLayout(db, id))!);
    },

    async remove(p: Principal, id: string, ip: string | null): Promise<void> {
      const row = await editable(p, id);
      await deleteLayout(db, id);
      await record(p, 'wall.layout.delete', id, { name: row.name }, ip);
    },
  };
}
export type LayoutService = ReturnType<typeof createLayoutService>;
