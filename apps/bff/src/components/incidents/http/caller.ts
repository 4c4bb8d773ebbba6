import type { Request, Response } from 'express';
import { principalOf } from '../../auth/http/auth-guards';
import { audienceOf, type Audience } from '../../live/domain/audience';
import type { Caller } from '../domain/incident-work';

/** The request's caller as the incident domain knows it, and what the caller may see. */
export function callerOf(
  req: Request,
  res: Response,
): { caller: Caller; audience: Audience; userId: string } {
  const p = principalOf(res);
  return {
    caller: { actor: { id: p.user.id, name: p.user.displayName }, ip: req.ip ?? null },
    audience: audienceOf(p.permissions, p.user.areas),
    userId: p.user.id,
  };
}
