import type { IdentityAccess, IdentityField, LookupPurpose } from '@c2/api-client/schemas/identity';
import type { Role } from '@c2/api-client/schemas/role';
import type { Queryable } from '../../../platform/db';

interface AccessRow {
  id: number;
  at: Date;
  user_id: string;
  username: string;
  role: Role;
  unit_id: string;
  purpose_code: LookupPurpose;
  purpose_detail: string;
  subject_kind: 'vehicle' | 'resident';
  subject: string;
  fields: IdentityField[];
  outcome: IdentityAccess['outcome'];
  reference: string | null;
}

export async function insertAccess(
  q: Queryable,
  a: Omit<IdentityAccess, 'id' | 'at'>,
): Promise<{ id: string; at: string }> {
  const rows = await q.query<{ id: number; at: Date }>(
    `INSERT INTO identity_access_log (user_id, username, role, unit_id, purpose_code, purpose_detail, subject_kind,
       subject, fields, outcome, reference)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, at`,
    [
      a.userId,
      a.username,
      a.role,
      a.unitId,
      a.purposeCode,
      a.purposeDetail,
      a.subjectKind,
      a.subject,
      a.fields,
      a.outcome,
      a.reference,
    ],
  );
  return { id: String(rows[0]!.id), at: new Date(rows[0]!.at).toISOString() };
}

export async function selectAccessLog(
  q: Queryable,
  userId: string | null,
  limit: number,
): Promise<IdentityAccess[]> {
  const rows = await q.query<AccessRow>(
    `SELECT * FROM identity_access_log WHERE ($1::text IS NULL OR user_id = $1) ORDER BY at DESC, id DESC LIMIT $2`,
    [userId, limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    userId: r.user_id,
    username: r.username,
    role: r.role,
    unitId: r.unit_id,
    purposeCode: r.purpose_code,
    purposeDetail: r.purpose_detail,
    subjectKind: r.subject_kind,
    subject: r.subject,
    fields: r.fields,
    outcome: r.outcome,
    reference: r.reference,
  }));
}
