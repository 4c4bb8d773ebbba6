import type { Permission, Role } from './schemas/role';
import type { IdentityField } from './schemas/identity';

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
    'identity:lookup',
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
    'violation:approve',
    'evidence:export',
    'identity:lookup',
    'identity:personal',
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
    'violation:approve',
    'evidence:export',
    'identity:lookup',
    'investigate:search',
    'dashboard:operational',
    'dashboard:analytical',
    'dashboard:strategic',
    'dashboard:investigative',
  ],
  admin: [
    'camera:view',
    'camera:view-restricted',
    'stream:open',
    'wall:share',
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
  'violation.changed': 'violation:view',
} as const satisfies Record<string, Permission>;

/**
 * Which registry fields each role may receive at all (field-level limitation by role); a field outside the list
 * is withheld and never requested from the registry. Personal fields inside the list are masked for roles
 * without `identity:personal`.
 */
export const IDENTITY_FIELDS_BY_ROLE: Readonly<Record<Role, readonly IdentityField[]>> = {
  field: [],
  operator: [],
  dispatcher: ['vehicleType', 'brand', 'color', 'registrationStatus'],
  investigator: [
    'vehicleType',
    'brand',
    'color',
    'registeredAt',
    'registrationStatus',
    'ownerName',
    'ownerIdNumber',
    'ownerAddress',
    'ownerPhone',
    'fullName',
    'dateOfBirth',
    'gender',
    'idNumber',
    'permanentAddress',
    'currentAddress',
    'phone',
  ],
  leader: [
    'vehicleType',
    'brand',
    'color',
    'registeredAt',
    'registrationStatus',
    'ownerName',
    'ownerAddress',
  ],
  admin: [],
  auditor: [],
};
