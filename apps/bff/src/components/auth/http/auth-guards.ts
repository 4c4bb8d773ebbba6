import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { CSRF_HEADER, SESSION_COOKIE } from '@c2/api-client/realtime/events';
import type { Permission } from '@c2/api-client/schemas/role';
import { AppError, forbidden, unauthorized } from '../../../platform/errors';
import type { AuthService, Principal } from '../domain/auth-service';

export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
}

/** The request's principal; a route that calls this answers 401 to anonymous callers. */
export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw unauthorized();
  return p;
}

/** Resolves the session cookie (if any) once per request. */
export function attachPrincipal(auth: AuthService) {
  return (req: Request, res: Response, next: NextFunction) => {
    auth
      .resolve(sessionTokenOf(req.headers.cookie))
      .then((p) => {
        if (p) res.locals.principal = p;
        next();
      })
      .catch(next);
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for state-changing requests: the browser must say the request is same-origin (Sec-Fetch-Site /
 * Origin), and a logged-in caller must echo the session's CSRF token in a header a cross-site form cannot set.
 */
export function csrfGuard(allowedOrigin: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') return next(csrfError('cross-site request'));
    const origin = req.get('origin');
    if (origin) {
      const expected = allowedOrigin ?? `${req.protocol}://${req.get('host')}`;
      if (origin !== expected) return next(csrfError('origin not allowed'));
    }
    const p = res.locals.principal as Principal | undefined;
    // Signing in again over a live session is allowed (the login steps carry no session to protect): the Origin
    // checks above already stop a cross-site login.
    const signingIn = `${req.baseUrl}${req.path}`.startsWith('/api/auth/login');
    if (p && !signingIn && req.get(CSRF_HEADER) !== p.csrfToken)
      return next(csrfError(`missing or wrong ${CSRF_HEADER} header`));
    next();
  };
}

function csrfError(why: string): AppError {
  return new AppError('csrf', `Request refused (CSRF protection: ${why})`, 403);
}

/**
 * What guards a route, readable from the router itself: every guard below is a middleware tagged with what it
 * demands, so the authorization test (and the startup check) can list every route of the app with its guard and
 * call it as every role. A route with no tagged guard on its way is a finding.
 */
export type GuardTag =
  | { kind: 'permission'; anyOf: readonly Permission[] }
  | { kind: 'session' }
  | { kind: 'public'; reason: string }
  | { kind: 'machine'; scheme: string };

const GUARD = Symbol.for('c2.guard');
type Middleware = (req: Request, res: Response, next: NextFunction) => void;
type Tagged = Middleware & { [GUARD]: GuardTag };

function tagged(guard: GuardTag, fn: Middleware): Tagged {
  return Object.assign(fn, { [GUARD]: guard });
}

/** The guard a handler declares, if it is one of ours. */
export function guardOf(fn: unknown): GuardTag | undefined {
  return typeof fn === 'function' ? (fn as Partial<Tagged>)[GUARD] : undefined;
}

/** Refuses callers without the permission (401 when not logged in at all). */
export function requirePermission(permission: Permission): Tagged {
  return requireAnyPermission(permission);
}

/** Admits callers holding at least one of the permissions. */
export function requireAnyPermission(...permissions: Permission[]): Tagged {
  return tagged({ kind: 'permission', anyOf: permissions }, (_req, res, next) => {
    const p = res.locals.principal as Principal | undefined;
    if (!p) return next(unauthorized());
    if (!permissions.some((perm) => p.permissions.includes(perm)))
      return next(forbidden(`Requires permission ${permissions.join(' or ')}`));
    next();
  });
}

/**
 * Like `requirePermission`, except that a request carrying `?token=` passes on to the handler, which verifies that
 * token itself (a short-lived signed stream URL, readable by a video player that sends no session). Tagged as the
 * permission: without a token the route answers exactly as `requirePermission` would.
 */
export function requirePermissionOrToken(permission: Permission): Tagged {
  const guard = requireAnyPermission(permission);
  return tagged({ kind: 'permission', anyOf: [permission] }, (req, res, next) => {
    if (typeof req.query.token === 'string' && req.query.token !== '') return next();
    guard(req, res, next);
  });
}

/** Any logged-in user, whatever the role: for what a user does to their own account (sessions, MFA). */
export function requireSession(): Tagged {
  return tagged({ kind: 'session' }, (_req, res, next) => {
    if (!res.locals.principal) return next(unauthorized());
    next();
  });
}

/**
 * Declares a route open to anonymous callers, with the reason (login, health probes, the SPA's files). It does
 * nothing at run time; it is what the authorization test reads to tell "public on purpose" from "forgotten".
 */
export function publicRoute(reason: string): Tagged {
  return tagged({ kind: 'public', reason }, (_req, _res, next) => next());
}

/**
 * Declares a machine-to-machine route authenticated by its own scheme (an HMAC-signed webhook, a partner API
 * key), never by a user's session. The scheme's own middleware does the checking.
 */
export function machineRoute(scheme: string): Tagged {
  return tagged({ kind: 'machine', scheme }, (_req, _res, next) => next());
}
