import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import { audienceOf } from '../../live/domain/audience';
import { selectRecentEvents } from '../data/event-store';

const recentQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export function createEventRoutes(db: Db, lateAfterMs: number): Router {
  const router = Router();
  router.use(requirePermission('event:view'));
  router.get(
    '/',
    handle(async (req, res) => {
      const { limit } = parseInput(recentQuery, req.query, 'query');
      const p = principalOf(res);
      const a = audienceOf(p.permissions, p.user.areas);
      res.json(await selectRecentEvents(db, limit, a.maxTier, a.areas, lateAfterMs));
    }),
  );
  return router;
}
