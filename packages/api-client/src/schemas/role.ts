import { z } from 'zod';

/** The roles of the Level-2 center's staff and partners (see DOMAIN.md, "The users"). */
export const roleSchema = z.enum(['operator', 'dispatcher', 'investigator', 'leader', 'admin', 'auditor']);
export type Role = z.infer<typeof roleSchema>;
export const ROLES = roleSchema.options;

/** Every permission the BFF checks. The console only hides what these forbid; the BFF enforces. */
export const permissionSchema = z.enum([
  'camera:view',
  'camera:view-restricted',
  'camera:view-secret',
  'stream:open',
  'event:view',
  'alert:view',
  'alert:handle',
  'alert:configure',
  'incident:view',
  'incident:manage',
  'unit:view',
  'unit:dispatch',
  'violation:view',
  'violation:review',
  /** The checker of maker–checker: confirms (or returns) another person's verification. */
  'violation:approve',
  'evidence:export',
  'identity:lookup',
  /** Sees personal data from the registry unmasked (names, id numbers, addresses, phones). */
  'identity:personal',
  'investigate:search',
  'dashboard:operational',
  'dashboard:analytical',
  'dashboard:strategic',
  'dashboard:investigative',
  'device:view',
  'device:manage',
  'audit:view',
  'user:manage',
  'system:configure',
]);
export type Permission = z.infer<typeof permissionSchema>;
