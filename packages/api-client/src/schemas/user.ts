import { z } from 'zod';
import { roleSchema, permissionSchema } from './role';

/** A console user. `areas` null means province-wide jurisdiction; otherwise the ward/commune ids the user may see. */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  areas: z.array(z.string()).nullable(),
  locale: z.enum(['vi', 'en']),
});
export type User = z.infer<typeof userSchema>;

/** Login request body. Lengths are bounded so a hostile body costs nothing to reject. */
export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** What `/api/auth/me` and a successful login answer: who you are, what you may do, and the CSRF token to echo. */
export const sessionInfoSchema = z.object({
  user: userSchema,
  permissions: z.array(permissionSchema),
  csrfToken: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
