import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { handle, parseInput } from '../../../platform/http';
import { requirePermission } from '../../auth/http/auth-guards';
import { selectDeadLetters } from '../data/dead-letter-store';

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** Administrators read what producers sent that could not be accepted, newest first. */
export function createDeadLetterRoutes(db: Db): Router {
  const router = Router();
  router.use(requirePermission('system:configure'));
  router.get(
    '/',
    handle(async (req, res) => {
      const { limit } = parseInput(listQuery, req.query, 'query');
      res.json(await selectDeadLetters(db, limit));
    }),
  );
  return router;
}
