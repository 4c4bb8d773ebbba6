import type { Queryable } from '../../../platform/db';
import type { UserRow } from './user-store';

export interface SessionRow extends UserRow {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date;
}

export async function insertSession(
  q: Queryable,
  s: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.tokenHash, s.userId, s.csrfToken, s.expiresAt, s.ip, s.userAgent?.slice(0, 300) ?? null],
  );
}

/** A live session with its user; expired sessions and disabled users find nothing. */
export async function findLiveSession(q: Queryable, tokenHash: string): Promise<SessionRow | null> {
  const rows = await q.query<SessionRow>(
    `SELECT s.token_hash, s.user_id, s.csrf_token, s.expires_at, u.*
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteExpiredSessions(q: Queryable): Promise<void> {
  await q.query('DELETE FROM sessions WHERE expires_at <= now()');
}
