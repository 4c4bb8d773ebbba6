import { Router } from 'express';
import { handle } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import type { UnitTracker } from '../domain/unit-tracker';

export function createUnitRoutes(units: UnitTracker): Router {
  const router = Router();
  router.use(requirePermission('unit:view'));
  router.get(
    '/',
    handle(async (_req, res) => {
      res.json(await units.list(principalOf(res).user.areas));
    }),
  );
  return router;
}
