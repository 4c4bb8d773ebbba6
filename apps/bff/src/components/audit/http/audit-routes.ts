import { Router, type Request, type Response } from 'express';
import { auditQuerySchema } from '@c2/api-client/schemas/audit';
import { handle, parseInput } from '../../../platform/http';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import type { AuditTrail } from '../domain/audit-trail';
import { AUDIT_CSV_HEADER, auditCsvRow } from '../domain/audit-csv';

/** Most rows one export carries; narrower filters get the rest. */
const EXPORT_MAX_ROWS = 50_000;

/** The auditor's view of the trail: read, export and verify. Each of them is itself recorded. */
export function createAuditRoutes(audit: AuditTrail): Router {
  const router = Router();
  router.use(requirePermission('audit:view'));

  const record = (req: Request, res: Response, action: string, detail: Record<string, unknown>) => {
    const p = principalOf(res);
    return audit.record({
      actorId: p.user.id,
      actorName: p.user.username,
      action,
      target: null,
      ip: req.ip ?? null,
      detail,
    });
  };

  router.get(
    '/',
    handle(async (req, res) => {
      const query = parseInput(auditQuerySchema, req.query, 'audit filters');
      const page = await audit.list(query);
      // Reading the trail is itself a sensitive read; the entry lands after the page, so the page stays stable.
      const { limit: _limit, ...filters } = query;
      await record(req, res, 'audit.viewed', { filters, entries: page.entries.length });
      res.json(page);
    }),
  );

  router.get(
    '/export.csv',
    handle(async (req, res) => {
      const {
        limit: _limit,
        before: _before,
        ...filters
      } = parseInput(auditQuerySchema, req.query, 'audit filters');
      await record(req, res, 'audit.exported', { filters, format: 'csv' });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="audit-${stamp}.csv"`);
      // A byte-order mark so spreadsheet programs read Vietnamese names as UTF-8.
      res.write(`\uFEFF${AUDIT_CSV_HEADER.join(',')}\r\n`);
      for await (const entry of audit.scan(filters, EXPORT_MAX_ROWS)) res.write(`${auditCsvRow(entry)}\r\n`);
      res.end();
    }),
  );

  router.get(
    '/verify',
    handle(async (req, res) => {
      const result = await audit.verify();
      await record(req, res, 'audit.verified', {
        ok: result.ok,
        checked: result.checked,
        firstBroken: result.firstBroken?.id ?? null,
      });
      res.json(result);
    }),
  );
  return router;
}
