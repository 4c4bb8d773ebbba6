import express, { Router } from 'express';
import { z } from 'zod';
import { PHOTO_TYPES, noteRequestSchema, unitStatusRequestSchema } from '@c2/api-client/schemas/incident';
import { badRequest } from '../../../platform/errors';
import { handle, noBody, parseInput } from '../../../platform/http';
import { requirePermission } from '../../auth/http/auth-guards';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { DispatchService } from '../domain/dispatch-service';
import { callerOf } from './caller';

const attachmentParams = z.object({ attachmentId: z.string().uuid() });

/** The field view's API: a field unit's crew sees and updates its own assignment only. */
export function createFieldRoutes(deps: {
  dispatch: DispatchService;
  audit: AuditTrail;
  photoMaxBytes: number;
}): Router {
  const { field } = deps.dispatch;
  const router = Router();
  router.use(requirePermission('field:respond'));

  router.get(
    '/assignment',
    handle(async (req, res) => {
      res.json(await field.view(callerOf(req, res).userId));
    }),
  );

  router.post(
    '/assignment/accept',
    handle(async (req, res) => {
      parseInput(noBody, req.body, 'body');
      const { caller, userId } = callerOf(req, res);
      res.json(await field.accept(caller, userId));
    }),
  );

  router.post(
    '/status',
    handle(async (req, res) => {
      const body = parseInput(unitStatusRequestSchema, req.body, 'status');
      const { caller, userId } = callerOf(req, res);
      res.json(await field.status(caller, userId, body.status, body.reason ?? null));
    }),
  );

  router.post(
    '/check-in',
    handle(async (req, res) => {
      parseInput(noBody, req.body, 'body');
      const { caller, userId } = callerOf(req, res);
      res.json(await field.checkIn(caller, userId));
    }),
  );

  router.post(
    '/assignment/notes',
    handle(async (req, res) => {
      const { text } = parseInput(noteRequestSchema, req.body, 'note');
      const { caller, userId } = callerOf(req, res);
      res.status(201).json(await field.note(caller, userId, text));
    }),
  );

  router.post(
    '/assignment/photos',
    // The body is the image itself; the size limit answers 413 before anything is buffered past it.
    express.raw({ type: () => true, limit: deps.photoMaxBytes }),
    handle(async (req, res) => {
      const declared = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!(PHOTO_TYPES as readonly string[]).includes(declared))
        throw badRequest(`Photos must be ${PHOTO_TYPES.join(', ')}`, {
          'content-type': 'not an accepted image type',
        });
      const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (data.length === 0) throw badRequest('The photo is empty', { body: 'empty' });
      const { caller, userId } = callerOf(req, res);
      res.status(201).json(await field.photo(caller, userId, declared, data));
    }),
  );

  router.get(
    '/attachments/:attachmentId',
    handle(async (req, res) => {
      const { attachmentId } = parseInput(attachmentParams, req.params, 'attachment');
      const { caller, userId } = callerOf(req, res);
      const file = await field.attachment(userId, attachmentId);
      await deps.audit.record({
        actorId: caller.actor.id,
        actorName: caller.actor.name,
        action: 'field.attachment.read',
        target: attachmentId,
        ip: caller.ip,
        detail: {},
      });
      res.setHeader('content-type', file.contentType);
      res.setHeader('cache-control', 'private, max-age=3600');
      res.setHeader('x-content-type-options', 'nosniff');
      res.send(file.data);
    }),
  );

  return router;
}
