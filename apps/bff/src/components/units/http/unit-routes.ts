import { Router } from 'express';
import { z } from 'zod';
import { unitStatusRequestSchema } from '@c2/api-client/schemas/incident';
import type { Unit, UnitStatus } from '@c2/api-client/schemas/unit';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import type { UnitTracker } from '../domain/unit-tracker';

const idParams = z.object({ id: z.string().min(1).max(128) });

/**
 * Field units: the roster with status and position, and status changes on a crew's behalf. The status change
 * itself belongs to dispatch (it moves assignments and incidents too), so it is passed in.
 */
export function createUnitRoutes(
  units: UnitTracker,
  setStatus: (
    req: { userId: string; userName: string; ip: string | null; areas: string[] | null },
    unitId: string,
    to: UnitStatus,
    reason: string | null,
  ) => Promise<Unit>,
): Router {
  const router = Router();
  router.use(requirePermission('unit:view'));
  router.get(
    '/',
    handle(async (_req, res) => {
      res.json(await units.list(principalOf(res).user.areas));
    }),
  );
  router.post(
    '/:id/status',
    requirePermission('unit:dispatch'),
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'unit id');
      const body = parseInput(unitStatusRequestSchema, req.body, 'status');
      const p = principalOf(res);
      const who = {
        userId: p.user.id,
        userName: p.user.displayName,
        ip: req.ip ?? null,
        areas: p.user.areas,
      };
      res.json(await setStatus(who, id, body.status, body.reason ?? null));
    }),
  );
  return router;
}
