import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import { audienceOf } from '../../live/domain/audience';
import { notFound } from '../../../platform/errors';
import { selectCamera } from '../../cameras/data/camera-store';
import { selectRecentEvents } from '../data/event-store';

const recentQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Only this camera's events (a camera the caller may not see answers 404, like an unknown one). */
  cameraId: z.string().min(1).max(128).optional(),
});

export function createEventRoutes(db: Db, lateAfterMs: number): Router {
  const router = Router();
  router.use(requirePermission('event:view'));
  router.get(
    '/',
    handle(async (req, res) => {
      const { limit, cameraId } = parseInput(recentQuery, req.query, 'query');
      const p = principalOf(res);
      const a = audienceOf(p.permissions, p.user.areas);
      if (cameraId && !(await selectCamera(db, cameraId, a.maxTier, a.areas))) throw notFound('Camera');
      res.json(await selectRecentEvents(db, limit, a.maxTier, a.areas, lateAfterMs, cameraId ?? null));
    }),
  );
  return router;
}
