import { Router } from 'express';
import { z } from 'zod';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import { audienceOf } from '../../live/domain/audience';
import type { MapService } from '../domain/map-service';

const nearestQuery = z.object({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  limit: z.coerce.number().int().min(1).max(50).default(8),
  maxDistanceM: z.coerce.number().positive().max(200_000).optional(),
});

/**
 * `GET /api/cameras/nearest?lng=&lat=&limit=&maxDistanceM=`: the cameras nearest a point that the caller may see
 * (classification and jurisdiction), nearest first. Mounted before the camera routes so `nearest` is not an id.
 */
export function createNearestCameraRoutes(maps: MapService): Router {
  const router = Router();
  router.get(
    '/nearest',
    requirePermission('camera:view'),
    handle(async (req, res) => {
      const q = parseInput(nearestQuery, req.query, 'query');
      const p = principalOf(res);
      res.json(
        await maps.nearest(
          { lng: q.lng, lat: q.lat },
          q.limit,
          q.maxDistanceM ?? null,
          audienceOf(p.permissions, p.user.areas),
        ),
      );
    }),
  );
  return router;
}
