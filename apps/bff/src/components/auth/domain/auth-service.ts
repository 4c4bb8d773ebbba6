import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Permission, Role } from '@c2/api-client/schemas/role';
import type { SessionInfo, User } from '@c2/api-client/schemas/user';
import { permissionsOf } from '@c2/api-client/permissions';
import type { Db } from '../../../platform/db';
import type { Metrics } from '../../../platform/metrics';
import { tooManyRequests, unauthorized } from '../../../platform/errors';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { createLoginLimiter } from './login-limiter';
import { countUsers, findUserByUsername, insertUser, toUser } from '../data/user-store';
import { deleteExpiredSessions, deleteSession, findLiveSession, insertSession } from '../data/session-store';

/** The authenticated caller of a request or socket. */
export interface Principal {
  user: User;
  permissions: readonly Permission[];
  /** SHA-256 of the session token: identifies the session without being able to open it. */
  sessionKey: string;
  csrfToken: string;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface AuthServiceOptions {
  sessionTtlMinutes: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
}

export function createAuthService(db: Db, metrics: Metrics, options: AuthServiceOptions) {
  const limiter = createLoginLimiter({
    maxFailures: options.loginMaxFailures,
    lockSeconds: options.loginLockSeconds,
  });

  function toSessionInfo(p: Principal): SessionInfo {
    return {
      user: p.user,
      permissions: [...p.permissions],
      csrfToken: p.csrfToken,
      expiresAt: p.expiresAt.toISOString(),
    };
  }

  return {
    toSessionInfo,

    /**
     * Checks credentials and opens a session. Unknown users and wrong passwords answer the same 401 after the same
     * work, so the answer does not reveal which usernames exist.
     */
    async login(
      username: string,
      password: string,
      client: { ip: string; userAgent: string | null },
    ): Promise<{ token: string; principal: Principal }> {
      const wait = limiter.retryAfter(username, client.ip);
      if (wait > 0) {
        metrics.loginFailures.inc({ reason: 'rate_limited' });
        throw tooManyRequests(`Too many failed logins; try again in ${wait} s`, wait);
      }
      const row = await findUserByUsername(db, username);
      const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
      if (!row || !ok || row.disabled) {
        limiter.fail(username, client.ip);
        metrics.loginFailures.inc({
          reason: !row ? 'unknown_user' : row.disabled ? 'disabled' : 'bad_password',
        });
        throw unauthorized('Wrong username or password');
      }
      limiter.succeed(username, client.ip);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(Date.now() + options.sessionTtlMinutes * 60_000);
      await insertSession(db, {
        tokenHash: hashToken(token),
        userId: row.id,
        csrfToken,
        expiresAt,
        ip: client.ip,
        userAgent: client.userAgent,
      });
      const user = toUser(row);
      return {
        token,
        principal: {
          user,
          permissions: permissionsOf(user.role),
          sessionKey: hashToken(token),
          csrfToken,
          expiresAt,
        },
      };
    },

    /** Resolves a session token to its principal, or null when missing, expired or revoked. */
    async resolve(token: string | undefined): Promise<Principal | null> {
      if (!token || token.length > 128) return null;
      const row = await findLiveSession(db, hashToken(token));
      if (!row) return null;
      const user = toUser(row);
      return {
        user,
        permissions: permissionsOf(user.role),
        sessionKey: row.token_hash,
        csrfToken: row.csrf_token,
        expiresAt: new Date(row.expires_at),
      };
    },

    async logout(sessionKey: string): Promise<void> {
      await deleteSession(db, sessionKey);
    },

    purgeExpired: () => deleteExpiredSessions(db),

    /** Creates one account per role on an empty user table; returns what was created, for printing. */
    async seedUsers(password: string): Promise<{ username: string; role: Role; areas: string[] | null }[]> {
      if ((await countUsers(db)) > 0) return [];
      const accounts: { username: string; displayName: string; role: Role; areas: string[] | null }[] = [
        { username: 'operator', displayName: 'Nguyễn Văn An (trực ca)', role: 'operator', areas: null },
        { username: 'dispatcher', displayName: 'Trần Thị Bình (điều phối)', role: 'dispatcher', areas: null },
        {
          username: 'investigator',
          displayName: 'Lê Minh Châu (điều tra)',
          role: 'investigator',
          areas: null,
        },
        { username: 'leader', displayName: 'Phạm Quốc Dũng (lãnh đạo)', role: 'leader', areas: null },
        { username: 'admin', displayName: 'Hoàng Thu Hà (quản trị)', role: 'admin', areas: null },
        { username: 'auditor', displayName: 'Vũ Đức Khang (kiểm tra)', role: 'auditor', areas: null },
      ];
      const hashes = await Promise.all(accounts.map(() => hashPassword(password)));
      for (const [i, a] of accounts.entries()) {
        await insertUser(db, { id: randomUUID(), ...a, passwordHash: hashes[i]! });
      }
      return accounts.map(({ username, role, areas }) => ({ username, role, areas }));
    },

    /**
     * Creates more seeded accounts (e.g. one per field unit) with the seed password. They share one hash: their
     * password is the same printed one anyway, and two dozen scrypt runs would slow every first start.
     */
    async seedAccounts(
      password: string,
      accounts: readonly { username: string; displayName: string; role: Role; areas: string[] | null }[],
    ): Promise<void> {
      if (accounts.length === 0) return;
      const passwordHash = await hashPassword(password);
      for (const a of accounts) await insertUser(db, { id: randomUUID(), ...a, passwordHash });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
