import { Router } from 'express';
import { z } from 'zod';
import { handle, parseInput } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import { audienceOf } from '../../live/domain/audience';
import type { CameraService } from '../domain/camera-service';

const idParam = z.object({ id: z.string().min(1).max(128) });

export function createCameraRoutes(cameras: CameraService): Router {
  const router = Router();
  router.use(requirePermission('camera:view'));

  router.get(
    '/',
    handle(async (_req, res) => {
      const p = principalOf(res);
      res.json(await cameras.list(audienceOf(p.permissions, p.user.areas)));
    }),
  );

  router.get(
    '/summary',
    handle(async (_req, res) => {
      const p = principalOf(res);
      res.json(await cameras.summary(audienceOf(p.permissions, p.user.areas)));
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'camera id');
      const p = principalOf(res);
      // A camera outside the caller's clearance or jurisdiction answers exactly like one that does not exist.
      const camera = await cameras.get(id, audienceOf(p.permissions, p.user.areas));
      if (!camera) throw notFound('Camera');
      res.json(camera);
    }),
  );
  return router;
}
