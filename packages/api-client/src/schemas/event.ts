import { z } from 'zod';
import { areaId, isoTime } from './common';
import { jsonProblem, storableText } from './storable';

/**
 * Event kinds that edge AI boxes and the AI platform report, and the device-health kinds the center's own checks
 * raise (so alert rules treat both alike). Violation kinds also feed the violation service.
 */
export const eventTypeSchema = z.enum([
  'wrong_way',
  'red_light',
  'speeding',
  'no_helmet',
  'illegal_parking',
  'lane_violation',
  'accident',
  'congestion',
  'stalled_vehicle',
  'pedestrian_on_expressway',
  'fire_smoke',
  'crowd',
  'object',
  // Device health and image quality, detected by the center itself (the devices component), not by edge AI.
  'camera_offline',
  'stream_failure',
  'image_black',
  'image_frozen',
  'image_blur',
  'camera_covered',
  'scene_change',
]);
export type EventType = z.infer<typeof eventTypeSchema>;

/** Event types by family: what the law calls violations, traffic incidents, and device health. */
export const EVENT_FAMILIES = {
  violation: ['wrong_way', 'red_light', 'speeding', 'no_helmet', 'illegal_parking', 'lane_violation'],
  traffic: [
    'accident',
    'congestion',
    'stalled_vehicle',
    'pedestrian_on_expressway',
    'fire_smoke',
    'crowd',
    'object',
  ],
  device: [
    'camera_offline',
    'stream_failure',
    'image_black',
    'image_frozen',
    'image_blur',
    'camera_covered',
    'scene_change',
  ],
} as const satisfies Record<string, readonly EventType[]>;
export type EventFamily = keyof typeof EVENT_FAMILIES;

export function familyOf(type: EventType): EventFamily {
  if ((EVENT_FAMILIES.violation as readonly EventType[]).includes(type)) return 'violation';
  if ((EVENT_FAMILIES.device as readonly EventType[]).includes(type)) return 'device';
  return 'traffic';
}

export const severitySchema = z.enum(['info', 'minor', 'major', 'critical']);
export type Severity = z.infer<typeof severitySchema>;

/** One detected object; box is normalized [x, y, w, h] in 0..1 of the frame. */
export const detectedObjectSchema = z.object({
  label: z.string().max(64),
  confidence: z.number().min(0).max(1),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});

/**
 * An analytics event as the BFF stores and shows it. `id` is the producer's id and makes ingestion idempotent;
 * `ts` is when it happened at the edge, `receivedAt` when the center got it (late events differ).
 */
export const analyticsEventSchema = z.object({
  id: z.string().min(1).max(128),
  cameraId: z.string(),
  areaId: z.string(),
  type: eventTypeSchema,
  severity: severitySchema,
  ts: isoTime,
  receivedAt: isoTime,
  objects: z.array(detectedObjectSchema).max(200),
  plate: z.string().max(20).nullable(),
  snapshot: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  /**
   * True when the event reached the center well after it happened (an edge box sending its backlog after an
   * outage). Lists order by `ts`, so a late event lands where it belongs in time, marked.
   */
  delayed: z.boolean(),
});
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;

/** How deep and how big an event's metadata may be (it is stored, logged and pushed to every console). */
export const METADATA_LIMITS = { maxDepth: 8, maxBytes: 16_384 } as const;

/**
 * An analytics event as producers send it (native format). The BFF adds `areaId` from the camera and
 * `receivedAt`. Unknown keys are dropped; sizes are bounded so a hostile producer cannot exhaust memory.
 */
export const analyticsEventInputSchema = z.object({
  id: storableText(z.string().min(1).max(128)),
  cameraId: storableText(z.string().min(1).max(128)),
  type: eventTypeSchema,
  severity: severitySchema,
  ts: isoTime,
  objects: z
    .array(detectedObjectSchema.extend({ label: storableText(z.string().max(64)) }))
    .max(200)
    .default([]),
  plate: storableText(z.string().max(20)).nullable().default(null),
  snapshot: storableText(z.string().max(2048)).nullable().default(null),
  metadata: z
    .record(z.string().max(64), z.unknown())
    .refine((m) => Object.keys(m).length <= 64, 'at most 64 metadata keys')
    .superRefine((m, ctx) => {
      // Producers' free-form details: bounded so one event cannot carry megabytes to every console.
      const problem = jsonProblem(m, METADATA_LIMITS);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default({}),
});
export type AnalyticsEventInput = z.input<typeof analyticsEventInputSchema>;

/** A message that could not be accepted, kept with its reason and raw payload for an administrator. */
export const deadLetterSchema = z.object({
  id: z.number().int(),
  receivedAt: isoTime,
  source: z.string(),
  format: z.string(),
  reason: z.string(),
  payload: z.string(),
  payloadBytes: z.number().int(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

/**
 * What an event list is narrowed to (the live feed, the overview, drill-downs). Empty lists and nulls do not
 * narrow. The same predicate runs in the BFF's SQL and, for live events, in the console (`eventMatches`).
 */
export const eventFilterSchema = z.object({
  types: z.array(eventTypeSchema).max(eventTypeSchema.options.length).default([]),
  severities: z.array(severitySchema).max(severitySchema.options.length).default([]),
  areaId: areaId.nullable().default(null),
  cameraId: z.string().min(1).max(128).nullable().default(null),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;
export const NO_EVENT_FILTER: EventFilter = { types: [], severities: [], areaId: null, cameraId: null };

export function eventMatches(filter: EventFilter, event: AnalyticsEvent): boolean {
  return (
    (filter.types.length === 0 || filter.types.includes(event.type)) &&
    (filter.severities.length === 0 || filter.severities.includes(event.severity)) &&
    (filter.areaId === null || filter.areaId === event.areaId) &&
    (filter.cameraId === null || filter.cameraId === event.cameraId)
  );
}

/** Where the next (older) page starts: the last event of this page, by event time then id. */
export const eventCursorSchema = z
  .string()
  .max(200)
  .regex(/^\d{4}-\d{2}-\d{2}T[^~]+~.+$/, 'a cursor from a previous page');

/** One page of events, newest (by event time) first. `next` fetches the older page after it; null at the end. */
export const eventPageSchema = z.object({
  events: z.array(analyticsEventSchema),
  next: eventCursorSchema.nullable(),
});
export type EventPage = z.infer<typeof eventPageSchema>;

/** The query string of `GET /api/events` for a filter (lists comma-separated; what does not narrow is left out). */
export function eventQueryString(
  filter: EventFilter,
  opts: { limit: number; cursor?: string | null },
): string {
  const q = new URLSearchParams();
  if (filter.types.length > 0) q.set('type', filter.types.join(','));
  if (filter.severities.length > 0) q.set('severity', filter.severities.join(','));
  if (filter.areaId) q.set('area', filter.areaId);
  if (filter.cameraId) q.set('camera', filter.cameraId);
  if (opts.cursor) q.set('cursor', opts.cursor);
  q.set('limit', String(opts.limit));
  return q.toString();
}
