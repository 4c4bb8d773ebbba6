import { Router, type CookieOptions, type Request } from 'express';
import { loginRequestSchema } from '@c2/api-client/schemas/user';
import { CSRF_COOKIE, SESSION_COOKIE } from '@c2/api-client/realtime/events';
import { handle, parseInput } from '../../../platform/http';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { AuthService } from '../domain/auth-service';
import { principalOf } from './auth-guards';

export interface AuthRoutesDeps {
  auth: AuthService;
  audit: AuditTrail;
  secureCookies: boolean;
  /** Ends the live sockets of a session that logged out. */
  onSessionEnded: (sessionKey: string) => void;
}

function clientOf(req: Request) {
  return { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? null };
}

export function createAuthRoutes(deps: AuthRoutesDeps): Router {
  const router = Router();
  const base: CookieOptions = { sameSite: 'lax', secure: deps.secureCookies, path: '/' };

  router.post(
    '/login',
    handle(async (req, res) => {
      const body = parseInput(loginRequestSchema, req.body, 'login request');
      const client = clientOf(req);
      try {
        const { token, principal } = await deps.auth.login(body.username, body.password, client);
        res.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true, expires: principal.expiresAt });
        res.cookie(CSRF_COOKIE, principal.csrfToken, {
          ...base,
          httpOnly: false,
          expires: principal.expiresAt,
        });
        await deps.audit.record({
          actorId: principal.user.id,
          actorName: principal.user.username,
          action: 'auth.login',
          target: null,
          ip: client.ip,
          detail: {},
        });
        res.json(deps.auth.toSessionInfo(principal));
      } catch (err) {
        await deps.audit.record({
          actorId: null,
          actorName: body.username.slice(0, 64),
          action: 'auth.login_failed',
          target: null,
          ip: client.ip,
          detail: {},
        });
        throw err;
      }
    }),
  );

  router.post(
    '/logout',
    handle(async (req, res) => {
      const p = principalOf(res);
      await deps.auth.logout(p.sessionKey);
      deps.onSessionEnded(p.sessionKey);
      await deps.audit.record({
        actorId: p.user.id,
        actorName: p.user.username,
        action: 'auth.logout',
        target: null,
        ip: clientOf(req).ip,
        detail: {},
      });
      res.clearCookie(SESSION_COOKIE, base);
      res.clearCookie(CSRF_COOKIE, base);
      res.status(204).end();
    }),
  );

  router.get(
    '/me',
    handle((_req, res) => {
      res.json(deps.auth.toSessionInfo(principalOf(res)));
    }),
  );

  return router;
}
