import { Router } from 'express';
import {
  violationDecisionSchema,
  violationListQuerySchema,
  violationSettingsUpdateSchema,
} from '@c2/api-client/schemas/violation';
import { z } from 'zod';
import { handle, parseInput } from '../../../platform/http';
import { notFound } from '../../../platform/errors';
import { principalOf, requireAnyPermission, requirePermission } from '../../auth/http/auth-guards';
import type { EvidenceVault } from '../../evidence/domain/evidence-vault';
import type { EvidenceExports } from '../../evidence/domain/evidence-exports';
import type { ViolationReviewService } from '../domain/violation-review';

const idParam = z.string().min(1).max(160);
const fileParam = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/);

export function createViolationRoutes(deps: {
  violations: ViolationReviewService;
  vault: EvidenceVault;
  exports: EvidenceExports;
}): Router {
  const { violations, vault } = deps;
  const router = Router();

  router.get(
    '/',
    requirePermission('violation:view'),
    handle(async (req, res) => {
      const query = parseInput(violationListQuerySchema, req.query, 'query');
      res.json(await violations.list(principalOf(res), query));
    }),
  );
  router.get(
    '/counts',
    requirePermission('violation:view'),
    handle(async (_req, res) => {
      res.json(await violations.counts(principalOf(res)));
    }),
  );
  router.get(
    '/settings',
    requireAnyPermission('violation:view', 'system:configure'),
    handle(async (_req, res) => {
      res.json(await violations.settings());
    }),
  );
  router.put(
    '/settings',
    requirePermission('system:configure'),
    handle(async (req, res) => {
      const body = parseInput(violationSettingsUpdateSchema, req.body, 'settings');
      res.json(await violations.updateSettings(principalOf(res), body.makerChecker, req.ip ?? null));
    }),
  );
  router.get(
    '/:id',
    requirePermission('violation:view'),
    handle(async (req, res) => {
      const id = parseInput(idParam, req.params.id, 'violation id');
      res.json(await violations.detail(principalOf(res), id));
    }),
  );
  router.post(
    '/:id/decisions',
    requireAnyPermission('violation:review', 'violation:approve'),
    handle(async (req, res) => {
      const id = parseInput(idParam, req.params.id, 'violation id');
      const decision = parseInput(violationDecisionSchema, req.body, 'decision');
      res.json(await violations.decide(principalOf(res), id, decision, req.ip ?? null));
    }),
  );
  router.get(
    '/:id/evidence/:name',
    requirePermission('violation:view'),
    handle(async (req, res) => {
      const id = parseInput(idParam, req.params.id, 'violation id');
      const name = parseInput(fileParam, req.params.name, 'evidence name');
      const row = await violations.row(principalOf(res), id);
      if (!row) throw notFound('Violation');
      const file = await vault.file(row, name);
      if (!file) throw notFound('Evidence file');
      res.setHeader('content-type', file.contentType);
      res.setHeader('cache-control', 'private, max-age=300');
      res.setHeader('x-evidence-sha256', file.sealed.sha256);
      // A file that no longer matches its seal is still shown (it is what the service holds), but marked.
      res.setHeader('x-evidence-integrity', file.intact ? 'intact' : 'altered');
      res.send(file.bytes);
    }),
  );
  router.get(
    '/:id/export',
    requirePermission('evidence:export'),
    handle(async (req, res) => {
      const id = parseInput(idParam, req.params.id, 'violation id');
      const pkg = await deps.exports.violation(principalOf(res), id, req.ip ?? null);
      res.setHeader('content-type', 'application/zip');
      res.setHeader('content-disposition', `attachment; filename="${pkg.filename}"`);
      res.setHeader('cache-control', 'no-store');
      res.send(pkg.bytes);
    }),
  );
  return router;
}
