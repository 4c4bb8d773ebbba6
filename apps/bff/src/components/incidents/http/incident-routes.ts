import { Router } from 'express';
import { z } from 'zod';
import {
  assignRequestSchema,
  closeRequestSchema,
  createIncidentRequestSchema,
  incidentListQuerySchema,
  linkRequestSchema,
  noteRequestSchema,
  resolveRequestSchema,
  type DispatchSettings,
} from '@c2/api-client/schemas/incident';
import { handle, parseInput } from '../../../platform/http';
import { requirePermission } from '../../auth/http/auth-guards';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { DispatchService } from '../domain/dispatch-service';
import type { IncidentService } from '../domain/incident-service';
import { callerOf } from './caller';

const idParams = z.object({ id: z.string().min(1).max(128) });
const unitParams = idParams.extend({ unitId: z.string().min(1).max(128) });
const attachmentParams = idParams.extend({ attachmentId: z.string().uuid() });
const limitQuery = (max: number, fallback: number) =>
  z.object({ limit: z.coerce.number().int().min(1).max(max).default(fallback) });

/** Incidents and dispatch for the console: lists, detail, timeline, lifecycle, units, cameras nearby. */
export function createIncidentRoutes(deps: {
  incidents: IncidentService;
  dispatch: DispatchService;
  audit: AuditTrail;
}): Router {
  const { incidents, dispatch } = deps;
  const router = Router();
  router.use(requirePermission('incident:view'));

  router.get(
    '/',
    handle(async (req, res) => {
      const q = parseInput(incidentListQuerySchema, req.query, 'query');
      res.json(await incidents.list(callerOf(req, res).audience, q.scope, q.limit));
    }),
  );

  router.get(
    '/candidates',
    requirePermission('incident:manage'),
    handle(async (req, res) => {
      res.json(await incidents.candidates(callerOf(req, res).audience));
    }),
  );

  router.post(
    '/',
    requirePermission('incident:manage'),
    handle(async (req, res) => {
      const body = parseInput(createIncidentRequestSchema, req.body, 'incident');
      const { caller, audience } = callerOf(req, res);
      res.status(201).json(await incidents.create(caller, audience, body));
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      res.json(await incidents.get(id, callerOf(req, res).audience));
    }),
  );

  router.get(
    '/:id/timeline',
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      res.json(await incidents.timeline(id, callerOf(req, res).audience));
    }),
  );

  router.get(
    '/:id/suggestions',
    requirePermission('unit:dispatch'),
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      const { limit } = parseInput(limitQuery(50, 5), req.query, 'query');
      res.json(await dispatch.suggestions(callerOf(req, res).audience, id, limit));
    }),
  );

  router.get(
    '/:id/cameras',
    requirePermission('camera:view'),
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      const { limit } = parseInput(limitQuery(16, 6), req.query, 'query');
      res.json(await incidents.nearestCameras(id, callerOf(req, res).audience, limit));
    }),
  );

  router.get(
    '/:id/attachments/:attachmentId',
    handle(async (req, res) => {
      const { id, attachmentId } = parseInput(attachmentParams, req.params, 'attachment');
      const { caller, audience } = callerOf(req, res);
      const file = await dispatch.attachment(audience, id, attachmentId);
      await deps.audit.record({
        actorId: caller.actor.id,
        actorName: caller.actor.name,
        action: 'incident.attachment.read',
        target: id,
        ip: caller.ip,
        detail: { attachment: attachmentId },
      });
      res.setHeader('content-type', file.contentType);
      res.setHeader('cache-control', 'private, max-age=3600');
      res.setHeader('x-content-type-options', 'nosniff');
      res.send(file.data);
    }),
  );

  router.post(
    '/:id/acknowledge',
    requirePermission('incident:manage'),
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      const { caller, audience } = callerOf(req, res);
      res.json(await incidents.acknowledge(caller, audience, id));
    }),
  );

  router.post(
    '/:id/assignments',
    requirePermission('unit:dispatch'),
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      const body = parseInput(assignRequestSchema, req.body, 'assignment');
      const { caller, audience } = callerOf(req, res);
      res.json(await dispatch.assign(caller, audience, id, body));
    }),
  );

  router.delete(
    '/:id/assignments/:unitId',
    requirePermission('unit:dispatch'),
    handle(async (req, res) => {
      const { id, unitId } = parseInput(unitParams, req.params, 'assignment');
      const { caller, audience } = callerOf(req, res);
      res.json(await dispatch.release(caller, audience, id, unitId));
    }),
  );

  router.post(
    '/:id/notes',
    requirePermission('incident:manage'),
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      const { text } = parseInput(noteRequestSchema, req.body, 'note');
      const { caller, audience } = callerOf(req, res);
      res.status(201).json(await incidents.note(caller, audience, id, text));
    }),
  );

  router.post(
    '/:id/links',
    requirePermission('incident:manage'),
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      const body = parseInput(linkRequestSchema, req.body, 'links');
      const { caller, audience } = callerOf(req, res);
      res.json(await incidents.link(caller, audience, id, body));
    }),
  );

  router.post(
    '/:id/resolve',
    requirePermission('incident:manage'),
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      const { note } = parseInput(resolveRequestSchema, req.body ?? {}, 'resolution');
      const { caller, audience } = callerOf(req, res);
      res.json(
        await incidents.end(caller, audience, id, 'resolved', null, note ?? null, dispatch.endAssignments),
      );
    }),
  );

  router.post(
    '/:id/close',
    requirePermission('incident:manage'),
    handle(async (req, res) => {
      const { id } = parseInput(idParams, req.params, 'incident id');
      const { outcome, note } = parseInput(closeRequestSchema, req.body, 'closure');
      const { caller, audience } = callerOf(req, res);
      res.json(
        await incidents.end(caller, audience, id, 'closed', outcome, note ?? null, dispatch.endAssignments),
      );
    }),
  );

  return router;
}

/** Settings the dispatcher board reads (check-in interval, response target). */
export function createDispatchRoutes(settings: DispatchSettings): Router {
  const router = Router();
  router.get('/settings', requirePermission('unit:view'), (_req, res) => {
    res.json(settings);
  });
  return router;
}
