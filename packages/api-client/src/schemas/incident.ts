import { z } from 'zod';
import { isoTime, lngLat } from './common';
import { prioritySchema } from './alert';
import { cameraSchema } from './camera';
import { eventTypeSchema, severitySchema } from './event';
import { unitSchema, unitStatusSchema } from './unit';

/** Kinds of incident (sự vụ) a dispatcher handles. */
export const incidentTypeSchema = z.enum([
  'accident',
  'congestion',
  'road_hazard',
  'violation_pursuit',
  'public_order',
  'fire',
  'other',
]);
export type IncidentType = z.infer<typeof incidentTypeSchema>;

/** Event kinds a dispatcher may turn into an incident, and the incident type each suggests. */
export const INCIDENT_TYPE_OF_EVENT: Partial<Record<z.infer<typeof eventTypeSchema>, IncidentType>> = {
  accident: 'accident',
  fire_smoke: 'fire',
  wrong_way: 'violation_pursuit',
  stalled_vehicle: 'road_hazard',
  pedestrian_on_expressway: 'road_hazard',
  object: 'road_hazard',
  congestion: 'congestion',
  crowd: 'public_order',
};

/**
 * Life of an incident: `open` (reported, nobody has taken it), `acknowledged` (a dispatcher owns it), `dispatched`
 * (a unit is assigned), `on_scene` (the first unit arrived), `resolved` (the scene is cleared), `closed` (with an
 * outcome; terminal).
 */
export const incidentStateSchema = z.enum([
  'open',
  'acknowledged',
  'dispatched',
  'on_scene',
  'resolved',
  'closed',
]);
export type IncidentState = z.infer<typeof incidentStateSchema>;

/** How an incident ended. */
export const incidentOutcomeSchema = z.enum([
  'handled',
  'transferred',
  'false_alarm',
  'duplicate',
  'cancelled',
]);
export type IncidentOutcome = z.infer<typeof incidentOutcomeSchema>;

/** Why an assignment ended. */
export const assignmentEndSchema = z.enum([
  /** The unit worked the scene and cleared it. */
  'completed',
  /** The dispatcher took the unit off before it arrived. */
  'released',
  /** The unit was sent to another incident. */
  'reassigned',
  /** The unit went out of service while assigned. */
  'unit_unavailable',
  /** The incident was resolved or closed while the unit was still assigned. */
  'incident_ended',
]);
export type AssignmentEnd = z.infer<typeof assignmentEndSchema>;

/** How an estimated time of arrival was computed. */
export const etaMethodSchema = z.enum(['road', 'great_circle']);
export type EtaMethod = z.infer<typeof etaMethodSchema>;

/** One unit sent to an incident, with the time of every step. */
export const assignmentSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  callSign: z.string(),
  active: z.boolean(),
  assignedAt: isoTime,
  assignedBy: z.string().nullable(),
  acceptedAt: isoTime.nullable(),
  enRouteAt: isoTime.nullable(),
  onSceneAt: isoTime.nullable(),
  clearedAt: isoTime.nullable(),
  endedAt: isoTime.nullable(),
  endReason: assignmentEndSchema.nullable(),
  /** ETA estimated when the unit was assigned. */
  etaSeconds: z.number().nullable(),
  distanceMeters: z.number().nullable(),
  etaMethod: etaMethodSchema.nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/**
 * Durations of an incident in seconds, each measured from the first report (`detectedAt`): null until the step
 * happened. `responseBreached` applies to incidents with a response target (accidents): true when the first unit
 * arrived later than the target, or has not arrived and the target has passed; null when there is no target or
 * the incident was closed without anyone arriving (a false alarm).
 */
export const incidentMeasuresSchema = z.object({
  acknowledgeSeconds: z.number().nullable(),
  dispatchSeconds: z.number().nullable(),
  arriveSeconds: z.number().nullable(),
  resolveSeconds: z.number().nullable(),
  responseTargetSeconds: z.number().nullable(),
  responseBreached: z.boolean().nullable(),
});
export type IncidentMeasures = z.infer<typeof incidentMeasuresSchema>;

export const actorSchema = z.object({ id: z.string().nullable(), name: z.string() });
export type Actor = z.infer<typeof actorSchema>;

/** An incident (sự vụ): what happened where, who handles it, which units were sent, and how long each step took. */
export const incidentSchema = z.object({
  id: z.string(),
  /** Human-readable reference, e.g. SV-20260412-0007. */
  code: z.string(),
  type: incidentTypeSchema,
  priority: prioritySchema,
  state: incidentStateSchema,
  outcome: incidentOutcomeSchema.nullable(),
  title: z.string(),
  description: z.string(),
  location: lngLat,
  /** Where, in words (camera, road). */
  address: z.string().nullable(),
  areaId: z.string(),
  areaName: z.string(),
  cameraIds: z.array(z.string()),
  linkedEventIds: z.array(z.string()),
  /** Alerts of the alert engine this incident was created from or linked to. */
  linkedAlertIds: z.array(z.string()),
  createdBy: actorSchema.nullable(),
  detectedAt: isoTime,
  createdAt: isoTime,
  acknowledgedAt: isoTime.nullable(),
  dispatchedAt: isoTime.nullable(),
  arrivedAt: isoTime.nullable(),
  resolvedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  updatedAt: isoTime,
  assignments: z.array(assignmentSchema),
  measures: incidentMeasuresSchema,
});
export type Incident = z.infer<typeof incidentSchema>;

/** The kinds of timeline entry; SOP steps and messages are written by the alert engine and notifications. */
export const timelineKindSchema = z.enum([
  'event',
  'alert',
  'sop_step',
  'unit_status',
  'note',
  'attachment',
  'message',
  'state',
]);
export type TimelineKind = z.infer<typeof timelineKindSchema>;

const entryBase = {
  id: z.number().int(),
  incidentId: z.string(),
  ts: isoTime,
  /** Who did it; null for the system itself. */
  actor: actorSchema.nullable(),
};

/** One line of an incident's timeline: everything that happened to it, typed, with who and when. */
export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    ...entryBase,
    kind: z.literal('event'),
    data: z.object({
      eventId: z.string(),
      type: eventTypeSchema,
      severity: severitySchema,
      cameraId: z.string(),
      at: isoTime,
    }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('alert'),
    data: z.object({ alertId: z.string(), title: z.string(), priority: prioritySchema.nullable() }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('sop_step'),
    data: z.object({
      alertId: z.string().nullable(),
      step: z.string(),
      title: z.string(),
      outcome: z.string().nullable(),
    }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('unit_status'),
    data: z.object({
      unitId: z.string(),
      callSign: z.string(),
      /**
       * assigned: sent by the dispatcher; accepted: the crew took it; status: a CAD status change; reassigned: sent
       * on to another incident; check_in: the crew reported in without changing status.
       */
      change: z.enum(['assigned', 'accepted', 'status', 'reassigned', 'check_in']),
      from: unitStatusSchema.nullable(),
      to: unitStatusSchema,
      etaSeconds: z.number().nullable(),
      reason: z.string().nullable(),
    }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('note'),
    data: z.object({ text: z.string(), unitId: z.string().nullable() }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('attachment'),
    data: z.object({
      attachmentId: z.string(),
      contentType: z.string(),
      bytes: z.number().int(),
      sha256: z.string(),
      unitId: z.string().nullable(),
    }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('message'),
    data: z.object({ channel: z.string(), to: z.string(), text: z.string() }),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('state'),
    data: z.object({
      from: incidentStateSchema.nullable(),
      to: incidentStateSchema,
      outcome: incidentOutcomeSchema.nullable(),
      note: z.string().nullable(),
    }),
  }),
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A unit proposed for an incident, ranked by estimated time of arrival. */
export const unitSuggestionSchema = z.object({
  unit: unitSchema,
  etaSeconds: z.number(),
  distanceMeters: z.number(),
  method: etaMethodSchema,
});
export type UnitSuggestion = z.infer<typeof unitSuggestionSchema>;

/** A camera near an incident, nearest first. */
export const nearbyCameraSchema = z.object({ camera: cameraSchema, distanceMeters: z.number() });
export type NearbyCamera = z.infer<typeof nearbyCameraSchema>;

const id = z.string().trim().min(1).max(128);
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Create an incident from events or alerts (location, cameras and first report come from them), or by hand from a
 * camera or a point. At least one of `eventIds`, `alertIds`, `cameraId` or `location` is needed.
 */
export const createIncidentRequestSchema = z
  .object({
    type: incidentTypeSchema,
    priority: prioritySchema.optional(),
    title: text(200).optional(),
    description: z.string().trim().max(4000).default(''),
    eventIds: z.array(id).max(50).default([]),
    alertIds: z.array(id).max(50).default([]),
    cameraId: id.optional(),
    location: lngLat.optional(),
  })
  .refine(
    (r) =>
      r.eventIds.length > 0 || r.alertIds.length > 0 || r.cameraId !== undefined || r.location !== undefined,
    { message: 'name the events, alerts, camera or location of the incident', path: ['location'] },
  );
export type CreateIncidentRequest = z.input<typeof createIncidentRequestSchema>;

/** Send units. A unit already working another incident is taken from it only with `reassign`. */
export const assignRequestSchema = z.object({
  unitIds: z.array(id).min(1).max(20),
  reassign: z.boolean().default(false),
});
export type AssignRequest = z.input<typeof assignRequestSchema>;

/** A CAD status change for a unit (on behalf of the crew by radio, or from the field view). */
export const unitStatusRequestSchema = z.object({
  status: unitStatusSchema,
  reason: z.string().trim().max(500).optional(),
});
export type UnitStatusRequest = z.input<typeof unitStatusRequestSchema>;

export const noteRequestSchema = z.object({ text: text(4000) });
export type NoteRequest = z.input<typeof noteRequestSchema>;

export const closeRequestSchema = z.object({
  outcome: incidentOutcomeSchema,
  note: z.string().trim().max(4000).optional(),
});
export type CloseRequest = z.input<typeof closeRequestSchema>;

export const resolveRequestSchema = z.object({ note: z.string().trim().max(4000).optional() });
export type ResolveRequest = z.input<typeof resolveRequestSchema>;

/** Link events or alerts to an existing incident. */
export const linkRequestSchema = z
  .object({ eventIds: z.array(id).max(50).default([]), alertIds: z.array(id).max(50).default([]) })
  .refine((r) => r.eventIds.length + r.alertIds.length > 0, {
    message: 'name at least one event or alert',
    path: ['eventIds'],
  });
export type LinkRequest = z.input<typeof linkRequestSchema>;

export const incidentListQuerySchema = z.object({
  /** open: everything not closed; closed: closed ones; all. */
  scope: z.enum(['open', 'closed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type IncidentListQuery = z.input<typeof incidentListQuerySchema>;

/** Settings the dispatcher board and incident pages need. */
export const dispatchSettingsSchema = z.object({
  /** A unit on scene longer than this without an update is flagged. */
  checkInMinutes: z.number(),
  /** Response target for accidents (emergency response under 10 minutes). */
  accidentResponseTargetSeconds: z.number(),
});
export type DispatchSettings = z.infer<typeof dispatchSettingsSchema>;

/** What a field unit's crew sees: its unit, its current assignment and incident, and the incident's notes. */
export const fieldAssignmentSchema = z.object({
  unit: unitSchema,
  assignment: assignmentSchema.nullable(),
  incident: incidentSchema
    .pick({
      id: true,
      code: true,
      type: true,
      priority: true,
      state: true,
      title: true,
      description: true,
      location: true,
      address: true,
      areaName: true,
      detectedAt: true,
    })
    .nullable(),
  /** Notes and photos of the incident, newest first. */
  notes: z.array(timelineEntrySchema),
});
export type FieldAssignment = z.infer<typeof fieldAssignmentSchema>;

/** Photo types the field view may upload; the BFF checks the bytes, not only the declared type. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
