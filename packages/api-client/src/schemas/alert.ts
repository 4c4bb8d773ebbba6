import { z } from 'zod';
import { isoTime } from './common';
import { eventTypeSchema, severitySchema } from './event';
import { roleSchema } from './role';

/** P1 is the most urgent (mức độ ưu tiên). */
export const prioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof prioritySchema>;

/**
 * Where an alert stands. `escalated`: handed up (by the policy while nobody acknowledged, or by hand) and waiting
 * for someone to take it; `resolved` and `false_positive` are closed.
 */
export const alertStatusSchema = z.enum([
  'open',
  'acknowledged',
  'assigned',
  'escalated',
  'resolved',
  'false_positive',
]);
export type AlertStatus = z.infer<typeof alertStatusSchema>;
export const CLOSED_STATUSES: readonly AlertStatus[] = ['resolved', 'false_positive'];
/** Nobody has taken these yet: raised, or escalated while nobody acknowledged (or handed up to be taken). */
export const UNTAKEN_STATUSES: readonly AlertStatus[] = ['open', 'escalated'];

/** Progress of the alert's SOP (quy trình) along the path its answers took. */
export const sopProgressSchema = z.object({
  templateId: z.string(),
  name: z.string(),
  /** Steps on the path taken so far (branches not taken are left out). */
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  /** Required steps skipped (each one notified the on-duty supervisor). */
  skippedRequired: z.number().int().nonnegative(),
  /** Required steps done / required steps on the path, 0..1; null while there are none. */
  compliance: z.number().min(0).max(1).nullable(),
});
export type SopProgress = z.infer<typeof sopProgressSchema>;

/**
 * An alert (cảnh báo) raised by a rule from one or more events, handled through its SOP. The evaluation fields
 * (acknowledged, assigned, escalated, resolved, outcome, SOP compliance) feed the dashboards.
 *
 * Live: every change is appended to the durable log as topic `alert.changed` with this object as its data.
 */
export const alertSchema = z.object({
  id: z.string(),
  priority: prioritySchema,
  status: alertStatusSchema,
  type: eventTypeSchema,
  severity: severitySchema,
  title: z.string(),
  ruleId: z.string().nullable(),
  cameraId: z.string().nullable(),
  cameraName: z.string().nullable(),
  /** The first event that raised it. */
  eventId: z.string().nullable(),
  areaId: z.string(),
  /** Events grouped into this alert (same camera and type within the rule's window). */
  count: z.number().int().positive(),
  /** Snapshot URL of the latest event that carried one. */
  snapshot: z.string().nullable(),
  createdAt: isoTime,
  lastEventAt: isoTime,
  updatedAt: isoTime,
  acknowledgedAt: isoTime.nullable(),
  /** Display name of who acknowledged. */
  acknowledgedBy: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  assignedAt: isoTime.nullable(),
  /** How many escalation-policy levels have fired (0: none yet). */
  escalationLevel: z.number().int().nonnegative(),
  escalatedAt: isoTime.nullable(),
  /** The running SLA: acknowledge-by while unacknowledged, resolve-by after; null when closed or none. */
  slaDeadline: isoTime.nullable(),
  slaBreached: z.boolean(),
  resolvedAt: isoTime.nullable(),
  resolvedBy: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  sop: sopProgressSchema.nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

// --- SOP templates -------------------------------------------------------------------------------------------

const stepId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, _ or -, at most 40')
  .describe('step id');

/** One answer of a question step; `next` jumps to a later step (a branch), otherwise the next step follows. */
export const sopAnswerSchema = z.object({
  value: z.string().min(1).max(40),
  label: z.string().min(1).max(80),
  next: stepId.nullable().default(null),
});

/** One step of a procedure. `question` steps branch on the answer (e.g. "injuries?" yes → call 115). */
export const sopStepSchema = z.object({
  id: stepId,
  title: z.string().trim().min(1).max(120),
  instructions: z.string().max(2000).default(''),
  required: z.boolean().default(true),
  kind: z.enum(['check', 'question']).default('check'),
  answers: z.array(sopAnswerSchema).max(6).default([]),
  requireNote: z.boolean().default(false),
  /** Step ends the procedure (a branch's last step); otherwise the next step in order follows. */
  end: z.boolean().default(false),
});
export type SopStep = z.infer<typeof sopStepSchema>;

function checkSteps(steps: readonly SopStep[], ctx: z.RefinementCtx): void {
  const index = new Map(steps.map((s, i) => [s.id, i]));
  if (index.size !== steps.length)
    ctx.addIssue({ code: 'custom', path: ['steps'], message: 'step ids must be unique' });
  steps.forEach((s, i) => {
    if (s.kind === 'question' && s.answers.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['steps', i, 'answers'],
        message: 'a question needs at least 2 answers',
      });
    s.answers.forEach((a, j) => {
      if (a.next === null) return;
      const target = index.get(a.next);
      // Branches only jump forward, so every execution ends.
      if (target === undefined || target <= i)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'answers', j, 'next'],
          message: 'must name a later step',
        });
    });
  });
}

/** What an administrator sends to create or change a procedure. */
export const sopTemplateInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(1000).default(''),
    steps: z.array(sopStepSchema).min(1).max(40),
  })
  .superRefine((t, ctx) => checkSteps(t.steps, ctx));
export type SopTemplateInput = z.input<typeof sopTemplateInputSchema>;

export const sopTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  steps: z.array(sopStepSchema),
  updatedAt: isoTime,
});
export type SopTemplate = z.infer<typeof sopTemplateSchema>;

/** What an operator records for one SOP step. */
export const sopStepActionSchema = z.object({
  stepId,
  outcome: z.enum(['done', 'skipped']),
  /** The chosen answer's value, for question steps. */
  answer: z.string().max(40).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type SopStepAction = z.infer<typeof sopStepActionSchema>;

/** One SOP step as executed on an alert: who, when, what. */
export const sopStepRecordSchema = z.object({
  stepId: z.string(),
  outcome: z.enum(['done', 'skipped']),
  answer: z.string().nullable(),
  note: z.string().nullable(),
  by: z.string(),
  at: isoTime,
});
export type SopStepRecord = z.infer<typeof sopStepRecordSchema>;

// --- Escalation policies and the roster -------------------------------------------------------------------

export const channelSchema = z.enum(['in_app', 'email', 'sms', 'zalo']);
export type Channel = z.infer<typeof channelSchema>;

/** Shifts of the roster: "notify the on-duty supervisor" means whoever holds that duty now. */
export const dutySchema = z.enum(['operator', 'dispatcher', 'supervisor']);
export type Duty = z.infer<typeof dutySchema>;

export const notifyTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('role'), role: roleSchema }),
  z.object({ kind: z.literal('on_duty'), duty: dutySchema }),
]);
export type NotifyTarget = z.infer<typeof notifyTargetSchema>;

/**
 * One step: notify targets on channels, then wait `waitSeconds` for acknowledgement; repeat the step `repeat`
 * more times before going on. The step fires only while its condition holds (not acknowledged / not resolved).
 */
export const escalationStepSchema = z.object({
  targets: z.array(notifyTargetSchema).min(1).max(10),
  channels: z.array(channelSchema).min(1).max(4),
  waitSeconds: z.number().int().min(1).max(86_400),
  repeat: z.number().int().min(0).max(10).default(0),
  condition: z.enum(['not_acknowledged', 'not_resolved']).default('not_acknowledged'),
});
export type EscalationStep = z.infer<typeof escalationStepSchema>;

export const escalationPolicyInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  /** Priorities this policy serves when a rule names no policy of its own. */
  priorities: z.array(prioritySchema).max(4).default([]),
  /** Acknowledge-by SLA, seconds after the alert is raised. */
  ackSlaSeconds: z.number().int().min(5).max(86_400),
  /** Resolve-by SLA, seconds after the alert is raised. */
  resolveSlaSeconds: z
    .number()
    .int()
    .min(5)
    .max(7 * 86_400),
  steps: z.array(escalationStepSchema).min(1).max(10),
});
export type EscalationPolicyInput = z.input<typeof escalationPolicyInputSchema>;

export const escalationPolicySchema = escalationPolicyInputSchema.extend({
  id: z.string(),
  updatedAt: isoTime,
});
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

export const rosterShiftInputSchema = z
  .object({
    userId: z.string().min(1).max(64),
    duty: dutySchema,
    startsAt: isoTime,
    endsAt: isoTime,
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });
export type RosterShiftInput = z.input<typeof rosterShiftInputSchema>;

export const rosterShiftSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  duty: dutySchema,
  startsAt: isoTime,
  endsAt: isoTime,
  /** Holds the duty at the time of the answer. */
  current: z.boolean(),
});
export type RosterShift = z.infer<typeof rosterShiftSchema>;

/** Where a user is reached outside the console. Phone numbers in Vietnamese or E.164 form. */
export const contactInputSchema = z.object({
  email: z.email().max(200).nullable(),
  phone: z
    .string()
    .regex(/^(\+?84|0)\d{9,10}$/, 'a Vietnamese phone number (0… or +84…)')
    .nullable(),
  /** Phone registered with Zalo, for ZNS template messages. */
  zaloPhone: z
    .string()
    .regex(/^(\+?84|0)\d{9,10}$/, 'a Vietnamese phone number (0… or +84…)')
    .nullable(),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const alertUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** Duties held now per the roster. */
  duties: z.array(dutySchema),
  canHandle: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  zaloPhone: z.string().nullable(),
});
export type AlertUser = z.infer<typeof alertUserSchema>;

// --- Rules and suppressions --------------------------------------------------------------------------------

const minuteOfDay = z.number().int().min(0).max(1439);

export const alertRuleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    enabled: z.boolean().default(true),
    eventTypes: z.array(eventTypeSchema).min(1).max(30),
    minSeverity: severitySchema.default('info'),
    /** Wards/communes the rule covers; null: everywhere. */
    areaIds: z.array(z.string().min(1).max(80)).max(500).nullable().default(null),
    /** Cameras the rule covers; null: every camera. */
    cameraIds: z.array(z.string().min(1).max(128)).max(5000).nullable().default(null),
    /** Active window in Vietnam time (minutes after midnight); may wrap past midnight. null: all day. */
    activeFrom: minuteOfDay.nullable().default(null),
    activeTo: minuteOfDay.nullable().default(null),
    priority: prioritySchema,
    sopTemplateId: z.string().nullable().default(null),
    /** null: the policy serving the priority. */
    policyId: z.string().nullable().default(null),
    /** Same camera and type within this many seconds raises the count of the open alert, not a new one. */
    groupWindowSeconds: z.number().int().min(0).max(86_400).default(300),
  })
  .refine((r) => (r.activeFrom === null) === (r.activeTo === null), {
    path: ['activeTo'],
    message: 'give both activeFrom and activeTo, or neither',
  });
export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;

export const alertRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  eventTypes: z.array(eventTypeSchema),
  minSeverity: severitySchema,
  areaIds: z.array(z.string()).nullable(),
  cameraIds: z.array(z.string()).nullable(),
  activeFrom: minuteOfDay.nullable(),
  activeTo: minuteOfDay.nullable(),
  priority: prioritySchema,
  sopTemplateId: z.string().nullable(),
  policyId: z.string().nullable(),
  groupWindowSeconds: z.number().int(),
  updatedAt: isoTime,
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

/** A known maintenance window: matching events raise no alert. */
export const suppressionInputSchema = z
  .object({
    reason: z.string().trim().min(1).max(300),
    cameraIds: z.array(z.string().min(1).max(128)).max(5000).nullable().default(null),
    areaIds: z.array(z.string().min(1).max(80)).max(500).nullable().default(null),
    eventTypes: z.array(eventTypeSchema).max(30).nullable().default(null),
    startsAt: isoTime,
    endsAt: isoTime,
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });
export type SuppressionInput = z.input<typeof suppressionInputSchema>;

export const suppressionSchema = z.object({
  id: z.string(),
  reason: z.string(),
  cameraIds: z.array(z.string()).nullable(),
  areaIds: z.array(z.string()).nullable(),
  eventTypes: z.array(eventTypeSchema).nullable(),
  startsAt: isoTime,
  endsAt: isoTime,
  createdBy: z.string(),
  /** Events it absorbed so far. */
  suppressed: z.number().int().nonnegative(),
});
export type Suppression = z.infer<typeof suppressionSchema>;

// --- Actions, detail, timeline ------------------------------------------------------------------------------

export const reasonBodySchema = z.object({ reason: z.string().trim().min(1).max(1000) });
export const optionalReasonBodySchema = z.object({ reason: z.string().trim().max(1000).optional() });
export const assignBodySchema = z.object({
  userId: z.string().min(1).max(64),
  reason: z.string().trim().max(1000).optional(),
});

export const timelineKindSchema = z.enum([
  'created',
  'grouped',
  'acknowledged',
  'claimed',
  'assigned',
  'transferred',
  'escalated',
  'notified',
  'sla_breached',
  'sop_step',
  'resolved',
  'false_positive',
  'reopened',
]);

/** One line of an alert's timeline: what happened, who did it (null: the system), when. */
export const timelineEntrySchema = z.object({
  id: z.number().int(),
  at: isoTime,
  kind: timelineKindSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const alertDetailSchema = z.object({
  alert: alertSchema,
  /** The procedure as it was when the alert was raised (later edits do not change a running checklist). */
  sop: sopTemplateSchema.nullable(),
  sopRecords: z.array(sopStepRecordSchema),
  timeline: z.array(timelineEntrySchema),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;

export const alertListQuerySchema = z.object({
  scope: z.enum(['active', 'closed', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(1000).default(300),
});

// --- Notifications -----------------------------------------------------------------------------------------

export const deliveryStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'dead']);

/** One message of the durable outbox, as administrators see it. */
export const outboxMessageSchema = z.object({
  id: z.number().int(),
  alertId: z.string().nullable(),
  channel: channelSchema,
  /** Which adapter carries it: smtp, sms-http, zalo-zns, in-app, or local (embedded outbox). */
  transport: z.string(),
  recipientId: z.string().nullable(),
  recipientName: z.string(),
  address: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  reason: z.string(),
  createdAt: isoTime,
  nextAttemptAt: isoTime.nullable(),
  sentAt: isoTime.nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** A drill: an administrator feeds an event through the real ingest to rehearse the response. */
export const alertDrillSchema = z.object({
  cameraId: z.string().min(1).max(128),
  type: eventTypeSchema,
  severity: severitySchema,
  plate: z.string().max(20).nullable().default(null),
});
