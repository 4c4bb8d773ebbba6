import { Router } from 'express';
import { identityAccessQuerySchema, identityLookupRequestSchema } from '@c2/api-client/schemas/identity';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import type { IdentityLookup } from '../domain/identity-lookup';

export function createIdentityRoutes(identity: IdentityLookup): Router {
  const router = Router();
  // The body is validated before anything else: a lookup without a purpose answers 400 and asks nothing.
  router.post(
    '/lookups',
    requirePermission('identity:lookup'),
    handle(async (req, res) => {
      const body = parseInput(identityLookupRequestSchema, req.body, 'lookup');
      res.json(await identity.lookup(principalOf(res), body, req.ip ?? null));
    }),
  );
  router.get(
    '/access-log',
    requirePermission('audit:view'),
    handle(async (req, res) => {
      const q = parseInput(identityAccessQuerySchema, req.query, 'query');
      res.json(await identity.accessLog(principalOf(res), q.userId ?? null, q.limit, req.ip ?? null));
    }),
  );
  return router;
}
