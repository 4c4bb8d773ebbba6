import { Router } from 'express';
import { z } from 'zod';
import {
  eventCursorSchema,
  eventTypeSchema,
  severitySchema,
  type EventPage,
} from '@c2/api-client/schemas/event';
import { areaId } from '@c2/api-client/schemas/common';
import type { Db } from '../../../platform/db';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import { audienceOf } from '../../live/domain/audience';
import { notFound } from '../../../platform/errors';
import { selectCamera } from '../../cameras/data/camera-store';
import { selectEventPage } from '../data/event-store';

/** A comma-separated list in a query string. */
const csv = z
  .string()
  .max(2000)
  .optional()
  .transform((v) => (v ? v.split(',').filter((x) => x !== '') : []));

const listQuery = z.object({
  type: csv.pipe(z.array(eventTypeSchema).max(eventTypeSchema.options.length)),
  severity: csv.pipe(z.array(severitySchema).max(severitySchema.options.length)),
  area: areaId.optional(),
  camera: z.string().min(1).max(128).optional(),
  cursor: eventCursorSchema
    .transform((c, ctx) => {
      const cut = c.indexOf('~');
      const ts = c.slice(0, cut);
      if (Number.isNaN(Date.parse(ts))) {
        ctx.addIssue({ code: 'custom', message: 'a cursor from a previous page' });
        return z.NEVER;
      }
      return { ts, id: c.slice(cut + 1) };
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export function createEventRoutes(db: Db, lateAfterMs: number): Router {
  const router = Router();
  router.use(requirePermission('event:view'));
  router.get(
    '/',
    handle(async (req, res) => {
      const query = parseInput(listQuery, req.query, 'query');
      const p = principalOf(res);
      const a = audienceOf(p.permissions, p.user.areas);
      // A camera the caller may not see answers like an unknown one, never as an empty list that confirms it.
      if (query.camera && !(await selectCamera(db, query.camera, a.maxTier, a.areas)))
        throw notFound('Camera');
      // One more than asked tells whether an older page exists.
      const rows = await selectEventPage(
        db,
        {
          filter: {
            types: query.type,
            severities: query.severity,
            areaId: query.area ?? null,
            cameraId: query.camera ?? null,
          },
          before: query.cursor ?? null,
          limit: query.limit + 1,
          maxTier: a.maxTier,
          areas: a.areas,
        },
        lateAfterMs,
      );
      const events = rows.slice(0, query.limit);
      const last = events[events.length - 1];
      const page: EventPage = {
        events,
        next: rows.length > query.limit && last ? `${last.ts}~${last.id}` : null,
      };
      res.json(page);
    }),
  );
  return router;
}
