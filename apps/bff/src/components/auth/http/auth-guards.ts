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
    // Logging in again over a live session is allowed: the Origin checks above already stop a cross-site login.
    if (p && req.path !== '/api/auth/login' && req.get(CSRF_HEADER) !== p.csrfToken)
      return next(csrfError(`missing or wrong ${CSRF_HEADER} header`));
    next();
  };
}

function csrfError(why: string): AppError {
  return new AppError('csrf', `Request refused (CSRF protection: ${why})`, 403);
}

/** Refuses callers without the permission (401 when not logged in at all). */
export function requirePermission(permission: Permission) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const p = res.locals.principal as Principal | undefined;
    if (!p) return next(unauthorized());
    if (!p.permissions.includes(permission)) return next(forbidden(`Requires permission ${permission}`));
    next();
  };
}
