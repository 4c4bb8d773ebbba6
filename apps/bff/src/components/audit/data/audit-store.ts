import type { Queryable, SqlParam } from '../../../platform/db';

/** One entry as callers hand it to the audit trail. */
export interface AuditRecord {
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  ts: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
}

export interface ChainHead {
  last_id: number | null;
  last_hash: string;
  entries: number;
}

/**
 * Locks the chain head for the rest of the transaction: every append in every BFF instance queues here, so each
 * entry links to the one committed before it and the chain never forks.
 */
export async function lockChainHead(q: Queryable): Promise<ChainHead> {
  const rows = await q.query<ChainHead>(
    'SELECT last_id, last_hash, entries FROM audit_chain_head WHERE id = 1 FOR UPDATE',
  );
  if (!rows[0]) throw new Error('audit_chain_head row is missing');
  return rows[0];
}

export async function nextAuditId(q: Queryable): Promise<number> {
  const rows = await q.query<{ id: number }>(
    "SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::bigint AS id",
  );
  return Number(rows[0]!.id);
}

export async function insertChained(
  q: Queryable,
  row: { id: number; ts: Date; prevHash: string; hash: string } & AuditRecord,
): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (id, ts, actor_id, actor_name, action, target, ip, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
    [
      row.id,
      row.ts,
      row.actorId,
      row.actorName,
      row.action,
      row.target,
      row.ip,
      JSON.stringify(row.detail),
      row.prevHash,
      row.hash,
    ],
  );
  await q.query(
    'UPDATE audit_chain_head SET last_id = $1, last_hash = $2, entries = entries + 1 WHERE id = 1',
    [row.id, row.hash],
  );
}

export async function readChainHead(q: Queryable): Promise<ChainHead> {
  const rows = await q.query<ChainHead>(
    'SELECT last_id, last_hash, entries FROM audit_chain_head WHERE id = 1',
  );
  return rows[0]!;
}

/** Entries in chain order after an id, for the verifier. */
export async function selectChainPage(q: Queryable, afterId: number, limit: number): Promise<AuditRow[]> {
  return q.query<AuditRow>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
}

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/** LIKE patterns are built from user text: its own % _ and \ must match literally. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Newest first, keyset-paged; every filter is a bound parameter. */
export async function selectAudit(q: Queryable, f: AuditFilter): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: SqlParam[] = [];
  const bind = (v: SqlParam) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.from) where.push(`ts >= ${bind(f.from)}::timestamptz`);
  if (f.to) where.push(`ts < ${bind(f.to)}::timestamptz`);
  if (f.actor) {
    const p = bind(`%${likeEscape(f.actor)}%`);
    where.push(`(actor_name ILIKE ${p} OR actor_id = ${bind(f.actor)})`);
  }
  if (f.action) {
    where.push(
      f.action.endsWith('.')
        ? `action LIKE ${bind(`${likeEscape(f.action)}%`)}`
        : `action = ${bind(f.action)}`,
    );
  }
  if (f.target) where.push(`target ILIKE ${bind(`%${likeEscape(f.target)}%`)}`);
  if (f.before) where.push(`id < ${bind(f.before)}`);
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY id DESC LIMIT ${bind(f.limit)}`;
  return q.query<AuditRow>(sql, params);
}
