import type { Permission, Role } from './schemas/role';

/**
 * The permission matrix: what each role may do. The BFF enforces it on every route and socket subscription; the
 * console reads it only to hide what the user could not do anyway.
 */
export const PERMISSION_MATRIX: Readonly<Record<Role, readonly Permission[]>> = {
  operator: [
    'camera:view',
    'camera:view-restricted',
    'stream:open',
    'event:view',
    'alert:view',
    'alert:handle',
    'incident:view',
    'unit:view',
    'violation:view',
    'dashboard:operational',
    'device:view',
  ],
  dispatcher: [
    'camera:view',
    'camera:view-restricted',
    'stream:open',
    'event:view',
    'alert:view',
    'alert:handle',
    'incident:view',
    'incident:manage',
    'unit:view',
    'unit:dispatch',
    'dashboard:operational',
  ],
  investigator: [
    'camera:view',
    'camera:view-restricted',
    'camera:view-secret',
    'stream:open',
    'event:view',
    'alert:view',
    'incident:view',
    'unit:view',
    'violation:view',
    'violation:review',
    'evidence:export',
    'identity:lookup',
    'investigate:search',
    'dashboard:investigative',
  ],
  leader: [
    'camera:view',
    'camera:view-restricted',
    'camera:view-secret',
    'stream:open',
    'event:view',
    'alert:view',
    'incident:view',
    'unit:view',
    'violation:view',
    'dashboard:operational',
    'dashboard:analytical',
    'dashboard:strategic',
    'dashboard:investigative',
  ],
  admin: [
    'camera:view',
    'camera:view-restricted',
    'stream:open',
    'event:view',
    'alert:view',
    'alert:configure',
    'incident:view',
    'unit:view',
    'device:view',
    'device:manage',
    'user:manage',
    'sharing:manage',
    'system:configure',
    'dashboard:operational',
  ],
  auditor: ['audit:view', 'camera:view', 'event:view', 'alert:view', 'incident:view'],
  // A field unit's crew: its own assignment only, whatever area the incident is in (scoped by the unit link).
  field: ['field:respond'],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return PERMISSION_MATRIX[role];
}

export function can(role: Role, permission: Permission): boolean {
  return PERMISSION_MATRIX[role].includes(permission);
}

/** Which live topics a permission opens. A socket joins a topic's rooms only with the permission. */
export const TOPIC_PERMISSION = {
  'camera.status': 'camera:view',
  'event.new': 'event:view',
  'alert.changed': 'alert:view',
  'unit.changed': 'unit:view',
  'incident.changed': 'incident:view',
  'violation.new': 'violation:view',
  'device.health': 'device:view',
} as const satisfies Record<string, Permission>;
