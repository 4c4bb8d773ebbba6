import { Router } from 'express';
import { z } from 'zod';
import {
  bookmarkRequestSchema,
  caseCreateSchema,
  caseItemCreateSchema,
  caseNoteCreateSchema,
  caseUpdateSchema,
  searchQuerySchema,
} from '@c2/api-client/schemas/investigate';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import type { EvidenceExports } from '../../evidence/domain/evidence-exports';
import type { Investigation } from '../domain/investigation';

const id = z.string().min(1).max(128);
const itemId = z.coerce.number().int().positive();

export function createInvestigateRoutes(deps: {
  investigation: Investigation;
  exports: EvidenceExports;
}): Router {
  const { investigation } = deps;
  const router = Router();
  router.use(requirePermission('investigate:search'));
  const ip = (req: { ip?: string | undefined }) => req.ip ?? null;

  router.get(
    '/search',
    handle(async (req, res) => {
      const query = parseInput(searchQuerySchema, req.query, 'search');
      res.json(await investigation.search(principalOf(res), query, ip(req)));
    }),
  );
  router.get(
    '/bookmarks',
    handle(async (_req, res) => {
      res.json(await investigation.bookmarks(principalOf(res)));
    }),
  );
  router.put(
    '/bookmarks/:eventId',
    handle(async (req, res) => {
      const eventId = parseInput(id, req.params.eventId, 'event id');
      const body = parseInput(bookmarkRequestSchema, req.body ?? {}, 'bookmark');
      res.json(await investigation.bookmark(principalOf(res), eventId, body.note, ip(req)));
    }),
  );
  router.delete(
    '/bookmarks/:eventId',
    handle(async (req, res) => {
      const eventId = parseInput(id, req.params.eventId, 'event id');
      await investigation.unbookmark(principalOf(res), eventId, ip(req));
      res.status(204).end();
    }),
  );
  router.get(
    '/cases',
    handle(async (_req, res) => {
      res.json(await investigation.cases());
    }),
  );
  router.post(
    '/cases',
    handle(async (req, res) => {
      const body = parseInput(caseCreateSchema, req.body, 'case');
      res.status(201).json(await investigation.createCase(principalOf(res), body, ip(req)));
    }),
  );
  router.get(
    '/cases/:id',
    handle(async (req, res) => {
      res.json(await investigation.caseDetail(principalOf(res), parseInput(id, req.params.id, 'case id')));
    }),
  );
  router.patch(
    '/cases/:id',
    handle(async (req, res) => {
      const body = parseInput(caseUpdateSchema, req.body, 'case');
      res.json(
        await investigation.updateCase(
          principalOf(res),
          parseInput(id, req.params.id, 'case id'),
          body,
          ip(req),
        ),
      );
    }),
  );
  router.post(
    '/cases/:id/items',
    handle(async (req, res) => {
      const body = parseInput(caseItemCreateSchema, req.body, 'case item');
      res
        .status(201)
        .json(
          await investigation.addItem(
            principalOf(res),
            parseInput(id, req.params.id, 'case id'),
            body,
            ip(req),
          ),
        );
    }),
  );
  router.delete(
    '/cases/:id/items/:itemId',
    handle(async (req, res) => {
      await investigation.removeItem(
        principalOf(res),
        parseInput(id, req.params.id, 'case id'),
        parseInput(itemId, req.params.itemId, 'item id'),
        ip(req),
      );
      res.status(204).end();
    }),
  );
  router.post(
    '/cases/:id/notes',
    handle(async (req, res) => {
      const body = parseInput(caseNoteCreateSchema, req.body, 'note');
      res
        .status(201)
        .json(
          await investigation.addNote(
            principalOf(res),
            parseInput(id, req.params.id, 'case id'),
            body.text,
            ip(req),
          ),
        );
    }),
  );
  router.get(
    '/cases/:id/export',
    requirePermission('evidence:export'),
    handle(async (req, res) => {
      const p = principalOf(res);
      const detail = await investigation.caseDetail(p, parseInput(id, req.params.id, 'case id'));
      const pkg = await deps.exports.case(p, detail, ip(req));
      res.setHeader('content-type', 'application/zip');
      res.setHeader('content-disposition', `attachment; filename="${pkg.filename}"`);
      res.setHeader('cache-control', 'no-store');
      res.send(pkg.bytes);
    }),
  );
  return router;
}
