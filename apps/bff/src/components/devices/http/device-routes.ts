import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  historyQuerySchema,
  slaQuerySchema,
  type Device,
  type SlaReport,
} from '@c2/api-client/schemas/device';
import { handle, parseInput } from '../../../platform/http';
import { AppError, badRequest, notFound } from '../../../platform/errors';
import type { Logger } from '../../../platform/logger';
import { principalOf, requirePermission } from '../../auth/http/auth-guards';
import { audienceOf } from '../../live/domain/audience';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { Principal } from '../../auth/domain/auth-service';
import type { DeviceService } from '../domain/device-service';

const idParam = z.object({ id: z.string().min(1).max(128) });
const csvQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi') });

const KIND_LABEL = {
  vi: { camera: 'Camera', edge_box: 'Hộp AI biên', server: 'Máy chủ' },
  en: { camera: 'Camera', edge_box: 'Edge AI box', server: 'Server' },
} as const;
const HEADERS = {
  vi: ['Mã thiết bị', 'Tên', 'Loại', 'Khu vực', 'Khả dụng cả kỳ (%)', 'Thời gian mất kết nối (phút)'],
  en: ['Device code', 'Name', 'Kind', 'Area', 'Availability over range (%)', 'Downtime (minutes)'],
} as const;

/** RFC 4180 field: quoted when it holds a separator, quote or line break; a leading = + - @ is defused. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The SLA report as CSV, one row per device, one column per day; UTF-8 with BOM so spreadsheets read Vietnamese. */
export function slaCsv(report: SlaReport, lang: 'vi' | 'en'): string {
  const [code, name, kind, area, overall, down] = HEADERS[lang];
  const lines = [[code, name, kind, area, ...report.days, overall, down].map(csvField).join(',')];
  for (const r of report.rows) {
    lines.push(
      [
        r.code,
        r.name,
        KIND_LABEL[lang][r.kind],
        r.areaName,
        ...r.days.map((d) => (d === null ? null : d.toFixed(2))),
        r.overall === null ? null : r.overall.toFixed(2),
        Math.round(r.downSeconds / 60),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The devices API: the table and a device's page for `device:view`; remote diagnosis (probe, fresh snapshot,
 * reconnect) for `device:manage`, each audited. Devices outside the caller's clearance or jurisdiction answer 404.
 */
export function createDeviceRoutes(deps: {
  devices: DeviceService;
  audit: AuditTrail;
  logger: Logger;
}): Router {
  const { devices, audit, logger } = deps;
  const router = Router();
  router.use(requirePermission('device:view'));
  const audience = (p: Principal) => audienceOf(p.permissions, p.user.areas);

  async function record(
    req: Request,
    p: Principal,
    action: string,
    target: string,
    detail: Record<string, unknown>,
  ) {
    await audit.record({
      actorId: p.user.id,
      actorName: p.user.username,
      action,
      target,
      ip: req.ip ?? null,
      detail,
    });
  }

  async function camera(req: Request, p: Principal): Promise<Device> {
    const { id } = parseInput(idParam, req.params, 'device id');
    const device = await devices.find(id, audience(p));
    if (!device) throw notFound('Device');
    if (device.kind !== 'camera')
      throw badRequest('Only a camera has a stream to diagnose', { id: 'not a camera' });
    return device;
  }

  router.get(
    '/',
    handle(async (_req, res) => {
      res.json(await devices.list(audience(principalOf(res))));
    }),
  );

  router.get(
    '/sla',
    handle(async (req, res) => {
      const query = parseInput(slaQuerySchema, req.query, 'SLA report range');
      res.json(await devices.sla(query, audience(principalOf(res))));
    }),
  );

  router.get(
    '/sla.csv',
    handle(async (req, res) => {
      const query = parseInput(
        slaQuerySchema,
        { from: req.query.from, to: req.query.to, kind: req.query.kind },
        'SLA report range',
      );
      const { lang } = parseInput(csvQuery, { lang: req.query.lang }, 'language');
      const p = principalOf(res);
      const report = await devices.sla(query, audience(p));
      await record(req, p, 'device.sla.export', 'devices', { ...query, rows: report.rows.length });
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="sla-${query.from}-${query.to}.csv"`);
      res.send(slaCsv(report, lang));
    }),
  );

  router.get(
    '/:id',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'device id');
      const detail = await devices.detail(id, audience(principalOf(res)));
      if (!detail) throw notFound('Device');
      res.json(detail);
    }),
  );

  router.get(
    '/:id/history',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'device id');
      const { hours } = parseInput(historyQuerySchema, req.query, 'history range');
      const history = await devices.history(id, hours, audience(principalOf(res)));
      if (!history) throw notFound('Device');
      res.json(history);
    }),
  );

  router.get(
    '/:id/snapshot',
    requirePermission('device:manage'),
    handle(async (req, res) => {
      const p = principalOf(res);
      const device = await camera(req, p);
      const image = await devices.snapshot(device).catch((err: unknown) => {
        logger.warn({ err, cameraId: device.id }, 'snapshot failed');
        return null;
      });
      // Viewing a camera's picture is a sensitive read: audited whether or not a picture came.
      await record(req, p, 'device.snapshot', device.id, { ok: image !== null, bytes: image?.length ?? 0 });
      if (!image) throw new AppError('no_picture', 'The camera has no picture to give right now', 409);
      res.setHeader('content-type', 'image/jpeg');
      res.setHeader('cache-control', 'no-store');
      res.send(image);
    }),
  );

  router.post(
    '/:id/probe',
    requirePermission('device:manage'),
    handle(async (req, res) => {
      const p = principalOf(res);
      const device = await camera(req, p);
      const probe = await devices.probe(device);
      await record(req, p, 'device.probe', device.id, { ok: probe.ok, error: probe.error });
      res.json(probe);
    }),
  );

  router.post(
    '/:id/restart',
    requirePermission('device:manage'),
    handle(async (req, res) => {
      const p = principalOf(res);
      const device = await camera(req, p);
      const attempt = await devices.restart(device, p.user.username);
      await record(req, p, 'device.restart', device.id, { outcome: attempt.outcome, ...attempt.detail });
      res.json(attempt);
    }),
  );
  return router;
}
