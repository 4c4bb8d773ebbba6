import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../../platform/logger';
import type { Principal } from '../../auth/domain/auth-service';
import type { AuditTrail } from '../domain/audit-trail';

/**
 * Records every API request a logged-in user was refused: 403 (no permission, CSRF) and 404 (which is also what
 * another jurisdiction's or a higher classification's id answers, so an IDOR attempt looks exactly like this).
 * Anonymous 401s are not recorded here; failed sign-ins are, by the login routes.
 */
export function auditRefusals(audit: AuditTrail, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.on('finish', () => {
      const p = res.locals.principal as Principal | undefined;
      if (!p || (res.statusCode !== 403 && res.statusCode !== 404)) return;
      audit
        .record({
          actorId: p.user.id,
          actorName: p.user.username,
          action: 'access.refused',
          target: `${req.method} ${req.originalUrl.split('?')[0]!.slice(0, 300)}`,
          ip: req.ip ?? null,
          detail: { status: res.statusCode },
        })
        .catch((err: unknown) => logger.error({ err }, 'audit write failed'));
    });
    next();
  };
}
