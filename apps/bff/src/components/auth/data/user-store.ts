import type { Queryable } from '../../../platform/db';
import type { User } from '@c2/api-client/schemas/user';
import type { Role } from '@c2/api-client/schemas/role';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  areas: string[] | null;
  locale: 'vi' | 'en';
  password_hash: string;
  disabled: boolean;
  created_at: Date;
  /** Encrypted (secret box) base32 TOTP secret; null when not enrolled. */
  mfa_secret: string | null;
  mfa_enrolled_at: Date | null;
  mfa_last_step: number | null;
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  oidc_subject: string | null;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    areas: row.areas,
    locale: row.locale,
  };
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.areas, u.locale, u.password_hash, u.disabled,
  u.created_at, u.mfa_secret, u.mfa_enrolled_at, u.mfa_last_step, u.failed_logins, u.locked_until,
  u.last_login_at, u.oidc_subject`;

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users u WHERE lower(u.username) = lower($1)`,
    [username],
  );
  return rows[0] ?? null;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findUserByOidcSubject(q: Queryable, subject: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.oidc_subject = $1`, [
    subject,
  ]);
  return rows[0] ?? null;
}

export async function linkOidcSubject(q: Queryable, userId: string, subject: string): Promise<void> {
  await q.query('UPDATE users SET oidc_subject = $2 WHERE id = $1 AND oidc_subject IS NULL', [
    userId,
    subject,
  ]);
}

export async function listUsers(q: Queryable): Promise<(UserRow & { active_sessions: number })[]> {
  return q.query<UserRow & { active_sessions: number }>(
    `SELECT ${USER_COLUMNS},
       (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now()) AS active_sessions
     FROM users u ORDER BY u.username`,
  );
}

export async function countUsers(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n ?? 0;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  areas: string[] | null;
  passwordHash: string;
  /** Encrypted TOTP secret for accounts created already enrolled (the embedded mode's seeded accounts). */
  mfaSecret?: string | null;
}

/** Inserts a user; false when the username is taken. */
export async function insertUser(q: Queryable, u: NewUser): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO users (id, username, display_name, role, areas, password_hash, mfa_secret, mfa_enrolled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [u.id, u.username, u.displayName, u.role, u.areas, u.passwordHash, u.mfaSecret ?? null],
  );
  return rows.length > 0;
}

export async function updateUserFields(
  q: Queryable,
  id: string,
  f: { displayName?: string; role?: Role; areas?: string[] | null; disabled?: boolean },
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE users SET
       display_name = COALESCE($2, display_name),
       role = COALESCE($3, role),
       areas = CASE WHEN $4::boolean THEN $5::text[] ELSE areas END,
       disabled = COALESCE($6, disabled)
     WHERE id = $1 RETURNING id`,
    [id, f.displayName ?? null, f.role ?? null, f.areas !== undefined, f.areas ?? null, f.disabled ?? null],
  );
  return rows.length > 0;
}

/**
 * Counts a failed login against the account, locking it when the count reaches `max`. Atomic, so failures spread
 * over several BFF instances add up.
 */
export async function recordLoginFailure(
  q: Queryable,
  userId: string,
  max: number,
  lockMinutes: number,
): Promise<{ failed_logins: number; locked_until: Date | null }> {
  const rows = await q.query<{ failed_logins: number; locked_until: Date | null }>(
    `UPDATE users SET failed_logins = failed_logins + 1,
       locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
     WHERE id = $1 RETURNING failed_logins, locked_until`,
    [userId, max, lockMinutes],
  );
  return rows[0] ?? { failed_logins: 0, locked_until: null };
}

export async function recordLoginSuccess(q: Queryable, userId: string): Promise<void> {
  await q.query(
    'UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1',
    [userId],
  );
}

export async function unlockUser(q: Queryable, userId: string): Promise<void> {
  await q.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [userId]);
}

/**
 * Accepts a TOTP step only if it is newer than the last one accepted (a code works once, on any instance).
 * `rejectReuse` false accepts the same step again (test suites logging one account in many times a second).
 */
export async function claimTotpStep(
  q: Queryable,
  userId: string,
  step: number,
  rejectReuse: boolean,
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE users SET mfa_last_step = GREATEST(COALESCE(mfa_last_step, 0), $2)
     WHERE id = $1 AND (NOT $3::boolean OR mfa_last_step IS NULL OR mfa_last_step < $2) RETURNING id`,
    [userId, step, rejectReuse],
  );
  return rows.length > 0;
}

export async function setMfaSecret(
  q: Queryable,
  userId: string,
  encryptedSecret: string,
  step: number,
): Promise<void> {
  await q.query(
    'UPDATE users SET mfa_secret = $2, mfa_enrolled_at = now(), mfa_last_step = $3 WHERE id = $1',
    [userId, encryptedSecret, step],
  );
}

export async function clearMfa(q: Queryable, userId: string): Promise<void> {
  await q.query(
    'UPDATE users SET mfa_secret = NULL, mfa_enrolled_at = NULL, mfa_last_step = NULL WHERE id = $1',
    [userId],
  );
  await q.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
}

export async function replaceRecoveryCodes(q: Queryable, userId: string, hashes: string[]): Promise<void> {
  await q.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
  for (const h of hashes) {
    await q.query('INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES ($1, $2)', [userId, h]);
  }
}

/** Uses a recovery code once; false when unknown or already used. */
export async function useRecoveryCode(q: Queryable, userId: string, hash: string): Promise<boolean> {
  const rows = await q.query<{ user_id: string }>(
    `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
     RETURNING user_id`,
    [userId, hash],
  );
  return rows.length > 0;
}

export async function countRecoveryCodesLeft(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
    [userId],
  );
  return rows[0]?.n ?? 0;
}
