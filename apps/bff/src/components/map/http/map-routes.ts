import { Router } from 'express';
import { z } from 'zod';
import { violationTypeSchema } from '@c2/api-client/schemas/violation';
import { handle, parseInput } from '../../../platform/http';
import { badRequest } from '../../../platform/errors';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import { audienceOf } from '../../live/domain/audience';
import type { GeoPort } from '../../../upstreams/geo/geo-port';
import type { MapService } from '../domain/map-service';

/** The longest range the heatmap sums over: a quarter, enough for seasonal patterns, bounded in cost. */
const MAX_HEAT_DAYS = 93;

const heatQuery = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    types: z
      .string()
      .max(200)
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(violationTypeSchema).min(1))
      .optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'must be after from' });

export function createMapRoutes(geo: GeoPort, maps: MapService, styleUrl: string | undefined): Router {
  const router = Router();
  router.use(requirePermission('camera:view'));
  router.get(
    '/context',
    handle((_req, res) => {
      res.setHeader('cache-control', 'private, max-age=300');
      res.json({ ...geo.mapContext(), styleUrl: styleUrl ?? null });
    }),
  );

  router.get(
    '/basemap',
    handle((req, res) => {
      const { json, gzip, etag } = maps.basemap();
      res.setHeader('etag', etag);
      res.setHeader('cache-control', 'private, max-age=86400');
      res.setHeader('vary', 'accept-encoding');
      if (req.get('if-none-match') === etag) {
        res.status(304).end();
        return;
      }
      res.type('application/json');
      if (/\bgzip\b/.test(req.get('accept-encoding') ?? '')) {
        res.setHeader('content-encoding', 'gzip');
        res.send(gzip);
      } else res.send(json);
    }),
  );

  router.get(
    '/violation-heat',
    // Counts of violations per camera are violation statistics: for those who may see violations.
    requirePermission('violation:view'),
    handle(async (req, res) => {
      const p = principalOf(res);
      const q = parseInput(heatQuery, req.query, 'query');
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (to.getTime() - from.getTime() > MAX_HEAT_DAYS * 86_400_000)
        throw badRequest(`Invalid query: at most ${MAX_HEAT_DAYS} days`, {
          to: `at most ${MAX_HEAT_DAYS} days after from`,
        });
      res.json(
        await maps.violationHeat({ from, to }, q.types ?? null, audienceOf(p.permissions, p.user.areas)),
      );
    }),
  );
  return router;
}
