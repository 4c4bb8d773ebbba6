import { Router, type Response } from 'express';
import { z } from 'zod';
import {
  alertListQuerySchema,
  assignBodySchema,
  optionalReasonBodySchema,
  reasonBodySchema,
  sopStepActionSchema,
} from '@c2/api-client/schemas/alert';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import { audienceOf } from '../../live/domain/audience';
import type { NotifyOutbox } from '../../../upstreams/notify/notify-outbox';
import type { AlertAdmin } from '../domain/alert-admin';
import type { Actor, AlertService, Viewer } from '../domain/alert-service';

const idParam = z.object({ id: z.string().min(1).max(64) });

export function viewerOf(res: Response): Viewer {
  const p = principalOf(res);
  const a = audienceOf(p.permissions, p.user.areas);
  return { maxTier: a.maxTier, areas: a.areas };
}
export function actorOf(req: { ip?: string | undefined }, res: Response): Actor {
  const p = principalOf(res);
  return { id: p.user.id, name: p.user.displayName, ip: req.ip ?? null };
}

/**
 * The alert queue and its handling. Reading needs `alert:view`; acting needs `alert:handle`. An alert outside the
 * caller's jurisdiction or clearance answers 404, like one that does not exist.
 */
export function createAlertRoutes(deps: {
  alerts: AlertService;
  admin: AlertAdmin;
  outbox: NotifyOutbox;
}): Router {
  const { alerts } = deps;
  const router = Router();
  router.use(requirePermission('alert:view'));

  router.get(
    '/',
    handle(async (req, res) => {
      const query = parseInput(alertListQuerySchema, req.query, 'query');
      res.json(await alerts.list(viewerOf(res), query));
    }),
  );

  // Who an alert can be assigned to; how to reach them stays with administrators.
  router.get(
    '/people',
    requirePermission('alert:handle'),
    handle(async (_req, res) => {
      const people = await deps.admin.people();
      res.json(
        people.filter((p) => p.canHandle).map((p) => ({ ...p, email: null, phone: null, zaloPhone: null })),
      );
    }),
  );

  // The caller's in-app notifications (escalations and assignments that named them).
  router.get(
    '/notifications',
    handle(async (_req, res) => {
      res.json(await deps.outbox.inAppFor(principalOf(res).user.id, 50));
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'alert id');
      res.json(await alerts.detail(viewerOf(res), id));
    }),
  );

  const action = (
    path: string,
    run: (req: Parameters<Parameters<typeof handle>[0]>[0], res: Response, id: string) => Promise<unknown>,
  ) =>
    router.post(
      `/:id/${path}`,
      requirePermission('alert:handle'),
      handle(async (req, res) => {
        const { id } = parseInput(idParam, req.params, 'alert id');
        res.json(await run(req, res, id));
      }),
    );

  action('acknowledge', (req, res, id) => alerts.acknowledge(viewerOf(res), actorOf(req, res), id));
  action('claim', (req, res, id) => alerts.claim(viewerOf(res), actorOf(req, res), id));
  action('assign', (req, res, id) => {
    const body = parseInput(assignBodySchema, req.body, 'assignment');
    return alerts.assign(viewerOf(res), actorOf(req, res), id, body.userId, body.reason, false);
  });
  action('transfer', (req, res, id) => {
    const body = parseInput(assignBodySchema.required({ reason: true }), req.body, 'transfer');
    return alerts.assign(viewerOf(res), actorOf(req, res), id, body.userId, body.reason, true);
  });
  action('escalate', (req, res, id) => {
    const body = parseInput(optionalReasonBodySchema, req.body ?? {}, 'escalation');
    return alerts.escalate(viewerOf(res), actorOf(req, res), id, body.reason || undefined);
  });
  action('resolve', (req, res, id) => {
    const body = parseInput(optionalReasonBodySchema, req.body ?? {}, 'resolution');
    return alerts.resolve(viewerOf(res), actorOf(req, res), id, body.reason || undefined);
  });
  action('false-positive', (req, res, id) => {
    const body = parseInput(reasonBodySchema, req.body, 'false positive');
    return alerts.falsePositive(viewerOf(res), actorOf(req, res), id, body.reason);
  });
  action('sop-steps', (req, res, id) => {
    const body = parseInput(sopStepActionSchema, req.body, 'SOP step');
    return alerts.recordSopStep(viewerOf(res), actorOf(req, res), id, body);
  });
  return router;
}
