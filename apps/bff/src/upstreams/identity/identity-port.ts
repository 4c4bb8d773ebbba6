import type { IdentityField, IdentitySubject, LookupPurpose } from '@c2/api-client/schemas/identity';
import type { Upstream } from '../upstream-health';

/**
 * The resident/vehicle registry, reachable only through a secure API: every call states the calling unit, the
 * purpose and the fields wanted, and the registry answers only those fields. The BFF never asks for a field the
 * caller's role may not see.
 */
export interface IdentityRequest {
  subject: IdentitySubject;
  callerUnitId: string;
  /** Who in the unit asks (the registry keeps its own log too). */
  callerUser: string;
  purpose: { code: LookupPurpose; detail: string };
  fields: readonly IdentityField[];
}

/** The fields found (only those asked for); null when the registry has no such vehicle or resident. */
export type IdentityRecord = Partial<Record<IdentityField, string>>;

export interface IdentityPort extends Upstream {
  lookup(request: IdentityRequest): Promise<IdentityRecord | null>;
}
