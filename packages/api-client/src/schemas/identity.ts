import { z } from 'zod';
import { isoTime } from './common';
import { roleSchema } from './role';
import { plateSchema } from './violation';

/** Why the registry is consulted. Personal data may be looked up only for a stated, lawful purpose. */
export const lookupPurposeSchema = z.enum([
  'violation_processing',
  'accident_investigation',
  'criminal_investigation',
  'stolen_vehicle',
  'incident_response',
  'other',
]);
export type LookupPurpose = z.infer<typeof lookupPurposeSchema>;

export const VEHICLE_FIELDS = [
  'vehicleType',
  'brand',
  'color',
  'registeredAt',
  'registrationStatus',
  'ownerName',
  'ownerIdNumber',
  'ownerAddress',
  'ownerPhone',
] as const;
export const RESIDENT_FIELDS = [
  'fullName',
  'dateOfBirth',
  'gender',
  'idNumber',
  'permanentAddress',
  'currentAddress',
  'phone',
] as const;
export const identityFieldSchema = z.enum([...VEHICLE_FIELDS, ...RESIDENT_FIELDS]);
export type IdentityField = z.infer<typeof identityFieldSchema>;

/** Fields that identify a person: masked for roles without `identity:personal`. */
export const PERSONAL_FIELDS: ReadonlySet<IdentityField> = new Set<IdentityField>([
  'ownerName',
  'ownerIdNumber',
  'ownerAddress',
  'ownerPhone',
  'fullName',
  'dateOfBirth',
  'idNumber',
  'permanentAddress',
  'currentAddress',
  'phone',
]);

export const identitySubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vehicle'), plate: plateSchema }),
  /** Citizen identity number (CCCD, 12 digits). */
  z.object({ kind: z.literal('resident'), idNumber: z.string().regex(/^\d{12}$/, 'a 12-digit CCCD number') }),
]);
export type IdentitySubject = z.infer<typeof identitySubjectSchema>;

/**
 * A lookup request. `purpose` is required: without it the BFF answers 400 and looks nothing up. `reference` ties
 * the lookup to the violation or case it serves, for the access log.
 */
export const identityLookupRequestSchema = z.object({
  subject: identitySubjectSchema,
  purpose: z.object({
    code: lookupPurposeSchema,
    detail: z.string().trim().min(10, 'say in a sentence why (at least 10 characters)').max(500),
  }),
  fields: z.array(identityFieldSchema).min(1).max(20).optional(),
  reference: z
    .object({ kind: z.enum(['violation', 'case', 'event']), id: z.string().min(1).max(128) })
    .optional(),
});
export type IdentityLookupRequest = z.infer<typeof identityLookupRequestSchema>;

export const identityLookupResultSchema = z.object({
  accessId: z.string(),
  found: z.boolean(),
  fields: z.array(z.object({ field: identityFieldSchema, value: z.string(), masked: z.boolean() })),
  /** Fields asked for that this role may not see (not requested from the registry). */
  withheld: z.array(identityFieldSchema),
});
export type IdentityLookupResult = z.infer<typeof identityLookupResultSchema>;

/** One registry access, as auditors see it. */
export const identityAccessSchema = z.object({
  id: z.string(),
  at: isoTime,
  userId: z.string(),
  username: z.string(),
  role: roleSchema,
  unitId: z.string(),
  purposeCode: lookupPurposeSchema,
  purposeDetail: z.string(),
  subjectKind: z.enum(['vehicle', 'resident']),
  subject: z.string(),
  fields: z.array(identityFieldSchema),
  outcome: z.enum(['found', 'not_found', 'error']),
  reference: z.string().nullable(),
});
export type IdentityAccess = z.infer<typeof identityAccessSchema>;

export const identityAccessQuerySchema = z.object({
  userId: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
