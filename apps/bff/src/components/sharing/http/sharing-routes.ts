import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { createSharingKeySchema, type SharingScope } from '@c2/api-client/schemas/sharing';
import { handle, parseInput } from '../../../platform/http';
import { AppError, notFound, tooManyRequests } from '../../../platform/errors';
import type { Logger } from '../../../platform/logger';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import { machineRoute, principalOf, requirePermission } from '../../auth/http/auth-guards';
import type { Sharing } from '../domain/sharing';
import type { SharingKeyRow } from '../data/sharing-store';

const idParam = z.object({ id: z.string().min(1).max(64) });
const cameraParam = z.object({ id: z.string().min(1).max(128) });

/** Administrators' side: create (the secret is shown once), list, revoke. */
export function createSharingKeyRoutes(deps: { sharing: Sharing; audit: AuditTrail }): Router {
  const router = Router();
  router.use(requirePermission('sharing:manage'));

  router.get(
    '/',
    handle(async (_req, res) => {
      res.json(await deps.sharing.list());
    }),
  );

  router.post(
    '/',
    handle(async (req, res) => {
      const input = parseInput(createSharingKeySchema, req.body, 'sharing key');
      const p = principalOf(res);
      const created = await deps.sharing.create(input, p.user.username);
      await deps.audit.record({
        actorId: p.user.id,
        actorName: p.user.username,
        action: 'sharing.key_created',
        target: `sharing-key:${created.key.id}`,
        ip: req.ip ?? null,
        detail: { partner: input.partner, scopes: input.scopes, expiresAt: created.key.expiresAt },
      });
      res.setHeader('cache-control', 'no-store');
      res.status(201).json(created);
    }),
  );

  router.post(
    '/:id/revoke',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'key id');
      const key = await deps.sharing.revoke(id);
      const p = principalOf(res);
      await deps.audit.record({
        actorId: p.user.id,
        actorName: p.user.username,
        action: 'sharing.key_revoked',
        target: `sharing-key:${id}`,
        ip: req.ip ?? null,
        detail: { partner: key.partner },
      });
      res.json(key);
    }),
  );
  return router;
}

const keyOf = (res: Response) => res.locals.sharingKey as SharingKeyRow;

/**
 * The partners' API (`/share/v1`): an API key instead of a session, no cookies, no CSRF. Every call — allowed or
 * refused — is audited with the key, the path and the answer.
 */
export function createPartnerApi(deps: { sharing: Sharing; audit: AuditTrail; logger: Logger }): Router {
  const router = Router();
  const { sharing, audit, logger } = deps;

  router.use(machineRoute('partner API key (Authorization: Bearer c2s.…)'), (req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    res.on('finish', () => {
      const key = res.locals.sharingKey as SharingKeyRow | undefined;
      audit
        .record({
          actorId: key ? `sharing-key:${key.id}` : null,
          actorName: key ? key.partner : ((res.locals.sharingKeyId as string | undefined) ?? null),
          action: 'sharing.call',
          target: `${req.method} ${req.originalUrl.split('?')[0]!.slice(0, 300)}`,
          ip: req.ip ?? null,
          detail: {
            status: res.statusCode,
            ...(res.locals.sharingRefusal ? { refused: res.locals.sharingRefusal } : {}),
          },
        })
        .catch((err: unknown) => logger.error({ err }, 'audit write failed'));
    });
    sharing
      .authenticate(req.get('authorization'))
      .then(async (check) => {
        if (!check.ok) {
          res.locals.sharingRefusal = check.reason;
          res.locals.sharingKeyId = check.keyId ? `sharing-key:${check.keyId}` : undefined;
          res.setHeader('www-authenticate', 'Bearer realm="c2-share"');
          return next(new AppError('unauthorized', `API key ${check.reason}`, 401));
        }
        res.locals.sharingKey = check.key;
        const calls = await sharing.countCall(check.key.id);
        if (calls > check.key.rate_per_minute) {
          res.locals.sharingRefusal = 'rate_limited';
          return next(tooManyRequests('Rate limit of this key reached', 60 - new Date().getSeconds()));
        }
        next();
      })
      .catch(next);
  });

  const scope = (s: SharingScope) => (_req: Request, res: Response, next: NextFunction) => {
    if (!sharing.hasScope(keyOf(res), s)) {
      res.locals.sharingRefusal = `scope ${s}`;
      return next(new AppError('forbidden', `This key does not carry the ${s} scope`, 403));
    }
    next();
  };

  router.get(
    '/cameras',
    scope('cameras'),
    handle(async (_req, res) => {
      res.json(await sharing.cameras());
    }),
  );

  router.get(
    '/cameras/:id',
    scope('cameras'),
    handle(async (req, res) => {
      const { id } = parseInput(cameraParam, req.params, 'camera id');
      // A restricted or secret camera answers exactly like one that does not exist.
      const camera = await sharing.camera(id);
      if (!camera) throw notFound('Camera');
      res.json(camera);
    }),
  );

  router.get(
    '/statistics',
    scope('statistics'),
    handle(async (_req, res) => {
      res.json(await sharing.statistics());
    }),
  );

  router.use((req) => {
    throw notFound(`Partner API route ${req.method} ${req.path}`);
  });
  return router;
}
