import { Router } from 'express';
import { z } from 'zod';
import { handle, parseInput } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import type { SimVms } from './sim-vms';
import { simImageFaultSchema } from './sim-image-faults';

const body = z.object({
  /** The picture fault to simulate; "none" ends a drill. */
  fault: z.union([simImageFaultSchema, z.literal('none')]),
  seconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(600),
});

/**
 * Image drills of the simulated province: an administrator makes a camera's picture go black, freeze, blur, get
 * covered or turned, or its stream fail, to rehearse the response. Mounted behind `system:configure`, audited.
 */
export function createSimImageRoutes(vms: SimVms): Router {
  const router = Router();
  router.post(
    '/cameras/:id/image',
    handle((req, res) => {
      const input = parseInput(body, req.body, 'simulated image fault');
      const fault = input.fault === 'none' ? null : input.fault;
      if (!vms.forceImage(String(req.params.id), fault, input.seconds)) throw notFound('Camera');
      res.status(204).end();
    }),
  );
  return router;
}
