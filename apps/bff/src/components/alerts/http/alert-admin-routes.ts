import { Router } from 'express';
import { z } from 'zod';
import {
  alertDrillSchema,
  alertRuleInputSchema,
  contactInputSchema,
  escalationPolicyInputSchema,
  rosterShiftInputSchema,
  sopTemplateInputSchema,
  suppressionInputSchema,
} from '@c2/api-client/schemas/alert';
import { notFound } from '../../../platform/errors';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { EventIngest } from '../../events/domain/event-ingest';
import type { NotifyOutbox } from '../../../upstreams/notify/notify-outbox';
import type { AlertAdmin } from '../domain/alert-admin';
import { actorOf } from './alert-routes';

const idParam = z.object({ id: z.string().min(1).max(64) });
const outboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  alertId: z.string().min(1).max(64).optional(),
});

/** Configuration of the alert loop (`alert:configure`): rules, SOPs, policies, windows, roster, contacts, outbox. */
export function createAlertAdminRoutes(deps: {
  admin: AlertAdmin;
  outbox: NotifyOutbox;
  ingest: EventIngest;
  audit: AuditTrail;
}): Router {
  const { admin } = deps;
  const router = Router();
  router.use(requirePermission('alert:configure'));

  // Rules, procedures and policies share one shape: list, create, replace, delete.
  const crud = <S extends z.ZodType>(
    path: string,
    kind: 'rule' | 'sop' | 'policy',
    schema: S,
    list: () => Promise<unknown>,
    save: (actor: ReturnType<typeof actorOf>, id: string | null, input: z.output<S>) => Promise<unknown>,
  ) => {
    router.get(
      `/${path}`,
      handle(async (_req, res) => {
        res.json(await list());
      }),
    );
    router.post(
      `/${path}`,
      handle(async (req, res) => {
        res.status(201).json(await save(actorOf(req, res), null, parseInput(schema, req.body, kind)));
      }),
    );
    router.put(
      `/${path}/:id`,
      handle(async (req, res) => {
        const { id } = parseInput(idParam, req.params, `${kind} id`);
        res.json(await save(actorOf(req, res), id, parseInput(schema, req.body, kind)));
      }),
    );
    router.delete(
      `/${path}/:id`,
      handle(async (req, res) => {
        const { id } = parseInput(idParam, req.params, `${kind} id`);
        await admin.remove(actorOf(req, res), kind, id);
        res.status(204).end();
      }),
    );
  };
  crud('rules', 'rule', alertRuleInputSchema, admin.rules, admin.saveRule);
  crud('sops', 'sop', sopTemplateInputSchema, admin.templates, admin.saveTemplate);
  crud('policies', 'policy', escalationPolicyInputSchema, admin.policies, admin.savePolicy);

  router.get(
    '/suppressions',
    handle(async (_req, res) => {
      res.json(await admin.suppressions());
    }),
  );
  router.post(
    '/suppressions',
    handle(async (req, res) => {
      const input = parseInput(suppressionInputSchema, req.body, 'maintenance window');
      res.status(201).json(await admin.addSuppression(actorOf(req, res), input));
    }),
  );
  router.delete(
    '/suppressions/:id',
    handle(async (req, res) => {
      await admin.remove(actorOf(req, res), 'suppression', parseInput(idParam, req.params, 'id').id);
      res.status(204).end();
    }),
  );

  router.get(
    '/roster',
    handle(async (_req, res) => {
      res.json(await admin.roster());
    }),
  );
  router.post(
    '/roster',
    handle(async (req, res) => {
      const input = parseInput(rosterShiftInputSchema, req.body, 'shift');
      res.status(201).json(await admin.addShift(actorOf(req, res), input));
    }),
  );
  router.delete(
    '/roster/:id',
    handle(async (req, res) => {
      await admin.remove(actorOf(req, res), 'shift', parseInput(idParam, req.params, 'id').id);
      res.status(204).end();
    }),
  );

  router.get(
    '/people',
    handle(async (_req, res) => {
      res.json(await admin.people());
    }),
  );
  router.put(
    '/people/:id/contact',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'user id');
      await admin.saveContact(actorOf(req, res), id, parseInput(contactInputSchema, req.body, 'contact'));
      res.status(204).end();
    }),
  );

  // The outbox holds addresses and phone numbers: reading it is audited.
  router.get(
    '/outbox',
    handle(async (req, res) => {
      const query = parseInput(outboxQuery, req.query, 'query');
      const a = actorOf(req, res);
      await deps.audit.record({
        actorId: a.id,
        actorName: a.name,
        action: 'alert.outbox.read',
        target: query.alertId ?? null,
        ip: a.ip,
        detail: { limit: query.limit },
      });
      res.json(await deps.outbox.list(query));
    }),
  );
  router.post(
    '/outbox/:id/retry',
    handle(async (req, res) => {
      const id = parseInput(
        z.object({ id: z.coerce.number().int().positive() }),
        req.params,
        'message id',
      ).id;
      const a = actorOf(req, res);
      const message = await deps.outbox.retry(id);
      if (!message) throw notFound('Failed message');
      await deps.audit.record({
        actorId: a.id,
        actorName: a.name,
        action: 'alert.outbox.retry',
        target: String(id),
        ip: a.ip,
        detail: {},
      });
      res.json(message);
    }),
  );

  // A drill goes through the real ingest (validation, storage, the inbox), like any edge event.
  router.post(
    '/drills',
    handle(async (req, res) => {
      const input = parseInput(alertDrillSchema, req.body, 'drill');
      const p = principalOf(res);
      const a = actorOf(req, res);
      const event = {
        id: `drill-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        cameraId: input.cameraId,
        type: input.type,
        severity: input.severity,
        ts: new Date().toISOString(),
        objects: [{ label: 'car', confidence: 0.9 }],
        plate: input.plate,
        metadata: { drill: true, by: p.user.username },
      };
      const outcome = await deps.ingest.submit({
        format: 'native',
        source: `drill:${p.user.username}`,
        body: { decoded: event },
      });
      await deps.audit.record({
        actorId: a.id,
        actorName: a.name,
        action: 'alert.drill',
        target: input.cameraId,
        ip: a.ip,
        detail: { ...input, outcome: outcome.outcome },
      });
      if (outcome.outcome !== 'stored')
        res.status(400).json({
          error: {
            code: 'bad_request',
            message: `Drill event ${outcome.outcome}`,
            fields: { cameraId: 'reason' in outcome ? outcome.reason : outcome.outcome },
          },
        });
      else res.status(201).json({ eventId: event.id });
    }),
  );
  return router;
}
