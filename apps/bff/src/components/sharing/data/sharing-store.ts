import type { Queryable } from '../../../platform/db';
import type { SharingScope } from '@c2/api-client/schemas/sharing';

export interface SharingKeyRow {
  id: string;
  name: string;
  partner: string;
  secret_hash: string;
  scopes: SharingScope[];
  rate_per_minute: number;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export async function insertSharingKey(
  q: Queryable,
  k: {
    id: string;
    name: string;
    partner: string;
    secretHash: string;
    scopes: SharingScope[];
    ratePerMinute: number;
    createdBy: string;
    expiresAt: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO sharing_keys (id, name, partner, secret_hash, scopes, rate_per_minute, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [k.id, k.name, k.partner, k.secretHash, k.scopes, k.ratePerMinute, k.createdBy, k.expiresAt],
  );
}

export async function selectSharingKeys(q: Queryable): Promise<SharingKeyRow[]> {
  return q.query<SharingKeyRow>('SELECT * FROM sharing_keys ORDER BY created_at DESC');
}

export async function selectSharingKey(q: Queryable, id: string): Promise<SharingKeyRow | null> {
  const rows = await q.query<SharingKeyRow>('SELECT * FROM sharing_keys WHERE id = $1', [id]);
  return rows[0] ?? null;
}

export async function revokeSharingKey(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    'UPDATE sharing_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id',
    [id],
  );
  return rows.length > 0;
}

/**
 * Counts one call in the key's current minute (atomic, shared by every instance) and returns the count so far.
 */
export async function countCall(q: Queryable, id: string): Promise<number> {
  const rows = await q.query<{ rate_count: number }>(
    `UPDATE sharing_keys SET
       rate_count = CASE WHEN rate_window = date_trunc('minute', now()) THEN rate_count + 1 ELSE 1 END,
       rate_window = date_trunc('minute', now()),
       last_used_at = now()
     WHERE id = $1 RETURNING rate_count`,
    [id],
  );
  return rows[0]?.rate_count ?? 0;
}

/** AI events seen by public cameras in the last 24 hours, counted by type: no record, no plate, no image. */
export async function selectPublicEventCounts(q: Queryable): Promise<{ type: string; count: number }[]> {
  return q.query<{ type: string; count: number }>(
    `SELECT e.type, count(*)::int AS count FROM analytics_events e JOIN cameras c ON c.id = e.camera_id
     WHERE c.classification = 'public' AND e.ts > now() - interval '24 hours'
     GROUP BY e.type ORDER BY e.type`,
  );
}
