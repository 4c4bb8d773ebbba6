import type { Db, Queryable } from '../../../platform/db';
import { insertAudit, type AuditRecord } from '../data/audit-store';

/**
 * The audit trail (nhật ký hệ thống): who did what, when, from where. Every mutation and sensitive read records
 * here. (The hash chain and the auditor's view arrive with the security work; callers do not change.)
 */
export function createAuditTrail(db: Db) {
  return {
    record(entry: AuditRecord, q: Queryable = db): Promise<void> {
      return insertAudit(q, entry);
    },
  };
}
export type AuditTrail = ReturnType<typeof createAuditTrail>;
