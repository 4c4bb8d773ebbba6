import { Router, type CookieOptions, type Request, type Response } from 'express';
import { z } from 'zod';
import { loginRequestSchema, mfaCodeSchema } from '@c2/api-client/schemas/user';
import { mfaConfirmRequestSchema, mfaVerifyRequestSchema } from '@c2/api-client/schemas/auth';
import type { AuthProviders } from '@c2/api-client/schemas/auth';
import { CSRF_COOKIE, SESSION_COOKIE } from '@c2/api-client/realtime/events';
import { parse as parseCookies } from 'cookie';
import { handle, parseInput } from '../../../platform/http';
import { AppError, notFound } from '../../../platform/errors';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { AuthService, LoginOutcome, Principal } from '../domain/auth-service';
import { principalOf, publicRoute, requireSession } from './auth-guards';

/** The pending second-factor step of a login; only the login endpoints ever see it. */
export const CHALLENGE_COOKIE = 'c2_mfa';
const CHALLENGE_PATH = '/api/auth/login';

export interface AuthRoutesDeps {
  auth: AuthService;
  audit: AuditTrail;
  secureCookies: boolean;
  /** Ends the live sockets of a session that logged out or was revoked. */
  onSessionEnded: (sessionKey: string, reason: 'logout' | 'revoked') => void;
  /** Shown on the login page when single sign-on is configured. */
  oidcLabel: string | null;
}

export function clientOf(req: Request) {
  return { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null };
}

function challengeOf(req: Request): string | undefined {
  return req.headers.cookie ? parseCookies(req.headers.cookie)[CHALLENGE_COOKIE] : undefined;
}

const idParam = z.object({ id: z.string().min(1).max(64) });
const reenrolBody = z.object({ code: mfaCodeSchema.optional() });

/**
 * Sets the session cookies and answers the session, or sets the challenge cookie and answers the next step.
 * Shared by the password login and the OIDC callback (which redirects instead of answering JSON).
 */
export function sessionCookies(secure: boolean) {
  const base: CookieOptions = { sameSite: 'lax', secure, path: '/' };
  const challenge: CookieOptions = { sameSite: 'strict', secure, path: CHALLENGE_PATH, httpOnly: true };
  return {
    base,
    setSession(res: Response, token: string, p: Principal) {
      res.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true, expires: p.expiresAt });
      res.cookie(CSRF_COOKIE, p.csrfToken, { ...base, httpOnly: false, expires: p.expiresAt });
      res.clearCookie(CHALLENGE_COOKIE, challenge);
    },
    setChallenge(res: Response, token: string, expiresAt: Date) {
      res.cookie(CHALLENGE_COOKIE, token, { ...challenge, expires: expiresAt });
    },
    clearChallenge(res: Response) {
      res.clearCookie(CHALLENGE_COOKIE, challenge);
    },
    clearSession(res: Response) {
      res.clearCookie(SESSION_COOKIE, base);
      res.clearCookie(CSRF_COOKIE, base);
    },
  };
}

export function createAuthRoutes(deps: AuthRoutesDeps): Router {
  const router = Router();
  const { auth, audit } = deps;
  const cookies = sessionCookies(deps.secureCookies);

  const who = (p: Principal) => ({ actorId: p.user.id, actorName: p.user.username });

  async function answer(req: Request, res: Response, outcome: LoginOutcome): Promise<void> {
    const ip = clientOf(req).ip;
    if (outcome.kind === 'session') {
      cookies.setSession(res, outcome.token, outcome.principal);
      await audit.record({
        ...who(outcome.principal),
        action: 'auth.login',
        target: null,
        ip,
        detail: {
          method: outcome.principal.method,
          factor: outcome.via,
          sessionId: outcome.principal.sessionId,
        },
      });
      res.json(auth.toSessionInfo(outcome.principal));
      return;
    }
    cookies.setChallenge(res, outcome.token, outcome.expiresAt);
    await audit.record({
      actorId: outcome.user.id,
      actorName: outcome.user.username,
      action: 'auth.mfa_challenge',
      target: null,
      ip,
      detail: { step: outcome.step },
    });
    res.json({ mfa: outcome.step, expiresAt: outcome.expiresAt.toISOString() });
  }

  /** Records a refused sign-in step (who tried, why), then lets the error answer. */
  async function refused(req: Request, username: string | null, step: string, err: unknown): Promise<never> {
    await audit.record({
      actorId: null,
      actorName: username?.slice(0, 64) ?? null,
      action: 'auth.login_failed',
      target: null,
      ip: clientOf(req).ip,
      detail: { step, reason: err instanceof AppError ? err.code : 'error' },
    });
    throw err;
  }

  router.get(
    '/providers',
    publicRoute('the login page asks how it may sign people in'),
    handle((_req, res) => {
      const body: AuthProviders = { password: true, oidc: deps.oidcLabel ? { label: deps.oidcLabel } : null };
      res.json(body);
    }),
  );

  router.post(
    '/login',
    publicRoute('signing in'),
    handle(async (req, res) => {
      const body = parseInput(loginRequestSchema, req.body, 'login request');
      const outcome = await auth
        .login(body.username, body.password, body.code, clientOf(req))
        .catch((err: unknown) => refused(req, body.username, 'password', err));
      await answer(req, res, outcome);
    }),
  );

  router.post(
    '/login/mfa',
    publicRoute('second step of signing in, held by the challenge cookie'),
    handle(async (req, res) => {
      const { code } = parseInput(mfaVerifyRequestSchema, req.body, 'code');
      const result = await auth
        .verifyChallenge(challengeOf(req), code, clientOf(req))
        .catch(async (err: unknown) =>
          refused(req, await auth.challengeUsername(challengeOf(req)), 'totp', err),
        );
      await answer(req, res, { kind: 'session', ...result });
    }),
  );

  router.post(
    '/login/enrol',
    publicRoute('enrolment forced at sign-in, held by the challenge cookie'),
    handle(async (req, res) => {
      res.json(await auth.startChallengeEnrolment(challengeOf(req)));
    }),
  );

  router.post(
    '/login/enrol/confirm',
    publicRoute('enrolment forced at sign-in, held by the challenge cookie'),
    handle(async (req, res) => {
      const { code } = parseInput(mfaConfirmRequestSchema, req.body, 'code');
      const result = await auth
        .confirmChallengeEnrolment(challengeOf(req), code, clientOf(req))
        .catch(async (err: unknown) =>
          refused(req, await auth.challengeUsername(challengeOf(req)), 'enrol', err),
        );
      const ip = clientOf(req).ip;
      await audit.record({
        ...who(result.principal),
        action: 'auth.mfa_enrolled',
        target: null,
        ip,
        detail: {},
      });
      cookies.setSession(res, result.token, result.principal);
      await audit.record({
        ...who(result.principal),
        action: 'auth.login',
        target: null,
        ip,
        detail: { method: result.principal.method, factor: 'totp', sessionId: result.principal.sessionId },
      });
      res.json({ session: auth.toSessionInfo(result.principal), recoveryCodes: result.recoveryCodes });
    }),
  );

  router.post(
    '/logout',
    requireSession(),
    handle(async (req, res) => {
      const p = principalOf(res);
      await auth.logout(p.sessionKey);
      deps.onSessionEnded(p.sessionKey, 'logout');
      await audit.record({
        ...who(p),
        action: 'auth.logout',
        target: null,
        ip: clientOf(req).ip,
        detail: {},
      });
      cookies.clearSession(res);
      res.status(204).end();
    }),
  );

  router.get(
    '/me',
    requireSession(),
    handle((_req, res) => {
      res.json(auth.toSessionInfo(principalOf(res)));
    }),
  );

  router.get(
    '/mfa',
    requireSession(),
    handle(async (_req, res) => {
      res.json(await auth.mfaStatus(principalOf(res)));
    }),
  );

  router.post(
    '/mfa/enrol',
    requireSession(),
    handle(async (req, res) => {
      const { code } = parseInput(reenrolBody, req.body ?? {}, 'request');
      res.json(await auth.startReenrolment(principalOf(res), code, clientOf(req)));
    }),
  );

  router.post(
    '/mfa/enrol/confirm',
    requireSession(),
    handle(async (req, res) => {
      const { code } = parseInput(mfaConfirmRequestSchema, req.body, 'code');
      const p = principalOf(res);
      const recoveryCodes = await auth.confirmReenrolment(p, code, clientOf(req));
      await audit.record({
        ...who(p),
        action: 'auth.mfa_enrolled',
        target: null,
        ip: clientOf(req).ip,
        detail: { again: true },
      });
      res.json({ recoveryCodes });
    }),
  );

  router.post(
    '/mfa/recovery-codes',
    requireSession(),
    handle(async (req, res) => {
      const { code } = parseInput(mfaVerifyRequestSchema, req.body, 'code');
      const p = principalOf(res);
      const recoveryCodes = await auth.regenerateRecoveryCodes(p, code, clientOf(req));
      await audit.record({
        ...who(p),
        action: 'auth.recovery_codes_regenerated',
        target: null,
        ip: clientOf(req).ip,
        detail: {},
      });
      res.json({ recoveryCodes });
    }),
  );

  router.get(
    '/sessions',
    requireSession(),
    handle(async (_req, res) => {
      res.json(await auth.listSessions(principalOf(res)));
    }),
  );

  router.delete(
    '/sessions/:id',
    requireSession(),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'session id');
      const p = principalOf(res);
      // Someone else's session id answers like one that does not exist.
      const key = await auth.revokeOwnSession(p, id);
      if (!key) throw notFound('Session');
      deps.onSessionEnded(key, 'revoked');
      await audit.record({
        ...who(p),
        action: 'auth.session_revoked',
        target: `session:${id}`,
        ip: clientOf(req).ip,
        detail: { own: true, current: key === p.sessionKey },
      });
      if (key === p.sessionKey) cookies.clearSession(res);
      res.status(204).end();
    }),
  );

  return router;
}
