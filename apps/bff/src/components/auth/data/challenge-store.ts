import type { Queryable } from '../../../platform/db';

export interface ChallengeRow {
  token_hash: string;
  user_id: string;
  kind: 'totp' | 'enrol' | 'reenrol';
  method: 'password' | 'oidc';
  pending_secret: string | null;
  attempts: number;
  expires_at: Date;
}

export async function insertChallenge(
  q: Queryable,
  c: {
    tokenHash: string;
    userId: string;
    kind: ChallengeRow['kind'];
    method: ChallengeRow['method'];
    expiresAt: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO login_challenges (token_hash, user_id, kind, method, expires_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (token_hash) DO UPDATE SET kind = $3, method = $4, expires_at = $5, attempts = 0, pending_secret = NULL`,
    [c.tokenHash, c.userId, c.kind, c.method, c.expiresAt],
  );
}

/** Counts one more try at a live challenge and returns it (null when missing or expired). */
export async function attemptChallenge(q: Queryable, tokenHash: string): Promise<ChallengeRow | null> {
  const rows = await q.query<ChallengeRow>(
    `UPDATE login_challenges SET attempts = attempts + 1 WHERE token_hash = $1 AND expires_at > now()
     RETURNING *`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function findChallenge(q: Queryable, tokenHash: string): Promise<ChallengeRow | null> {
  const rows = await q.query<ChallengeRow>(
    'SELECT * FROM login_challenges WHERE token_hash = $1 AND expires_at > now()',
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function setChallengeSecret(
  q: Queryable,
  tokenHash: string,
  encryptedSecret: string,
): Promise<void> {
  await q.query('UPDATE login_challenges SET pending_secret = $2 WHERE token_hash = $1', [
    tokenHash,
    encryptedSecret,
  ]);
}

export async function deleteChallenge(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM login_challenges WHERE token_hash = $1', [tokenHash]);
}

export async function deleteExpiredChallenges(q: Queryable): Promise<void> {
  await q.query('DELETE FROM login_challenges WHERE expires_at <= now()');
}
