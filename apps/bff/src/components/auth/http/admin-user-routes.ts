import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { createUserSchema, updateUserSchema } from '@c2/api-client/schemas/admin';
import { handle, parseInput } from '../../../platform/http';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { UserAdmin } from '../domain/user-admin';
import { principalOf, requirePermission } from './auth-guards';

const idParam = z.object({ id: z.string().min(1).max(64) });

/** Accounts, roles, areas, MFA resets, unlocks and forced logouts (user:manage), each one audited. */
export function createAdminUserRoutes(deps: { users: UserAdmin; audit: AuditTrail }): Router {
  const router = Router();
  const { users, audit } = deps;
  router.use(requirePermission('user:manage'));

  async function record(
    req: Request,
    res: Response,
    action: string,
    target: string,
    detail: Record<string, unknown>,
  ) {
    const p = principalOf(res);
    await audit.record({
      actorId: p.user.id,
      actorName: p.user.username,
      action,
      target,
      ip: req.ip ?? null,
      detail,
    });
  }

  router.get(
    '/',
    handle(async (_req, res) => {
      res.json(await users.list());
    }),
  );

  router.post(
    '/',
    handle(async (req, res) => {
      const input = parseInput(createUserSchema, req.body, 'user');
      const user = await users.create(input);
      // Never the password, not even hashed.
      await record(req, res, 'user.created', `user:${user.id}`, {
        username: user.username,
        role: user.role,
        areas: user.areas,
      });
      res.status(201).json(user);
    }),
  );

  router.patch(
    '/:id',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'user id');
      const change = parseInput(updateUserSchema, req.body, 'change');
      const { user, ended } = await users.update(principalOf(res).user.id, id, change);
      await record(req, res, 'user.updated', `user:${id}`, { change, sessionsEnded: ended });
      res.json(user);
    }),
  );

  router.post(
    '/:id/mfa/reset',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'user id');
      const { user, ended } = await users.resetMfa(id);
      await record(req, res, 'user.mfa_reset', `user:${id}`, { sessionsEnded: ended });
      res.json(user);
    }),
  );

  router.post(
    '/:id/unlock',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'user id');
      const user = await users.unlock(id);
      await record(req, res, 'user.unlocked', `user:${id}`, {});
      res.json(user);
    }),
  );

  router.post(
    '/:id/logout',
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, 'user id');
      const { user, ended } = await users.forceLogout(id);
      await record(req, res, 'user.sessions_ended', `user:${id}`, { sessionsEnded: ended });
      res.json(user);
    }),
  );
  return router;
}
