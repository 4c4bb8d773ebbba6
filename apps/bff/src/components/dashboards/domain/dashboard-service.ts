import {
  kpiStatus,
  MAX_HOURLY_DAYS,
  MAX_RANGE_DAYS,
  type AnalyticalDashboard,
  type AnalyticalTotals,
  type CountBy,
  type ParsedDashboardQuery,
  type Kpi,
  type KpiKey,
  type KpiTargets,
  type OperationalDashboard,
  type ResolvedFilter,
  type SeriesPoint,
  type StrategicDashboard,
} from '@c2/api-client/schemas/dashboard';
import { prioritySchema } from '@c2/api-client/schemas/alert';
import { unitStatusSchema } from '@c2/api-client/schemas/unit';
import { incidentTypeSchema } from '@c2/api-client/schemas/incident';
import type { Area } from '@c2/api-client/schemas/map';
import type { Db } from '../../../platform/db';
import { badRequest } from '../../../platform/errors';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import { cameraAvailability } from '../data/availability-store';
import {
  cameraNames,
  camerasByAreaState,
  eventsPerMinute,
  incidentsInProgress,
  incidentTotals,
  localDayStart,
  openAlerts,
  firstIncidentDay,
  responseHistogram,
  roadNames,
  selectTargets,
  sopCompliance,
  trafficByRoadSince,
  unitsByStatus,
  upsertTargets,
  violationsBy,
  hourlyTotals,
  type HourTotals,
  violationBreakdown,
  eventBreakdown,
  strategicDays,
  violationTotals,
  violationTotalsMonthly,
  violationsByMonthly,
  type ViolationTotalsRow,
  type RangeFilter,
  type Scope,
} from '../data/dashboard-store';
import {
  accidentChange,
  addDays,
  bucketStarts,
  dayCount,
  localToday,
  pct,
  percentileFromHistogram,
  previousPeriod,
  splitMonths,
} from './kpi-math';

export type { Scope } from '../data/dashboard-store';

/** Targets when a row is missing (the migration seeds them all; an admin's edit replaces them). */
export const DEFAULT_TARGETS: KpiTargets = {
  coverageWardPct: 50,
  coverageCommunePct: 30,
  cameraAvailabilityPct: 98,
  reviewSlaHours: 24,
  reviewedInSlaPct: 95,
  accidentBaselinePerYear: 1200,
  accidentChangePct: -35,
  responseAvgSeconds: 600,
  responseP90Seconds: 600,
  sopCompliancePct: 90,
};

export interface DashboardServiceDeps {
  db: Db;
  audit: AuditTrail;
  /** The province's wards and communes (for coverage and names). */
  areas: () => readonly Area[];
  now?: () => Date;
}

/** The four dashboards' use-cases: each answers from the rollups, within the caller's scope. */
export function createDashboardService(deps: DashboardServiceDeps) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  function areaName(id: string): string {
    return deps.areas().find((a) => a.id === id)?.name ?? id;
  }

  function resolve(q: ParsedDashboardQuery, defaultDays: number) {
    const today = localToday(now());
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -(defaultDays - 1));
    // The schema checks a range given whole; these check one completed with a default.
    if (from > to)
      throw badRequest('Invalid dashboard filter: from: must not be after to', {
        from: 'must not be after to',
      });
    if (dayCount(from, to) > MAX_RANGE_DAYS)
      throw badRequest(`Invalid dashboard filter: from: range is at most ${MAX_RANGE_DAYS} days`, {
        from: `range is at most ${MAX_RANGE_DAYS} days`,
      });
    if (q.granularity === 'hour' && dayCount(from, to) > MAX_HOURLY_DAYS)
      throw badRequest(
        `Invalid dashboard filter: granularity: hourly covers at most ${MAX_HOURLY_DAYS} days`,
        {
          granularity: `hourly granularity covers at most ${MAX_HOURLY_DAYS} days`,
        },
      );
    if ((q.camera || q.road) && q.granularity === 'hour')
      throw badRequest(
        'Invalid dashboard filter: granularity: hourly series are kept by area, not per road or camera',
        {
          granularity: 'hourly series are kept by area, not per road or camera; choose day or week',
        },
      );
    const filter: ResolvedFilter = {
      from,
      to,
      area: q.area ?? null,
      road: q.road ?? null,
      camera: q.camera ?? null,
      type: q.type ?? null,
      granularity: q.granularity,
      compare: q.compare ?? null,
    };
    return filter;
  }

  function rangeOf(f: ResolvedFilter, from = f.from, to = f.to): RangeFilter {
    return { fromDay: from, toDay: to, area: f.area, road: f.road, camera: f.camera, type: f.type };
  }

  /** Refuses an area outside the caller's jurisdiction (it would read as zero, which is a lie). */
  function checkArea(scope: Scope, area: string | null | undefined) {
    if (area && scope.areas !== null && !scope.areas.includes(area))
      throw badRequest('Invalid dashboard filter: area: outside your jurisdiction', {
        area: 'outside your jurisdiction',
      });
  }

  async function targets(): Promise<KpiTargets> {
    return { ...DEFAULT_TARGETS, ...(await selectTargets(db)) };
  }

  /** Totals over a range: whole months from the monthly rollup, the partial ends (or any camera) from days. */
  /** A part of a range read from one rollup, with whether it is added to the whole or taken from it. */
  const signed = <T>(read: Promise<T>, sign: 1 | -1) => read.then((value) => ({ value, sign }));
  async function spanTotals(scope: Scope, range: RangeFilter): Promise<ViolationTotalsRow> {
    if (range.camera !== null || range.fromDay > range.toDay)
      return range.fromDay > range.toDay
        ? { total: 0, reviewed: 0, reviewed_in_sla: 0, verified: 0, rejected: 0 }
        : violationTotals(db, scope, range);
    const split = splitMonths(range.fromDay, range.toDay);
    const parts = await Promise.all([
      ...(split.months
        ? [signed(violationTotalsMonthly(db, scope, range, split.months.from, split.months.to), 1)]
        : []),
      ...split.days.map((d) =>
        signed(violationTotals(db, scope, { ...range, fromDay: d.from, toDay: d.to }), d.sign),
      ),
    ]);
    const sum: ViolationTotalsRow = { total: 0, reviewed: 0, reviewed_in_sla: 0, verified: 0, rejected: 0 };
    for (const { value, sign } of parts)
      for (const k of Object.keys(sum) as Array<keyof ViolationTotalsRow>) sum[k] += sign * value[k];
    return sum;
  }

  /** Violations by a dimension over a range, months and days merged, largest first. */
  async function spanBy(
    scope: Scope,
    range: RangeFilter,
    dimension: 'type' | 'road_id' | 'area_id',
    limit: number,
  ): Promise<Array<{ key: string; n: number }>> {
    if (range.camera !== null) return violationsBy(db, scope, range, dimension, limit);
    const split = splitMonths(range.fromDay, range.toDay);
    const parts = await Promise.all([
      ...(split.months
        ? [signed(violationsByMonthly(db, scope, range, dimension, split.months.from, split.months.to), 1)]
        : []),
      ...split.days.map((d) =>
        signed(
          violationsBy(db, scope, { ...range, fromDay: d.from, toDay: d.to }, dimension, 100_000),
          d.sign,
        ),
      ),
    ]);
    const merged = new Map<string, number>();
    for (const { value, sign } of parts)
      for (const r of value) merged.set(r.key, (merged.get(r.key) ?? 0) + sign * r.n);
    return [...merged]
      .filter(([, n]) => n > 0)
      .map(([key, n]) => ({ key, n }))
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))
      .slice(0, limit);
  }

  /**
   * Review-SLA totals (up to the last day whose violations are past their deadline) and violations per road. A
   * range without a whole month is one scan of the daily rollup; a longer one reads whole months from the monthly.
   */
  async function strategicViolations(scope: Scope, range: RangeFilter, lastDecidable: string) {
    const cut = range.toDay < lastDecidable ? range.toDay : lastDecidable;
    if (range.camera !== null || splitMonths(range.fromDay, range.toDay).months === null)
      return strategicDays(db, scope, range, cut);
    const [totals, byRoad] = await Promise.all([
      spanTotals(scope, { ...range, toDay: cut }),
      spanBy(scope, range, 'road_id', 15),
    ]);
    return { totals, byRoad };
  }

  async function named(
    rows: Array<{ key: string; n: number }>,
    names: (key: string) => string,
  ): Promise<CountBy[]> {
    return rows.map((r) => ({ key: r.key, name: names(r.key), count: r.n }));
  }

  /**
   * A period's figures. `hoursRead`: its hourly totals when the caller reads them anyway (the heat grid), so an
   * hourly series does not read them a second time.
   */
  async function periodFigures(
    scope: Scope,
    f: ResolvedFilter,
    range: RangeFilter,
    hoursRead: Promise<HourTotals[]> | null = null,
  ) {
    const withEvents = f.camera === null;
    // One scan of the daily rollup gives totals, the day/week series and every breakdown.
    const days = f.granularity === 'week' ? 'week' : 'day';
    const [b, hours, ev] = await Promise.all([
      violationBreakdown(db, scope, range, days),
      f.granularity === 'hour' ? (hoursRead ?? hourlyTotals(db, scope, range)) : Promise.resolve(null),
      withEvents ? eventBreakdown(db, scope, range, days) : Promise.resolve(null),
    ]);
    const et = ev?.totals ?? null;
    const totals: AnalyticalTotals = {
      violations: b.totals.total,
      reviewed: b.totals.reviewed,
      verified: b.totals.verified,
      rejected: b.totals.rejected,
      events: et?.total ?? null,
      congestion: et?.congestion ?? null,
    };
    // Per bucket: hours from the hourly totals; days and weeks from the two breakdowns.
    const violationsAt = new Map<string, number>(
      hours
        ? hours.map((h) => [h.bucket, h.violations])
        : b.series.map((r) => [localDayStart(r.bucket).toISOString(), r.n]),
    );
    const eventsAt = new Map<string, { events: number; congestion: number }>(
      hours
        ? hours.map((h) => [h.bucket, h])
        : (ev?.series ?? []).map((e) => [e.bucket, { ...e, events: e.n }]),
    );
    const series: SeriesPoint[] = bucketStarts(range.fromDay, range.toDay, f.granularity).map((bucket) => ({
      bucket,
      violations: violationsAt.get(bucket) ?? 0,
      events: ev ? (eventsAt.get(bucket)?.events ?? 0) : null,
      congestion: ev ? (eventsAt.get(bucket)?.congestion ?? 0) : null,
    }));
    return { totals, series, breakdown: b, traffic: ev?.byRoad ?? [] };
  }

  return {
    targets,

    async setTargets(
      values: KpiTargets,
      actor: { id: string; name: string; ip: string | null },
    ): Promise<KpiTargets> {
      const before = await targets();
      await db.tx(async (tx) => {
        await upsertTargets(tx, values, actor.name);
        await audit.record(
          {
            actorId: actor.id,
            actorName: actor.name,
            action: 'dashboard.targets.update',
            target: 'kpi_targets',
            ip: actor.ip,
            detail: { before, after: values },
          },
          tx,
        );
      });
      return targets();
    },

    async operational(scope: Scope, area: string | null): Promise<OperationalDashboard> {
      checkArea(scope, area);
      const at = now();
      const hourAgo = new Date(at.getTime() - 3_600_000);
      const minuteStart = new Date(Math.floor(at.getTime() / 60_000) * 60_000 - 59 * 60_000);
      const [cams, alerts, units, epm, incidents, corridors, roads] = await Promise.all([
        camerasByAreaState(db, scope, area),
        openAlerts(db, scope, area),
        unitsByStatus(db, scope, area),
        eventsPerMinute(db, scope, area, minuteStart),
        incidentsInProgress(db, scope, area),
        // The current hour and the one before it: "the last hour" without a partly filled bucket alone.
        trafficByRoadSince(
          db,
          scope,
          area,
          new Date(Math.floor(hourAgo.getTime() / 3_600_000) * 3_600_000),
          new Date(at.getTime() + 1),
        ),
        roadNames(db),
      ]);
      const count = (state: string) => cams.filter((c) => c.state === state).reduce((s, c) => s + c.n, 0);
      const total = cams.reduce((s, c) => s + c.n, 0);
      const online = count('online');
      const degraded = count('degraded');
      const perMinute = new Map(epm.map((r) => [new Date(r.minute).getTime(), r.n]));
      return {
        at: at.toISOString(),
        cameras: {
          total,
          online,
          degraded,
          offline: count('offline'),
          availablePct: pct(online + degraded, total),
        },
        openAlerts: prioritySchema.options.map((priority) => ({
          priority,
          count: Math.max(0, alerts.find((a) => a.priority === priority)?.n ?? 0),
        })),
        units: unitStatusSchema.options.map((status) => ({
          status,
          count: units.find((u) => u.status === status)?.n ?? 0,
        })),
        eventsPerMinute: Array.from({ length: 60 }, (_, i) => {
          const t = minuteStart.getTime() + i * 60_000;
          return { minute: new Date(t).toISOString(), count: perMinute.get(t) ?? 0 };
        }),
        incidentsInProgress: incidentTypeSchema.options
          .map((type) => ({ type, count: Math.max(0, incidents.find((r) => r.type === type)?.n ?? 0) }))
          .filter((r) => r.count > 0),
        corridors: corridors.map((c) => ({
          key: c.key,
          name: roads.get(c.key) ?? c.key,
          events: c.n,
          congestion: c.congestion,
        })),
      };
    },

    async analytical(scope: Scope, q: ParsedDashboardQuery): Promise<AnalyticalDashboard> {
      checkArea(scope, q.area);
      const f = resolve(q, 7);
      const range = rangeOf(f);
      const prev = f.compare === 'previous' ? previousPeriod(f.from, f.to) : null;
      // The heat grid folds the hourly series (hourly rows are kept by area, not by road or camera).
      const hours = f.camera === null && f.road === null ? hourlyTotals(db, scope, range) : null;
      const [current, previous, heat, roads] = await Promise.all([
        periodFigures(scope, f, range, hours),
        prev ? periodFigures(scope, f, rangeOf(f, prev.from, prev.to)) : Promise.resolve(null),
        hours,
        roadNames(db),
      ]);
      const traffic = current.traffic;
      const top = (rows: Array<{ key: string; n: number }>) => rows.slice(0, 10);
      const { byType, byArea } = current.breakdown;
      const byRoad = current.breakdown.byRoad.filter((r) => r.key !== '');
      const byCamera = top(current.breakdown.byCamera);
      const cams = await cameraNames(
        db,
        byCamera.map((c) => c.key),
      );
      let grid: number[][] | null = null;
      if (heat) {
        grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
        for (const h of heat) {
          // Local (UTC+7) weekday, Monday first, and hour of day.
          const local = new Date(Date.parse(h.bucket) + 7 * 3_600_000);
          grid[(local.getUTCDay() + 6) % 7]![local.getUTCHours()]! += h.violations;
        }
      }
      return {
        filter: f,
        totals: current.totals,
        series: current.series,
        previous: prev && previous ? { ...prev, totals: previous.totals, series: previous.series } : null,
        byType: await named(top(byType), (k) => k),
        byRoad: await named(top(byRoad), (k) => roads.get(k) ?? k),
        byArea: await named(top(byArea), areaName),
        topCameras: await named(byCamera, (k) => cams.get(k) ?? k),
        heat: grid,
        traffic: traffic.map((t) => ({
          key: t.key,
          name: roads.get(t.key) ?? t.key,
          events: t.n,
          congestion: t.congestion,
        })),
      };
    },

    async strategic(scope: Scope, q: ParsedDashboardQuery): Promise<StrategicDashboard> {
      checkArea(scope, q.area);
      const f = resolve(q, 30);
      const range = rangeOf(f);
      const t = await targets();
      const from = localDayStart(f.from);
      const to = localDayStart(addDays(f.to, 1));
      // Only violations whose review deadline has passed can have missed it: younger days are left out.
      const slaDays = Math.ceil(t.reviewSlaHours / 24);
      const lastDecidable = addDays(localToday(now()), -slaDays);
      const [cams, uptime, { totals: vt, byRoad }, incidents, hist, sop, roads, since] = await Promise.all([
        camerasByAreaState(db, scope, f.area),
        cameraAvailability(db, scope, f.area, f.from, f.to, now()),
        strategicViolations(scope, range, lastDecidable),
        incidentTotals(db, scope, f.area, from, to),
        responseHistogram(db, scope, f.area, from, to),
        sopCompliance(db, scope, f.area, from, to),
        roadNames(db),
        firstIncidentDay(db),
      ]);

      // Coverage: wards and communes (in the caller's jurisdiction) with at least one camera.
      const inScope = deps
        .areas()
        .filter((a) => (scope.areas === null || scope.areas.includes(a.id)) && (!f.area || a.id === f.area));
      const covered = new Set(cams.filter((c) => c.n > 0).map((c) => c.area_id));
      const coverage = (kind: 'ward' | 'commune') => {
        const all = inScope.filter((a) => (a.kind ?? 'commune') === kind);
        const yes = all.filter((a) => covered.has(a.id)).length;
        return { value: pct(yes, all.length), num: yes, den: all.length };
      };
      const wards = coverage('ward');
      const communes = coverage('commune');
      const upHours = Math.round((uptime.observed - uptime.down) / 3600);
      const observedHours = Math.round(uptime.observed / 3600);
      // Accidents scale to a year over the days the center kept incident records (none: nothing to compare yet).
      const firstDay = since && since > f.from ? since : f.from;
      const today = localToday(now());
      const lastDay = f.to < today ? f.to : today;
      const days = since !== null && firstDay <= lastDay ? dayCount(firstDay, lastDay) : 0;
      const accidents = accidentChange(incidents.accidents, days, t.accidentBaselinePerYear);
      const avg = incidents.arrived > 0 ? Math.round(incidents.arrive_seconds_sum / incidents.arrived) : null;

      const kpi = (
        key: KpiKey,
        value: number | null,
        target: number,
        unit: Kpi['unit'],
        better: Kpi['better'],
        numerator: number | null = null,
        denominator: number | null = null,
      ): Kpi => ({
        key,
        value,
        target,
        unit,
        better,
        status: kpiStatus(value, target, better),
        numerator,
        denominator,
      });

      return {
        filter: f,
        kpis: [
          kpi('coverage_ward', wards.value, t.coverageWardPct, 'pct', 'higher', wards.num, wards.den),
          kpi(
            'coverage_commune',
            communes.value,
            t.coverageCommunePct,
            'pct',
            'higher',
            communes.num,
            communes.den,
          ),
          kpi(
            'camera_availability',
            uptime.observed > 0 ? pct(uptime.observed - uptime.down, uptime.observed) : null,
            t.cameraAvailabilityPct,
            'pct',
            'higher',
            upHours,
            observedHours,
          ),
          kpi(
            'reviewed_in_sla',
            pct(vt.reviewed_in_sla, vt.total),
            t.reviewedInSlaPct,
            'pct',
            'higher',
            vt.reviewed_in_sla,
            vt.total,
          ),
          kpi(
            'accident_change',
            accidents.changePct,
            t.accidentChangePct,
            'pct',
            'lower',
            incidents.accidents,
            null,
          ),
          kpi('response_avg', avg, t.responseAvgSeconds, 'seconds', 'lower', incidents.arrived, null),
          kpi(
            'response_p90',
            percentileFromHistogram(hist, 90),
            t.responseP90Seconds,
            'seconds',
            'lower',
            incidents.arrived,
            null,
          ),
          kpi(
            'sop_compliance',
            sop.n > 0 ? Math.round((sop.sum / sop.n) * 1000) / 10 : null,
            t.sopCompliancePct,
            'pct',
            'higher',
            null,
            sop.n,
          ),
        ],
        violationsByRoad: byRoad
          .filter((r) => r.key !== '')
          .slice(0, 15)
          .map((r) => ({ key: r.key, name: roads.get(r.key) ?? r.key, count: r.n })),
        accidents: {
          count: incidents.accidents,
          recordedDays: days,
          perYear: accidents.perYear,
          baselinePerYear: t.accidentBaselinePerYear,
        },
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
