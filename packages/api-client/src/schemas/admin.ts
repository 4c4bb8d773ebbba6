import { z } from 'zod';
import { areaId, isoTime } from './common';
import { roleSchema } from './role';

/** A user as an administrator manages it: account state, MFA, lockout and live sessions. */
export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  areas: z.array(z.string()).nullable(),
  disabled: z.boolean(),
  mfaEnrolled: z.boolean(),
  mfaRequired: z.boolean(),
  lockedUntil: isoTime.nullable(),
  lastLoginAt: isoTime.nullable(),
  activeSessions: z.number().int().nonnegative(),
  createdAt: isoTime,
});
export type AdminUser = z.infer<typeof adminUserSchema>;

/** People type names; control characters are refused, everything else is kept and rendered as text. */
const displayName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters');

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, and . _ - only'),
  displayName,
  role: roleSchema,
  /** null: province-wide; otherwise the wards/communes the user works in. */
  areas: z.array(areaId).min(1).max(200).nullable(),
  /** Initial password, handed over in person; at least 12 characters. */
  password: z.string().min(12, 'at least 12 characters').max(256),
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: displayName.optional(),
    role: roleSchema.optional(),
    areas: z.array(areaId).min(1).max(200).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type UpdateUser = z.infer<typeof updateUserSchema>;
