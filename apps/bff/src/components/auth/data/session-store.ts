import type { Queryable } from '../../../platform/db';
import type { UserRow } from './user-store';

export interface SessionRow extends UserRow {
  token_hash: string;
  session_id: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
  session_created_at: Date;
  method: 'password' | 'oidc';
  ip: string | null;
  user_agent: string | null;
}

export async function insertSession(
  q: Queryable,
  s: {
    id: string;
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    method: 'password' | 'oidc';
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (id, token_hash, user_id, csrf_token, expires_at, method, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      s.id,
      s.tokenHash,
      s.userId,
      s.csrfToken,
      s.expiresAt,
      s.method,
      s.ip,
      s.userAgent?.slice(0, 300) ?? null,
    ],
  );
}

/** A live session with its user: past its absolute end, idle too long, or of a disabled user finds nothing. */
export async function findLiveSession(
  q: Queryable,
  tokenHash: string,
  idleMinutes: number,
): Promise<SessionRow | null> {
  const rows = await q.query<SessionRow>(
    `SELECT s.token_hash, s.id AS session_id, s.user_id, s.csrf_token, s.expires_at, s.last_seen_at,
            s.created_at AS session_created_at, s.method, s.ip, s.user_agent, u.*
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)
       AND NOT u.disabled`,
    [tokenHash, idleMinutes],
  );
  return rows[0] ?? null;
}

/** Marks the session as used now (the idle clock restarts). */
export async function touchSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
}

export interface SessionListRow {
  id: string;
  token_hash: string;
  method: 'password' | 'oidc';
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export async function listUserSessions(
  q: Queryable,
  userId: string,
  idleMinutes: number,
): Promise<SessionListRow[]> {
  return q.query<SessionListRow>(
    `SELECT id, token_hash, method, created_at, last_seen_at, expires_at, ip, user_agent FROM sessions
     WHERE user_id = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
     ORDER BY last_seen_at DESC`,
    [userId, idleMinutes],
  );
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Deletes one session of a user by its public id; returns its token hash (to end its sockets) or null. */
export async function deleteUserSession(q: Queryable, userId: string, id: string): Promise<string | null> {
  const rows = await q.query<{ token_hash: string }>(
    'DELETE FROM sessions WHERE user_id = $1 AND id = $2 RETURNING token_hash',
    [userId, id],
  );
  return rows[0]?.token_hash ?? null;
}

export async function deleteAllUserSessions(q: Queryable, userId: string): Promise<string[]> {
  const rows = await q.query<{ token_hash: string }>(
    'DELETE FROM sessions WHERE user_id = $1 RETURNING token_hash',
    [userId],
  );
  return rows.map((r) => r.token_hash);
}

/** Removes sessions past their absolute or idle limit; returns their token hashes so their sockets end too. */
export async function deleteEndedSessions(q: Queryable, idleMinutes: number): Promise<string[]> {
  const rows = await q.query<{ token_hash: string }>(
    `DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $1)
     RETURNING token_hash`,
    [idleMinutes],
  );
  return rows.map((r) => r.token_hash);
}
