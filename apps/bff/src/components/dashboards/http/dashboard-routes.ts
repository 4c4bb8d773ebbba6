import { Router } from 'express';
import { z } from 'zod';
import { areaId } from '@c2/api-client/schemas/common';
import { dashboardDay, dashboardQuerySchema, kpiTargetsSchema } from '@c2/api-client/schemas/dashboard';
import { handle, parseInput } from '../../../platform/http';
import { AppError } from '../../../platform/errors';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { DailySummary } from '../domain/daily-summary';
import { addDays, localToday } from '../domain/kpi-math';
import { principalOf, requireAnyPermission, requirePermission } from '../../auth/http/auth-guards';
import type { Principal } from '../../auth/domain/auth-service';
import { audienceOf } from '../../live/domain/audience';
import type { DashboardService, Scope } from '../domain/dashboard-service';

const operationalQuery = z.object({ area: areaId.optional() }).strict();

function scopeOf(p: Principal): Scope {
  const a = audienceOf(p.permissions, p.user.areas);
  return { maxTier: a.maxTier, areas: a.areas };
}

/**
 * The dashboards, one permission per level: operational (live), analytical (trends), strategic (KPIs against
 * targets). Every figure is read from the rollups within the caller's clearance and jurisdiction.
 */
export function createDashboardRoutes(dashboards: DashboardService): Router {
  const router = Router();

  router.get(
    '/operational',
    requirePermission('dashboard:operational'),
    handle(async (req, res) => {
      const q = parseInput(operationalQuery, req.query, 'dashboard filter');
      res.json(await dashboards.operational(scopeOf(principalOf(res)), q.area ?? null));
    }),
  );

  router.get(
    '/analytical',
    // The investigative level reads the same breakdowns, as tables that open the records behind each figure.
    requireAnyPermission('dashboard:analytical', 'dashboard:investigative'),
    handle(async (req, res) => {
      const q = parseInput(dashboardQuerySchema, req.query, 'dashboard filter');
      res.json(await dashboards.analytical(scopeOf(principalOf(res)), q));
    }),
  );

  router.get(
    '/strategic',
    requirePermission('dashboard:strategic'),
    handle(async (req, res) => {
      const q = parseInput(dashboardQuerySchema, req.query, 'dashboard filter');
      res.json(await dashboards.strategic(scopeOf(principalOf(res)), q));
    }),
  );
  return router;
}

/** KPI targets: read and replaced by administrators (`system:configure`), every change audited. */
export function createKpiTargetRoutes(dashboards: DashboardService): Router {
  const router = Router();
  router.use(requirePermission('system:configure'));

  router.get(
    '/',
    handle(async (_req, res) => {
      res.json(await dashboards.targets());
    }),
  );

  router.put(
    '/',
    handle(async (req, res) => {
      const body = parseInput(kpiTargetsSchema, req.body, 'KPI targets');
      const p = principalOf(res);
      res.json(
        await dashboards.setTargets(body, { id: p.user.id, name: p.user.username, ip: req.ip ?? null }),
      );
    }),
  );
  return router;
}

const summaryBody = z.union([z.undefined(), z.object({ day: dashboardDay.optional() }).strict()]);

/**
 * Sends a day's summary e-mail to the leaders now (default: yesterday), for an administrator who wants it before
 * the morning run or after fixing a contact; a day goes out once, a second request answers 409.
 */
export function createDashboardSummaryRoutes(summary: DailySummary, audit: AuditTrail): Router {
  const router = Router();
  router.post(
    '/',
    requirePermission('system:configure'),
    handle(async (req, res) => {
      const body = parseInput(summaryBody, req.body, 'summary request');
      const day = body?.day ?? addDays(localToday(new Date()), -1);
      const p = principalOf(res);
      const sent = await summary.send(day, p.user.username);
      if (!sent) throw new AppError('already_sent', `The summary of ${day} was already sent`, 409);
      await audit.record({
        actorId: p.user.id,
        actorName: p.user.username,
        action: 'dashboard.summary.send',
        target: day,
        ip: req.ip ?? null,
        detail: { recipients: sent.recipients },
      });
      res.status(201).json(sent);
    }),
  );
  return router;
}
