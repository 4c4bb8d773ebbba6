import type { Queryable } from '../../../platform/db';
import type { User } from '@c2/api-client/schemas/user';
import type { Role } from '@c2/api-client/schemas/role';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  areas: string[] | null;
  locale: 'vi' | 'en';
  password_hash: string;
  disabled: boolean;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    areas: row.areas,
    locale: row.locale,
  };
}

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>('SELECT * FROM users WHERE lower(username) = lower($1)', [username]);
  return rows[0] ?? null;
}

export async function countUsers(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n ?? 0;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  areas: string[] | null;
  passwordHash: string;
}

export async function insertUser(q: Queryable, u: NewUser): Promise<void> {
  await q.query(
    `INSERT INTO users (id, username, display_name, role, areas, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (username) DO NOTHING`,
    [u.id, u.username, u.displayName, u.role, u.areas, u.passwordHash],
  );
}
