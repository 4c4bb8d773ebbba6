import { z } from 'zod';
import { isoTime } from './common';
import { cameraStateSchema } from './camera';

/** What is monitored: cameras (from the VMS), edge AI boxes at the roadside, and the center's servers. */
export const deviceKindSchema = z.enum(['camera', 'edge_box', 'server']);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

/** A device's reachability, the same three states as a camera: online, offline, degraded. */
export const deviceStateSchema = cameraStateSchema;
export type DeviceState = z.infer<typeof deviceStateSchema>;

/**
 * Faults the center detects. The camera kinds are also raised as analytics events of the same name (so alert
 * rules handle them like AI events); the others concern edge boxes and servers.
 */
export const deviceFaultKindSchema = z.enum([
  'camera_offline',
  'stream_failure',
  'image_black',
  'image_frozen',
  'image_blur',
  'camera_covered',
  'scene_change',
  'device_offline',
  'high_temperature',
  'storage_low',
  'high_cpu',
  'network_degraded',
]);
export type DeviceFaultKind = z.infer<typeof deviceFaultKindSchema>;

/** The image-quality fault kinds, judged from sampled snapshots. */
export const IMAGE_FAULT_KINDS = [
  'image_black',
  'image_frozen',
  'image_blur',
  'camera_covered',
  'scene_change',
] as const satisfies readonly DeviceFaultKind[];

/** Health readings; a reading a device kind does not have (fps of a server) or could not be read is null. */
export const deviceMetricsSchema = z.object({
  cpuPct: z.number().nullable(),
  memPct: z.number().nullable(),
  tempC: z.number().nullable(),
  /** Share of storage in use. */
  storagePct: z.number().nullable(),
  latencyMs: z.number().nullable(),
  lossPct: z.number().nullable(),
  bitrateKbps: z.number().nullable(),
  fps: z.number().nullable(),
});
export type DeviceMetrics = z.infer<typeof deviceMetricsSchema>;
export const METRIC_KEYS = deviceMetricsSchema.keyof().options;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** One row of the devices table: identity, live state, newest readings and the faults open now. */
export const deviceSchema = z.object({
  id: z.string(),
  kind: deviceKindSchema,
  code: z.string(),
  name: z.string(),
  model: z.string(),
  /** Jurisdiction; null for the center's own servers (province-wide). */
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  state: deviceStateSchema,
  since: isoTime,
  reason: z.string().nullable(),
  metrics: deviceMetricsSchema,
  metricsAt: isoTime.nullable(),
  faults: z.array(deviceFaultKindSchema),
  /** When the image of a camera was last checked (null for other kinds or not yet). */
  checkedAt: isoTime.nullable(),
});
export type Device = z.infer<typeof deviceSchema>;

/** A fault episode: opened when its check crossed the threshold (with hysteresis), cleared when it recovered. */
export const deviceFaultSchema = z.object({
  id: z.number().int(),
  deviceId: z.string(),
  kind: deviceFaultKindSchema,
  openedAt: isoTime,
  clearedAt: isoTime.nullable(),
  /** Id of the analytics event raised for it (camera kinds), which alert rules act on. */
  eventId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type DeviceFault = z.infer<typeof deviceFaultSchema>;

export const healingActionSchema = z.enum(['restart_stream']);
export const healingOutcomeSchema = z.enum(['pending', 'recovered', 'failed', 'error']);

/** One self-healing attempt, automatic (actor "system") or asked for by an administrator. */
export const healingAttemptSchema = z.object({
  id: z.number().int(),
  deviceId: z.string(),
  ts: isoTime,
  action: healingActionSchema,
  /** 1-based attempt number within the fault episode (0 for a manual action). */
  attempt: z.number().int().nonnegative(),
  faultKind: deviceFaultKindSchema.nullable(),
  outcome: healingOutcomeSchema,
  actor: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type HealingAttempt = z.infer<typeof healingAttemptSchema>;

/** A past state of a device and since when it held. */
export const deviceStatusChangeSchema = z.object({
  state: deviceStateSchema,
  since: isoTime,
  reason: z.string().nullable(),
});

/** What the last image check measured (cameras). */
export const imageQualitySchema = z.object({
  checkedAt: isoTime,
  verdict: z.enum(['ok', 'no_image', ...IMAGE_FAULT_KINDS]),
  /** Mean luminance 0–255. */
  brightness: z.number(),
  /** Standard deviation of luminance (global contrast). */
  contrast: z.number(),
  /** Variance of the Laplacian (focus / sharpness). */
  sharpness: z.number(),
  /** Mean absolute change from the previous sample, 0–255. */
  motion: z.number().nullable(),
  /** Correlation with the camera's learned reference view, −1…1. */
  sceneMatch: z.number().nullable(),
});
export type ImageQuality = z.infer<typeof imageQualitySchema>;

/** A device with what the device page shows: history of states, recent faults, healing attempts, last check. */
export const deviceDetailSchema = z.object({
  device: deviceSchema,
  /** For a camera: the edge AI box that serves it. */
  edgeBoxId: z.string().nullable(),
  statusHistory: z.array(deviceStatusChangeSchema),
  faults: z.array(deviceFaultSchema),
  healing: z.array(healingAttemptSchema),
  quality: imageQualitySchema.nullable(),
});
export type DeviceDetail = z.infer<typeof deviceDetailSchema>;

/** One point of a device's health history (raw samples recently, hourly averages further back). */
export const metricPointSchema = deviceMetricsSchema.extend({
  ts: isoTime,
  online: z.number().min(0).max(1),
});
export type MetricPoint = z.infer<typeof metricPointSchema>;
export const deviceHistorySchema = z.object({
  deviceId: z.string(),
  from: isoTime,
  to: isoTime,
  points: z.array(metricPointSchema),
});
export type DeviceHistory = z.infer<typeof deviceHistorySchema>;

export const historyQuerySchema = z.object({
  hours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24),
});

/** The answer of a remote stream probe. */
export const streamProbeSchema = z.object({
  ok: z.boolean(),
  checkedAt: isoTime,
  latencyMs: z.number().nullable(),
  codec: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  fps: z.number().nullable(),
  bitrateKbps: z.number().nullable(),
  error: z.string().nullable(),
});
export type StreamProbe = z.infer<typeof streamProbeSchema>;

/** A day as the province counts it (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
export const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** SLA report range: at most 31 days. */
export const slaQuerySchema = z
  .object({
    from: dayString,
    to: dayString,
    kind: deviceKindSchema.optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < 31, {
    message: 'range is at most 31 days',
    path: ['to'],
  });
export type SlaQuery = z.infer<typeof slaQuerySchema>;

/**
 * Availability of one device: per day, the share of the observed time it was reachable (online or degraded).
 * A day with no observation is null (the device was not monitored then), never counted as down.
 */
export const slaRowSchema = z.object({
  deviceId: z.string(),
  kind: deviceKindSchema,
  code: z.string(),
  name: z.string(),
  areaName: z.string().nullable(),
  days: z.array(z.number().min(0).max(100).nullable()),
  /** Over the whole range, weighted by observed time. */
  overall: z.number().min(0).max(100).nullable(),
  downSeconds: z.number().int().nonnegative(),
});
export type SlaRow = z.infer<typeof slaRowSchema>;
export const slaReportSchema = z.object({
  from: dayString,
  to: dayString,
  days: z.array(dayString),
  rows: z.array(slaRowSchema),
});
export type SlaReport = z.infer<typeof slaReportSchema>;

/** A device's live change, appended to the event log under `device.health`. */
export const deviceHealthChangeSchema = z.object({
  deviceId: z.string(),
  kind: deviceKindSchema,
  state: deviceStateSchema,
  since: isoTime,
  reason: z.string().nullable(),
  faults: z.array(deviceFaultKindSchema),
  /** What happened: a fault opened or cleared, a state change, a self-healing attempt. */
  change: z.enum(['fault_opened', 'fault_cleared', 'state', 'healing']),
  faultKind: deviceFaultKindSchema.nullable(),
  healing: healingAttemptSchema.nullable(),
});
export type DeviceHealthChange = z.infer<typeof deviceHealthChangeSchema>;
