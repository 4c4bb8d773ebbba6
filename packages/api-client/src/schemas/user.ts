import { z } from 'zod';
import { roleSchema, permissionSchema } from './role';

/** A 6-digit TOTP code or a recovery code (`xxxxx-xxxxx`); spaces and dashes typed by people are tolerated. */
export const mfaCodeSchema = z
  .string()
  .trim()
  .min(6)
  .max(24)
  .regex(/^[A-Za-z0-9 -]+$/, 'digits or a recovery code');

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
  /**
   * A TOTP code or a recovery code, for callers that have it at hand (API clients, tests). The console leaves it
   * out and answers the `mfa` step the login returns.
   */
  code: mfaCodeSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** What `/api/auth/me` and a successful login answer: who you are, what you may do, and the CSRF token to echo. */
export const sessionInfoSchema = z.object({
  user: userSchema,
  permissions: z.array(permissionSchema),
  csrfToken: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  /** The session's idle limit: it ends when no request arrives for this long. */
  idleMinutes: z.number().int().positive().optional(),
  /** Whether the account has TOTP enrolled, and whether its role requires it. */
  mfa: z.object({ enrolled: z.boolean(), required: z.boolean() }).optional(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
