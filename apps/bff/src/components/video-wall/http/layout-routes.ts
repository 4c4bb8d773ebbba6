import { Router } from 'express';
import { z } from 'zod';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import type { LayoutService } from '../domain/layout-service';

const idParam = z.object({ id: z.string().min(1).max(64) });

/** `/api/wall-layouts`: the caller's layouts and the shared ones; anyone who may open streams keeps their own. */
export function createLayoutRoutes(layouts: LayoutService): Router {
  const router = Router();
  router.use(requirePermission('stream:open'));

  router.get(
    '/',
    handle(async (_req, res) => {
      res.json(await layouts.list(principalOf(res)));
    }),
  );
  router.post(
    '/',
    handle(async (req, res) => {
      res.status(201).json(await layouts.create(principalOf(res), req.body, req.ip ?? null));
    }),
  );
  router.put(
    '/:id',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'layout id');
      res.json(await layouts.update(principalOf(res), id, req.body, req.ip ?? null));
    }),
  );
  router.delete(
    '/:id',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'layout id');
      await layouts.remove(principalOf(res), id, req.ip ?? null);
      res.status(204).end();
    }),
  );
  return router;
}
