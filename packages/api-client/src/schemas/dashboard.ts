import { z } from 'zod';
import { areaId, isoTime } from './common';
import { prioritySchema } from './alert';
import { unitStatusSchema } from './unit';
import { violationTypeSchema } from './violation';
import { incidentTypeSchema } from './incident';

/** A local (Vietnam) calendar day, `YYYY-MM-DD`. */
export const dashboardDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date');

export const granularitySchema = z.enum(['hour', 'day', 'week']);
export type Granularity = z.infer<typeof granularitySchema>;

/** Longest range a dashboard answers (two years: a year compared with the one before). */
export const MAX_RANGE_DAYS = 731;
/** With fewer recorded days than this, accidents are not scaled to a year nor compared with the baseline. */
export const MIN_ACCIDENT_DAYS = 7;
/** Hourly series are drawn for at most this many days. */
export const MAX_HOURLY_DAYS = 31;

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/**
 * Dashboard filters, as they travel in the URL. `from`/`to` are local days, both included (default: the last 7
 * days); `area`, `road`, `camera` and `type` narrow every figure; `compare=previous` adds the same-length period
 * just before.
 */
export const dashboardQuerySchema = z
  .object({
    from: dashboardDay.optional(),
    to: dashboardDay.optional(),
    area: areaId.optional(),
    road: z.string().min(1).max(80).optional(),
    camera: z.string().min(1).max(128).optional(),
    type: violationTypeSchema.optional(),
    granularity: granularitySchema.default('day'),
    compare: z.enum(['previous']).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) < MAX_RANGE_DAYS, {
    message: `range is at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  })
  .refine(
    (q) => q.granularity !== 'hour' || !q.from || !q.to || daysBetween(q.from, q.to) < MAX_HOURLY_DAYS,
    { message: `hourly granularity covers at most ${MAX_HOURLY_DAYS} days`, path: ['granularity'] },
  );
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;
/** The filters as the BFF holds them after parsing (granularity defaulted). */
export type ParsedDashboardQuery = z.output<typeof dashboardQuerySchema>;

/** The filters a dashboard answered for, with the defaults filled in. */
export const resolvedFilterSchema = z.object({
  from: dashboardDay,
  to: dashboardDay,
  area: z.string().nullable(),
  road: z.string().nullable(),
  camera: z.string().nullable(),
  type: violationTypeSchema.nullable(),
  granularity: granularitySchema,
  compare: z.enum(['previous']).nullable(),
});
export type ResolvedFilter = z.infer<typeof resolvedFilterSchema>;

/** One bar or slice: a key to drill down with, its label, its count. */
export const countBySchema = z.object({ key: z.string(), name: z.string(), count: z.number().int() });
export type CountBy = z.infer<typeof countBySchema>;

export const operationalDashboardSchema = z.object({
  at: isoTime,
  cameras: z.object({
    total: z.number().int(),
    online: z.number().int(),
    degraded: z.number().int(),
    offline: z.number().int(),
    /** Online or degraded (reachable) as a share of all, 0–100; null with no camera. */
    availablePct: z.number().nullable(),
  }),
  openAlerts: z.array(z.object({ priority: prioritySchema, count: z.number().int() })),
  units: z.array(z.object({ status: unitStatusSchema, count: z.number().int() })),
  /** The last 60 minutes, oldest first, one point per minute. */
  eventsPerMinute: z.array(z.object({ minute: isoTime, count: z.number().int() })),
  incidentsInProgress: z.array(z.object({ type: incidentTypeSchema, count: z.number().int() })),
  /** AI events and congestion events per road over the last hour. */
  corridors: z.array(
    z.object({ key: z.string(), name: z.string(), events: z.number().int(), congestion: z.number().int() }),
  ),
});
export type OperationalDashboard = z.infer<typeof operationalDashboardSchema>;

export const seriesPointSchema = z.object({
  /** Start of the bucket. */
  bucket: isoTime,
  violations: z.number().int(),
  /** AI events are rolled up by place, not by camera: null when a camera filter is set. */
  events: z.number().int().nullable(),
  congestion: z.number().int().nullable(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const analyticalTotalsSchema = z.object({
  violations: z.number().int(),
  reviewed: z.number().int(),
  verified: z.number().int(),
  rejected: z.number().int(),
  events: z.number().int().nullable(),
  congestion: z.number().int().nullable(),
});
export type AnalyticalTotals = z.infer<typeof analyticalTotalsSchema>;

export const analyticalDashboardSchema = z.object({
  filter: resolvedFilterSchema,
  totals: analyticalTotalsSchema,
  series: z.array(seriesPointSchema),
  previous: z
    .object({
      from: dashboardDay,
      to: dashboardDay,
      totals: analyticalTotalsSchema,
      series: z.array(seriesPointSchema),
    })
    .nullable(),
  byType: z.array(countBySchema),
  byRoad: z.array(countBySchema),
  byArea: z.array(countBySchema),
  topCameras: z.array(countBySchema),
  /** Violations by local weekday (0 = Monday) × hour of day (0–23); null with a camera filter (hours are kept by place). */
  heat: z.array(z.array(z.number().int()).length(24)).length(7).nullable(),
  /** AI events and congestion events per road: the traffic picture. */
  traffic: z.array(
    z.object({ key: z.string(), name: z.string(), events: z.number().int(), congestion: z.number().int() }),
  ),
});
export type AnalyticalDashboard = z.infer<typeof analyticalDashboardSchema>;

export const kpiKeySchema = z.enum([
  'coverage_ward',
  'coverage_commune',
  'camera_availability',
  'reviewed_in_sla',
  'accident_change',
  'response_avg',
  'response_p90',
  'sop_compliance',
]);
export type KpiKey = z.infer<typeof kpiKeySchema>;

/** A KPI against its target. `status` is unknown when there is nothing to measure yet. */
export const kpiSchema = z.object({
  key: kpiKeySchema,
  value: z.number().nullable(),
  target: z.number(),
  unit: z.enum(['pct', 'seconds']),
  better: z.enum(['higher', 'lower']),
  status: z.enum(['good', 'bad', 'unknown']),
  /** What the value is made of (e.g. 12 of 40 wards), when it is a share. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type Kpi = z.infer<typeof kpiSchema>;

export const strategicDashboardSchema = z.object({
  filter: resolvedFilterSchema,
  kpis: z.array(kpiSchema),
  violationsByRoad: z.array(countBySchema),
  accidents: z.object({
    count: z.number().int(),
    /** Days of the range on which the center was recording (from its first record on). */
    recordedDays: z.number().int(),
    /** Scaled to a year over the recorded days; null with fewer than a week of them. */
    perYear: z.number().nullable(),
    baselinePerYear: z.number(),
  }),
});
export type StrategicDashboard = z.infer<typeof strategicDashboardSchema>;

/** Targets the strategic dashboard measures against; admins edit them. */
export const kpiTargetsSchema = z
  .object({
    coverageWardPct: z.number().min(0).max(100),
    coverageCommunePct: z.number().min(0).max(100),
    cameraAvailabilityPct: z.number().min(0).max(100),
    /** A violation counts as reviewed in time when decided within this many hours of its arrival. */
    reviewSlaHours: z.number().min(1).max(720),
    reviewedInSlaPct: z.number().min(0).max(100),
    /** Average accidents a year over 2020–2025, from the province's statistics. */
    accidentBaselinePerYear: z.number().min(0).max(1_000_000),
    /** Target change against the baseline, e.g. -35. */
    accidentChangePct: z.number().min(-100).max(100),
    responseAvgSeconds: z.number().int().min(30).max(7200),
    responseP90Seconds: z.number().int().min(30).max(7200),
    sopCompliancePct: z.number().min(0).max(100),
  })
  .strict();
export type KpiTargets = z.infer<typeof kpiTargetsSchema>;

/** Decides good/bad for a KPI: at or better than the target is good. */
export function kpiStatus(
  value: number | null,
  target: number,
  better: 'higher' | 'lower',
): 'good' | 'bad' | 'unknown' {
  if (value === null || !Number.isFinite(value)) return 'unknown';
  return (better === 'higher' ? value >= target : value <= target) ? 'good' : 'bad';
}

/** Query string of dashboard filters (defined values only), for the client and for shareable links. */
export function dashboardQueryString(q: DashboardQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (typeof v === 'string' && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
