import { Router } from 'express';
import { z } from 'zod';
import { cameraStateSchema } from '@c2/api-client/schemas/camera';
import { handle, parseInput } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import type { SimVms } from './sim-vms';

const body = z.object({
  state: cameraStateSchema,
  seconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(300),
});

/**
 * Drill controls of the simulated province (embedded mode only): an administrator can make a camera fail to
 * rehearse the response. Mounted behind `system:configure` and audited by the caller.
 */
export function createSimControlRoutes(vms: SimVms): Router {
  const router = Router();
  router.post(
    '/cameras/:id/status',
    handle((req, res) => {
      const input = parseInput(body, req.body, 'simulated status');
      const id = String(req.params.id);
      if (!vms.force(id, input.state, input.seconds)) throw notFound('Camera');
      res.status(204).end();
    }),
  );
  return router;
}
