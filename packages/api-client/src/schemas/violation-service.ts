import { z } from 'zod';
import { isoTime } from './common';
import { signatureSchema } from './signature';
import { evidenceKindSchema, rejectReasonSchema, violationTypeSchema } from './violation';

/**
 * The contract of the violation processing service (`VIOLATIONS_URL`), which the BFF calls as a client:
 *
 * - `GET  /v1/violations?after=<cursor>&limit=<n>` → `ServicePage`: records in the order the service received
 *   them, after the cursor (absent: from the oldest it still holds). The BFF polls it and keeps the cursor.
 * - `GET  /v1/violations/<id>` → `ServiceViolation`.
 * - `GET  /v1/violations/<id>/evidence/<name>` → the file's bytes, with its `content-type`.
 * - `POST /v1/violations/<id>/decision` with `ServiceDecision` → 200 `{ accepted: true }`; the same decision sent
 *   again also answers 200 (the BFF retries until it hears one); a different final decision answers 409.
 *
 * Every call carries `authorization: Bearer <VIOLATIONS_TOKEN>` when a token is configured.
 */
export const serviceEvidenceSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
  kind: evidenceKindSchema,
  contentType: z.string().max(100),
});

export const serviceViolationSchema = z.object({
  id: z.string().min(1).max(128),
  eventId: z.string().max(128).nullable(),
  cameraId: z.string().min(1).max(128),
  type: violationTypeSchema,
  /** As read by the plate reader: may not be a well-formed plate. */
  plate: z.string().max(20),
  plateConfidence: z.number().min(0).max(1),
  ts: isoTime,
  speedKmh: z.number().min(0).max(500).nullable(),
  limitKmh: z.number().min(0).max(200).nullable(),
  evidence: z.array(serviceEvidenceSchema).max(16),
});
export type ServiceViolation = z.infer<typeof serviceViolationSchema>;

export const servicePageSchema = z.object({
  items: z.array(serviceViolationSchema).max(1000),
  /** Pass back as `after` to get what came next; null when nothing was returned. */
  cursor: z.string().max(200).nullable(),
});
export type ServicePage = z.infer<typeof servicePageSchema>;

/** A final decision going back to the service, signed by the center (`signature` over the same fields). */
export const serviceDecisionSchema = z.object({
  decision: z.enum(['verified', 'rejected']),
  reasonCode: rejectReasonSchema.nullable(),
  plate: z.string().max(20),
  note: z.string().max(1000).nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
  /** The checker, under maker–checker. */
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decidedAt: isoTime,
  signature: signatureSchema,
});
export type ServiceDecision = z.infer<typeof serviceDecisionSchema>;

export const serviceDecisionAnswerSchema = z.object({ accepted: z.literal(true) });
