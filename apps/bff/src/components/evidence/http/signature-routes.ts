import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../../platform/db';
import { handle, parseInput } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import type { Signer } from '../../../platform/signing/signer';
import { principalOf, requirePermission, requireSession } from '../../auth/http/auth-guards';
import { scopeOf } from '../../violations/domain/violation-review';
import { selectEventsByIds } from '../data/event-record-store';
import type { EventSigning } from '../domain/event-signing';

/** The center's public keys (current and retired), for anyone verifying a package or record. */
export function createSignatureRoutes(signer: Signer): Router {
  const router = Router();
  router.get(
    '/keys',
    requireSession(),
    handle(async (_req, res) => {
      res.json(await signer.publicKeys());
    }),
  );
  return router;
}

/** `GET /api/events/:id/signature`: whether a stored AI event still matches its signature. */
export function createEventSignatureRoutes(db: Db, eventSigning: EventSigning): Router {
  const router = Router();
  router.get(
    '/:id/signature',
    requirePermission('event:view'),
    handle(async (req, res) => {
      const id = parseInput(z.string().min(1).max(128), req.params.id, 'event id');
      const [event] = await selectEventsByIds(db, [id], scopeOf(principalOf(res)));
      if (!event) throw notFound('Event');
      const checks = await eventSigning.check(db, [event]);
      res.json({ kind: 'event', id, signature: checks.get(id)! });
    }),
  );
  return router;
}
