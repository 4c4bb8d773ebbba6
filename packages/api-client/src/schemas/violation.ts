import { z } from 'zod';
import { isoTime } from './common';
import { signatureCheckSchema } from './signature';

export const violationTypeSchema = z.enum([
  'red_light',
  'speeding',
  'wrong_way',
  'no_helmet',
  'lane_violation',
  'illegal_parking',
]);
export type ViolationType = z.infer<typeof violationTypeSchema>;

/**
 * detect → verify → process. A violation stays `pending` until a person decides. With maker–checker on, a
 * verification waits in `awaiting_approval` until a second, different person approves it; only then is it
 * `verified` (confirmed). A rejection is final. Nothing becomes `verified` without a person.
 */
export const violationStatusSchema = z.enum(['pending', 'awaiting_approval', 'verified', 'rejected']);
export type ViolationStatus = z.infer<typeof violationStatusSchema>;

/**
 * Vietnamese plates: 2-digit province code, series of 1–2 letters with an optional digit, then 4–5 digits
 * written `123.45` for five (e.g. `99A-123.45`, `98H1-234.56`, `29LD-1234`).
 */
export const VN_PLATE_PATTERN = /^\d{2}[A-Z]{1,2}\d?-\d{3}\.?\d{1,2}$/;
export const plateSchema = z.string().regex(VN_PLATE_PATTERN, 'not a Vietnamese plate such as 99A-123.45');

/**
 * Why a reviewer rejects a violation, or a checker returns a verification for another look. `other` needs a
 * note saying what.
 */
export const rejectReasonSchema = z.enum([
  'plate_unreadable',
  'plate_mismatch',
  'not_a_violation',
  'priority_vehicle',
  'evidence_insufficient',
  'equipment_error',
  'duplicate',
  'other',
]);
export type RejectReason = z.infer<typeof rejectReasonSchema>;

/** overview: the scene with the vehicle marked; vehicle: close-up; plate: the plate crop; clip: video around it. */
export const evidenceKindSchema = z.enum(['overview', 'vehicle', 'plate', 'clip']);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/**
 * One evidence file. `sha256` is sealed the first time the center receives the file and never changes; a file
 * that no longer matches it is reported as altered.
 */
export const evidenceItemSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
  kind: evidenceKindSchema,
  contentType: z.string(),
  /** Same-origin URL the console loads the file from. */
  url: z.string(),
  sha256: z.string().nullable(),
  bytes: z.number().int().nullable(),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const reviewActionSchema = z.enum(['verify', 'reject', 'approve', 'return']);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

/** The last decision on a violation, for the queue (the detail carries the full history). */
export const decisionSummarySchema = z.object({
  action: reviewActionSchema,
  actorId: z.string(),
  actorName: z.string(),
  at: isoTime,
  reasonCode: rejectReasonSchema.nullable(),
});

/** A violation as the console shows it. */
export const violationSchema = z.object({
  id: z.string(),
  eventId: z.string().nullable(),
  cameraId: z.string(),
  cameraName: z.string(),
  areaId: z.string(),
  type: violationTypeSchema,
  /** The plate as it stands now: the reader's, or the reviewer's correction. */
  plate: z.string(),
  /** The plate as the reader detected it. */
  plateDetected: z.string(),
  plateConfidence: z.number().min(0).max(1),
  ts: isoTime,
  receivedAt: isoTime,
  speedKmh: z.number().nullable(),
  limitKmh: z.number().nullable(),
  evidence: z.array(evidenceItemSchema),
  status: violationStatusSchema,
  lastDecision: decisionSummarySchema.nullable(),
  signature: signatureCheckSchema,
});
export type Violation = z.infer<typeof violationSchema>;

/** Whether the violation service has the decision yet (it is sent after commit and retried until accepted). */
export const decisionSyncSchema = z.object({
  state: z.enum(['not_needed', 'pending', 'sent', 'failed']),
  attempts: z.number().int(),
  error: z.string().nullable(),
});

/** One signed review decision. `evidence` names the files (and hashes) the reviewer had in front of them. */
export const violationReviewSchema = z.object({
  id: z.string(),
  violationId: z.string(),
  action: reviewActionSchema,
  reasonCode: rejectReasonSchema.nullable(),
  note: z.string().nullable(),
  plateBefore: z.string(),
  plateAfter: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  at: isoTime,
  evidence: z.array(z.object({ name: z.string(), sha256: z.string().nullable() })),
  signature: signatureCheckSchema,
  sync: decisionSyncSchema,
});
export type ViolationReview = z.infer<typeof violationReviewSchema>;

export const violationDetailSchema = violationSchema.extend({
  reviews: z.array(violationReviewSchema),
  /** Whether a second approval is required now (the setting at the time of the answer). */
  makerChecker: z.boolean(),
});
export type ViolationDetail = z.infer<typeof violationDetailSchema>;

const note = z.string().trim().max(1000).optional();

/**
 * A reviewer's or checker's decision. `verify` may correct the plate; `reject` and `return` need a reason code,
 * and `other` needs a note. `approve` and `return` are the checker's (a different person than the maker).
 */
export const violationDecisionSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('verify'), plate: plateSchema.optional(), note }),
    z.object({ action: z.literal('reject'), reasonCode: rejectReasonSchema, note }),
    z.object({ action: z.literal('approve'), note }),
    z.object({ action: z.literal('return'), reasonCode: rejectReasonSchema, note }),
  ])
  .superRefine((d, ctx) => {
    if ('reasonCode' in d && d.reasonCode === 'other' && !d.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'a note is required for reason "other"' });
  });
export type ViolationDecision = z.infer<typeof violationDecisionSchema>;

/** Filters of the review queue. */
const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a calendar date');

export const violationListQuerySchema = z.object({
  status: violationStatusSchema.optional(),
  type: violationTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Cursor from a previous page: `<ts>|<id>` of its last item. */
  before: z.string().max(200).optional(),
  /** Drill-down from a dashboard: the place and the local days (YYYY-MM-DD, both included) behind a figure. */
  area: z.string().min(1).max(80).optional(),
  road: z.string().min(1).max(80).optional(),
  camera: z.string().min(1).max(128).optional(),
  from: localDay.optional(),
  to: localDay.optional(),
});
export interface ViolationListQuery {
  status?: ViolationStatus;
  type?: ViolationType;
  area?: string;
  road?: string;
  camera?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

export const violationPageSchema = z.object({
  items: z.array(violationSchema),
  nextCursor: z.string().nullable(),
});
export type ViolationPage = z.infer<typeof violationPageSchema>;

export const violationCountsSchema = z.record(violationStatusSchema, z.number().int());
export type ViolationCounts = z.infer<typeof violationCountsSchema>;

/** The maker–checker switch (system:configure changes it; every change is audited). */
export const violationSettingsSchema = z.object({
  makerChecker: z.boolean(),
  updatedAt: isoTime.nullable(),
  updatedBy: z.string().nullable(),
});
export type ViolationSettings = z.infer<typeof violationSettingsSchema>;
export const violationSettingsUpdateSchema = z.object({ makerChecker: z.boolean() });
