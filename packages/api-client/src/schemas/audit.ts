import { z } from 'zod';
import { isoTime } from './common';

/** One entry of the audit trail (nhật ký hệ thống): who did what, to what, when, from where. */
export const auditEntrySchema = z.object({
  id: z.number().int().positive(),
  ts: isoTime,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  /** SHA-256 (hex) of this entry's canonical content and the previous entry's hash. */
  hash: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const text = (max: number) => z.string().trim().min(1).max(max).optional();

/** Filters of the auditor's page; every one is optional and bounded. Also used for the CSV export. */
export const auditQuerySchema = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  /** Username or display name, case-insensitive substring. */
  actor: text(64),
  /** Exact action (`auth.login`) or a prefix ending in a dot (`auth.`). */
  action: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z0-9_.:-]+$/, 'letters, digits, and . _ : - only')
    .optional(),
  /** Substring of the target (a camera id, a user id, a path). */
  target: text(200),
  /** Entries with an id below this one (keyset paging, newest first). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
/** The filters as a caller sends them (all optional; the BFF applies the defaults). */
export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  target?: string;
  before?: number;
  limit?: number;
}

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/**
 * The verifier's answer. `firstBroken` names the first entry whose content no longer matches its hash, or whose
 * link to the previous entry is broken (an entry edited, deleted or inserted), or a tail cut off (`tail`).
 */
export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  /** Entries written before the chain began (kept, reported, not verifiable). */
  legacy: z.number().int().nonnegative(),
  headId: z.number().int().nullable(),
  headHash: z.string().nullable(),
  firstBroken: z
    .object({
      id: z.number().int().nullable(),
      reason: z.enum(['content', 'link', 'unchained', 'tail']),
      message: z.string(),
    })
    .nullable(),
  verifiedAt: isoTime,
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
