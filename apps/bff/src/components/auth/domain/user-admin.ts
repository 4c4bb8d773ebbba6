import { randomUUID } from 'node:crypto';
import type { AdminUser, CreateUser, UpdateUser } from '@c2/api-client/schemas/admin';
import type { Db } from '../../../platform/db';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { hashPassword } from './password';
import {
  clearMfa,
  findUserById,
  insertUser,
  listUsers,
  unlockUser,
  updateUserFields,
  type UserRow,
} from '../data/user-store';
import { deleteAllUserSessions } from '../data/session-store';
import type { Role } from '@c2/api-client/schemas/role';

/**
 * What administrators do to accounts. Anything that changes what a user may see (role, areas, disabled) or how
 * they prove who they are (MFA reset) ends their sessions at once: the next request is a fresh login under the
 * new rules.
 */
export function createUserAdmin(deps: {
  db: Db;
  mfaRequired: (role: Role) => boolean;
  knownArea: (areaId: string) => boolean;
  /** Closes the live sockets of ended sessions. */
  onSessionsEnded: (sessionKeys: string[]) => void;
}) {
  const { db } = deps;

  function present(row: UserRow & { active_sessions?: number }): AdminUser {
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      areas: row.areas,
      disabled: row.disabled,
      mfaEnrolled: row.mfa_secret !== null,
      mfaRequired: deps.mfaRequired(row.role),
      lockedUntil:
        row.locked_until && new Date(row.locked_until) > new Date()
          ? new Date(row.locked_until).toISOString()
          : null,
      lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
      activeSessions: row.active_sessions ?? 0,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  function checkAreas(areas: string[] | null | undefined): void {
    const unknown = (areas ?? []).filter((a) => !deps.knownArea(a));
    if (unknown.length > 0)
      throw badRequest(`Unknown area ${unknown[0]}`, { areas: `unknown area ${unknown[0]}` });
  }

  async function one(id: string): Promise<AdminUser> {
    const row = (await listUsers(db)).find((u) => u.id === id);
    if (!row) throw notFound('User');
    return present(row);
  }

  async function endSessions(userId: string): Promise<number> {
    const keys = await deleteAllUserSessions(db, userId);
    deps.onSessionsEnded(keys);
    return keys.length;
  }

  return {
    list: async () => (await listUsers(db)).map(present),
    get: one,

    async create(input: CreateUser): Promise<AdminUser> {
      checkAreas(input.areas);
      const id = randomUUID();
      const ok = await insertUser(db, { id, ...input, passwordHash: await hashPassword(input.password) });
      if (!ok) throw conflict(`Username ${input.username} is taken`);
      return one(id);
    },

    /** Applies the change; returns the user and whether its sessions were ended. */
    async update(
      actorId: string,
      id: string,
      change: UpdateUser,
    ): Promise<{ user: AdminUser; ended: number }> {
      const before = await findUserById(db, id);
      if (!before) throw notFound('User');
      // An administrator cannot lock themselves out (and leave the center without one) by accident.
      if (id === actorId && (change.disabled === true || (change.role && change.role !== before.role)))
        throw conflict('You cannot disable your own account or change your own role');
      checkAreas(change.areas);
      await updateUserFields(db, id, change);
      const scopeChanged =
        (change.role !== undefined && change.role !== before.role) ||
        change.areas !== undefined ||
        change.disabled === true;
      const ended = scopeChanged ? await endSessions(id) : 0;
      return { user: await one(id), ended };
    },

    async resetMfa(id: string): Promise<{ user: AdminUser; ended: number }> {
      if (!(await findUserById(db, id))) throw notFound('User');
      await clearMfa(db, id);
      const ended = await endSessions(id);
      return { user: await one(id), ended };
    },

    async unlock(id: string): Promise<AdminUser> {
      if (!(await findUserById(db, id))) throw notFound('User');
      await unlockUser(db, id);
      return one(id);
    },

    async forceLogout(id: string): Promise<{ user: AdminUser; ended: number }> {
      if (!(await findUserById(db, id))) throw notFound('User');
      const ended = await endSessions(id);
      return { user: await one(id), ended };
    },
  };
}
export type UserAdmin = ReturnType<typeof createUserAdmin>;
