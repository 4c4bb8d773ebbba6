import { Router } from 'express';
import { handle } from '../../../platform/http';
import { requirePermission } from '../../auth/http/auth-guards';
import type { GeoPort } from '../../../upstreams/geo/geo-port';

export function createMapRoutes(geo: GeoPort, styleUrl: string | undefined): Router {
  const router = Router();
  router.use(requirePermission('camera:view'));
  router.get(
    '/context',
    handle((_req, res) => {
      res.setHeader('cache-control', 'private, max-age=300');
      res.json({ ...geo.mapContext(), styleUrl: styleUrl ?? null });
    }),
  );
  return router;
}
