import type { Queryable } from '../../../platform/db';

export interface AuditRecord {
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export async function insertAudit(q: Queryable, r: AuditRecord): Promise<void> {
  await q.query(
    'INSERT INTO audit_log (actor_id, actor_name, action, target, ip, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
    [r.actorId, r.actorName, r.action, r.target, r.ip, JSON.stringify(r.detail)],
  );
}
