import { z } from 'zod';

/**
 * The roles of the Level-2 center's staff and partners (see DOMAIN.md, "The users"). `field` is a member of a field
 * unit (tổ công tác) whose account is linked to that unit: it sees and updates only its own assignment.
 */
export const roleSchema = z.enum([
  'operator',
  'dispatcher',
  'investigator',
  'leader',
  'admin',
  'auditor',
  'field',
]);
export type Role = z.infer<typeof roleSchema>;
export const ROLES = roleSchema.options;

/** Every permission the BFF checks. The console only hides what these forbid; the BFF enforces. */
export const permissionSchema = z.enum([
  'camera:view',
  'camera:view-restricted',
  'camera:view-secret',
  'stream:open',
  'wall:share',
  'event:view',
  'alert:view',
  'alert:handle',
  'alert:configure',
  'incident:view',
  'incident:manage',
  'unit:view',
  'unit:dispatch',
  /** A field unit's own assignment: accept, status, notes, photos (the /field page). */
  'field:respond',
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
  /** Create, expire and revoke the API keys partner centers (the city IOC) use to read public camera data. */
  'sharing:manage',
  'system:configure',
]);
export type Permission = z.infer<typeof permissionSchema>;
