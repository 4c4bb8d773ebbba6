import { createHash, randomBytes, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { Permission, Role } from '@c2/api-client/schemas/role';
import type { SessionInfo, User } from '@c2/api-client/schemas/user';
import type { MfaEnrolment, MfaStatus, SessionSummary } from '@c2/api-client/schemas/auth';
import { permissionsOf } from '@c2/api-client/permissions';
import type { Db } from '../../../platform/db';
import type { Metrics } from '../../../platform/metrics';
import { AppError, badRequest, tooManyRequests, unauthorized } from '../../../platform/errors';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { createLoginLimiter } from './login-limiter';
import type { SecretBox } from './secret-box';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp';
import {
  claimTotpStep,
  countRecoveryCodesLeft,
  countUsers,
  findUserById,
  findUserByUsername,
  insertUser,
  recordLoginFailure,
  recordLoginSuccess,
  replaceRecoveryCodes,
  setMfaSecret,
  toUser,
  useRecoveryCode,
  type UserRow,
} from '../data/user-store';
import {
  deleteAllUserSessions,
  deleteEndedSessions,
  deleteSession,
  deleteUserSession,
  findLiveSession,
  insertSession,
  listUserSessions,
  touchSession,
} from '../data/session-store';
import {
  attemptChallenge,
  deleteChallenge,
  deleteExpiredChallenges,
  findChallenge,
  insertChallenge,
  setChallengeSecret,
  type ChallengeRow,
} from '../data/challenge-store';

/** The authenticated caller of a request or socket. */
export interface Principal {
  user: User;
  permissions: readonly Permission[];
  /** SHA-256 of the session token: identifies the session without being able to open it. */
  sessionKey: string;
  /** The session's public id (what "my sessions" lists and revokes). */
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  method: 'password' | 'oidc';
  mfa: { enrolled: boolean; required: boolean };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface Client {
  ip: string;
  userAgent: string | null;
}

export interface AuthServiceOptions {
  sessionTtlMinutes: number;
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  loginLockoutFailures: number;
  loginLockoutMinutes: number;
  mfaRequiredRoles: readonly Role[];
  mfaIssuer: string;
  mfaRejectReusedCodes: boolean;
}

/** A login either opens a session or stops at a second-factor step held by a challenge token. */
export type LoginOutcome =
  | { kind: 'session'; token: string; principal: Principal; via: 'password' | 'totp' | 'recovery' | 'idp' }
  | { kind: 'challenge'; step: 'totp' | 'enrol'; token: string; expiresAt: Date; user: User };

const CHALLENGE_MINUTES = 5;
const CHALLENGE_ATTEMPTS = 5;
/** The idle clock is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 30_000;

export const invalidCode = () => new AppError('invalid_code', 'Wrong or already used code', 401);
const challengeGone = () =>
  new AppError('mfa_challenge_expired', 'The sign-in step expired; sign in again', 401);
const locked = (seconds: number) =>
  new AppError('account_locked', `Account locked after repeated failures; try again in ${seconds} s`, 423, {
    retryAfter: String(seconds),
  });

/** Recovery codes: 10 characters of base32 (50 bits), shown as `xxxxx-xxxxx`; kept only as SHA-256. */
function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}
function recoveryHash(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
}

export function createAuthService(db: Db, metrics: Metrics, options: AuthServiceOptions, box: SecretBox) {
  const limiter = createLoginLimiter({
    maxFailures: options.loginMaxFailures,
    lockSeconds: options.loginLockSeconds,
  });
  const mfaRequired = (role: Role) => options.mfaRequiredRoles.includes(role);

  /**
   * Resolves a session by its key (the token's hash), for credentials derived from a session without carrying it,
   * such as a stream token handed to the VMS.
   */
  /**
   * The principal of a live session by its key (the token's hash), or null when missing, expired, idle too long
   * or revoked. Use keeps the session from going idle (touched at most once per TOUCH_EVERY_MS).
   */
  async function resolveKey(sessionKey: string): Promise<Principal | null> {
    const row = await findLiveSession(db, sessionKey, options.sessionIdleMinutes);
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS)
      await touchSession(db, row.token_hash);
    const user = toUser(row);
    return {
      user,
      permissions: permissionsOf(user.role),
      sessionKey: row.token_hash,
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      expiresAt: new Date(row.expires_at),
      method: row.method,
      mfa: { enrolled: row.mfa_secret !== null, required: mfaRequired(user.role) },
    };
  }

  function toSessionInfo(p: Principal): SessionInfo {
    return {
      user: p.user,
      permissions: [...p.permissions],
      csrfToken: p.csrfToken,
      expiresAt: p.expiresAt.toISOString(),
      idleMinutes: options.sessionIdleMinutes,
      mfa: p.mfa,
    };
  }

  async function openSession(row: UserRow, method: 'password' | 'oidc', client: Client) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + options.sessionTtlMinutes * 60_000);
    const id = randomUUID();
    await insertSession(db, {
      id,
      tokenHash: hashToken(token),
      userId: row.id,
      csrfToken,
      expiresAt,
      method,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await recordLoginSuccess(db, row.id);
    const user = toUser(row);
    const principal: Principal = {
      user,
      permissions: permissionsOf(user.role),
      sessionKey: hashToken(token),
      sessionId: id,
      csrfToken,
      expiresAt,
      method,
      mfa: { enrolled: row.mfa_secret !== null, required: mfaRequired(row.role) },
    };
    return { token, principal };
  }

  async function openChallenge(row: UserRow, step: 'totp' | 'enrol', method: 'password' | 'oidc') {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000);
    await insertChallenge(db, { tokenHash: hashToken(token), userId: row.id, kind: step, method, expiresAt });
    return { kind: 'challenge' as const, step, token, expiresAt, user: toUser(row) };
  }

  /** A failed factor counts against the address (throttle) and the account (lockout, on every instance). */
  async function fail(row: UserRow | null, username: string, client: Client, reason: string): Promise<void> {
    limiter.fail(username, client.ip);
    metrics.loginFailures.inc({ reason });
    if (row) await recordLoginFailure(db, row.id, options.loginLockoutFailures, options.loginLockoutMinutes);
  }

  function lockedFor(row: UserRow): number {
    return row.locked_until ? Math.ceil((new Date(row.locked_until).getTime() - Date.now()) / 1000) : 0;
  }

  /** TOTP (once per time step) or an unused recovery code; null when neither. */
  async function checkCode(row: UserRow, code: string): Promise<'totp' | 'recovery' | null> {
    if (!row.mfa_secret) return null;
    const compact = code.replace(/[\s-]/g, '');
    if (/^\d{6}$/.test(compact)) {
      const step = verifyTotp(box.open(row.mfa_secret), compact, Date.now() / 1000);
      if (step === null) return null;
      return (await claimTotpStep(db, row.id, step, options.mfaRejectReusedCodes)) ? 'totp' : null;
    }
    return (await useRecoveryCode(db, row.id, recoveryHash(compact))) ? 'recovery' : null;
  }

  async function newRecoverySet(userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(db, userId, codes.map(recoveryHash));
    return codes;
  }

  async function enrolment(user: User, secret: string): Promise<MfaEnrolment> {
    const url = otpauthUrl(options.mfaIssuer, user.username, secret);
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      secret,
      otpauthUrl: url,
      qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      issuer: options.mfaIssuer,
      digits: 6,
      periodSeconds: 30,
    };
  }

  /** After the first factor: a session, or the second-factor step the account needs. */
  async function afterFirstFactor(
    row: UserRow,
    method: 'password' | 'oidc',
    code: string | undefined,
    client: Client,
    idpProvedMfa: boolean,
  ): Promise<LoginOutcome> {
    if (row.mfa_secret && !idpProvedMfa) {
      if (code === undefined) return openChallenge(row, 'totp', method);
      const via = await checkCode(row, code);
      if (!via) {
        await fail(row, row.username, client, 'bad_code');
        throw invalidCode();
      }
      limiter.succeed(row.username, client.ip);
      return { kind: 'session', ...(await openSession(row, method, client)), via };
    }
    if (!row.mfa_secret && mfaRequired(row.role) && !idpProvedMfa) return openChallenge(row, 'enrol', method);
    limiter.succeed(row.username, client.ip);
    return {
      kind: 'session',
      ...(await openSession(row, method, client)),
      via: idpProvedMfa ? 'idp' : 'password',
    };
  }

  /** A live challenge of the given kind with its user, counting the try; refuses after too many. */
  async function challengeFor(token: string | undefined, kind: ChallengeRow['kind']) {
    if (!token || token.length > 128) throw challengeGone();
    const c = await attemptChallenge(db, hashToken(token));
    if (!c || c.kind !== kind) throw challengeGone();
    if (c.attempts > CHALLENGE_ATTEMPTS) {
      await deleteChallenge(db, c.token_hash);
      throw challengeGone();
    }
    const row = await findUserById(db, c.user_id);
    if (!row || row.disabled) throw challengeGone();
    return { c, row };
  }

  return {
    toSessionInfo,
    mfaRequired,
    idleMinutes: options.sessionIdleMinutes,

    /**
     * Checks credentials. Unknown users and wrong passwords answer the same 401 after the same work, so the
     * answer does not reveal which usernames exist. A locked account answers 423 without looking at the password
     * (so a lock cannot be used to test guesses).
     */
    async login(
      username: string,
      password: string,
      code: string | undefined,
      client: Client,
    ): Promise<LoginOutcome> {
      const wait = limiter.retryAfter(username, client.ip);
      if (wait > 0) {
        metrics.loginFailures.inc({ reason: 'rate_limited' });
        throw tooManyRequests(`Too many failed logins; try again in ${wait} s`, wait);
      }
      const row = await findUserByUsername(db, username);
      if (row && lockedFor(row) > 0) {
        metrics.loginFailures.inc({ reason: 'locked' });
        throw locked(lockedFor(row));
      }
      const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
      if (!row || !ok || row.disabled) {
        await fail(
          row && !row.disabled ? row : null,
          username,
          client,
          !row ? 'unknown_user' : row.disabled ? 'disabled' : 'bad_password',
        );
        throw unauthorized('Wrong username or password');
      }
      return afterFirstFactor(row, 'password', code, client, false);
    },

    /** A user the identity provider vouched for (OIDC): the same second-factor rules as a password login. */
    async loginExternal(row: UserRow, client: Client, idpProvedMfa: boolean): Promise<LoginOutcome> {
      if (row.disabled) throw unauthorized('Account disabled');
      if (lockedFor(row) > 0) throw locked(lockedFor(row));
      return afterFirstFactor(row, 'oidc', undefined, client, idpProvedMfa);
    },

    /** Whose sign-in a challenge token belongs to (for the audit trail of a refused step). */
    async challengeUsername(token: string | undefined): Promise<string | null> {
      if (!token || token.length > 128) return null;
      const c = await findChallenge(db, hashToken(token));
      return c ? ((await findUserById(db, c.user_id))?.username ?? null) : null;
    },

    /** Second step of a login: the code for a pending `totp` challenge. */
    async verifyChallenge(token: string | undefined, code: string, client: Client) {
      const { c, row } = await challengeFor(token, 'totp');
      if (lockedFor(row) > 0) throw locked(lockedFor(row));
      const via = await checkCode(row, code);
      if (!via) {
        await fail(row, row.username, client, 'bad_code');
        throw invalidCode();
      }
      await deleteChallenge(db, c.token_hash);
      limiter.succeed(row.username, client.ip);
      return { ...(await openSession(row, c.method, client)), via };
    },

    /** Forced enrolment at login: a new secret for the pending `enrol` challenge (a new one at each call). */
    async startChallengeEnrolment(token: string | undefined): Promise<MfaEnrolment> {
      const { c, row } = await challengeFor(token, 'enrol');
      const secret = newTotpSecret();
      await setChallengeSecret(db, c.token_hash, box.seal(secret));
      return enrolment(toUser(row), secret);
    },

    /** Confirms the forced enrolment with a code from the new secret: the account is enrolled and signed in. */
    async confirmChallengeEnrolment(token: string | undefined, code: string, client: Client) {
      const { c, row } = await challengeFor(token, 'enrol');
      if (!c.pending_secret) throw new AppError('bad_request', 'Start the enrolment first', 400);
      const secret = box.open(c.pending_secret);
      const step = verifyTotp(secret, code, Date.now() / 1000);
      if (step === null) {
        await fail(row, row.username, client, 'bad_code');
        throw invalidCode();
      }
      await setMfaSecret(db, row.id, c.pending_secret, step);
      const recoveryCodes = await newRecoverySet(row.id);
      await deleteChallenge(db, c.token_hash);
      const enrolled = (await findUserById(db, row.id))!;
      return { ...(await openSession(enrolled, c.method, client)), recoveryCodes };
    },

    async mfaStatus(p: Principal): Promise<MfaStatus> {
      const row = await findUserById(db, p.user.id);
      return {
        enrolled: Boolean(row?.mfa_secret),
        required: mfaRequired(p.user.role),
        enrolledAt: row?.mfa_enrolled_at ? new Date(row.mfa_enrolled_at).toISOString() : null,
        recoveryCodesLeft: await countRecoveryCodesLeft(db, p.user.id),
      };
    },

    /**
     * Re-enrolment from a live session (a new phone). An enrolled account proves the current factor first, so a
     * stolen session cannot move the second factor to the thief's phone.
     */
    async startReenrolment(
      p: Principal,
      currentCode: string | undefined,
      client: Client,
    ): Promise<MfaEnrolment> {
      const row = (await findUserById(db, p.user.id))!;
      if (row.mfa_secret) {
        if (!currentCode)
          throw badRequest('Enter a code from your current authenticator first', { code: 'required' });
        if (!(await checkCode(row, currentCode))) {
          await fail(row, row.username, client, 'bad_code');
          throw invalidCode();
        }
      }
      const secret = newTotpSecret();
      const key = hashToken(`reenrol:${p.sessionKey}`);
      await insertChallenge(db, {
        tokenHash: key,
        userId: row.id,
        kind: 'reenrol',
        method: p.method,
        expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
      });
      await setChallengeSecret(db, key, box.seal(secret));
      return enrolment(p.user, secret);
    },

    async confirmReenrolment(p: Principal, code: string, client: Client): Promise<string[]> {
      const key = hashToken(`reenrol:${p.sessionKey}`);
      const c = await findChallenge(db, key);
      if (!c || c.kind !== 'reenrol' || !c.pending_secret) throw challengeGone();
      const step = verifyTotp(box.open(c.pending_secret), code, Date.now() / 1000);
      if (step === null) {
        await fail(await findUserById(db, p.user.id), p.user.username, client, 'bad_code');
        throw invalidCode();
      }
      await setMfaSecret(db, p.user.id, c.pending_secret, step);
      await deleteChallenge(db, key);
      return newRecoverySet(p.user.id);
    },

    async regenerateRecoveryCodes(p: Principal, code: string, client: Client): Promise<string[]> {
      const row = (await findUserById(db, p.user.id))!;
      if (!(await checkCode(row, code))) {
        await fail(row, row.username, client, 'bad_code');
        throw invalidCode();
      }
      return newRecoverySet(row.id);
    },

    /** Resolves a session token to its principal, or null when missing, expired, idle too long or revoked. */
    async resolve(token: string | undefined): Promise<Principal | null> {
      if (!token || token.length > 128) return null;
      return resolveKey(hashToken(token));
    },

    resolveKey,

    async logout(sessionKey: string): Promise<void> {
      await deleteSession(db, sessionKey);
    },

    async listSessions(p: Principal): Promise<SessionSummary[]> {
      const rows = await listUserSessions(db, p.user.id, options.sessionIdleMinutes);
      return rows.map((r) => ({
        id: r.id,
        current: r.token_hash === p.sessionKey,
        method: r.method,
        createdAt: new Date(r.created_at).toISOString(),
        lastSeenAt: new Date(r.last_seen_at).toISOString(),
        expiresAt: new Date(r.expires_at).toISOString(),
        ip: r.ip,
        userAgent: r.user_agent,
      }));
    },

    /** Revokes one of the user's own sessions; returns its key (to end its sockets) or null when not theirs. */
    revokeOwnSession: (p: Principal, id: string) => deleteUserSession(db, p.user.id, id),
    endAllSessions: (userId: string) => deleteAllUserSessions(db, userId),

    /** Ends sessions past their idle or absolute limit; returns their keys so their sockets are closed. */
    async sweep(): Promise<string[]> {
      await deleteExpiredChallenges(db);
      return deleteEndedSessions(db, options.sessionIdleMinutes);
    },

    /**
     * Creates the embedded mode's accounts on an empty user table: one per role, plus a ward-scoped operator.
     * Accounts of roles that require MFA are enrolled with the seed TOTP secret (printed at start like the
     * password), so a fresh `npm start` can be signed into with any authenticator app.
     */
    async seedUsers(
      password: string,
      totpSecret: string,
    ): Promise<{ username: string; role: Role; areas: string[] | null; mfa: boolean }[]> {
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
        {
          username: WARD_OPERATOR.username,
          displayName: 'Đỗ Văn Nam (trực ca phường Phượng Sơn)',
          role: 'operator',
          areas: [...WARD_OPERATOR.areas],
        },
      ];
      // The seeded accounts share one (printed) password, so one scrypt hash serves them all: seven hashes would
      // cost every fresh embedded start and every test server seconds of CPU for nothing.
      const passwordHash = await hashPassword(password);
      for (const a of accounts) {
        await insertUser(db, {
          id: randomUUID(),
          ...a,
          passwordHash,
          mfaSecret: mfaRequired(a.role) ? box.seal(totpSecret) : null,
        });
      }
      return accounts.map(({ username, role, areas }) => ({ username, role, areas, mfa: mfaRequired(role) }));
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

/** The seeded ward-scoped operator (jurisdiction tests and journeys): Phường Phượng Sơn only. */
export const WARD_OPERATOR = { username: 'operator.phuongson', areas: ['p-phuong-son'] } as const;
