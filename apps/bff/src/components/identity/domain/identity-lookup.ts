import {
  PERSONAL_FIELDS,
  RESIDENT_FIELDS,
  VEHICLE_FIELDS,
  type IdentityAccess,
  type IdentityField,
  type IdentityLookupRequest,
  type IdentityLookupResult,
} from '@c2/api-client/schemas/identity';
import { IDENTITY_FIELDS_BY_ROLE } from '@c2/api-client/permissions';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import { forbidden, unavailable } from '../../../platform/errors';
import type { IdentityPort } from '../../../upstreams/identity/identity-port';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { Principal } from '../../auth/domain/auth-service';
import { insertAccess, selectAccessLog } from '../data/identity-access-store';
import { maskValue } from './masking';

/**
 * Lookups in the resident/vehicle registry, as the law on the national population database asks: a stated
 * purpose, the accessing unit's identifier, only the fields the role may see (others are never requested), masking
 * of personal data for roles without `identity:personal`, and one log row per access (also failed ones), which
 * auditors read. The request is validated before this runs: no purpose, no lookup.
 */
export function createIdentityLookup(deps: {
  db: Db;
  port: IdentityPort;
  audit: AuditTrail;
  unitId: string;
  logger: Logger;
}) {
  const { db, port, audit } = deps;

  return {
    async lookup(p: Principal, req: IdentityLookupRequest, ip: string | null): Promise<IdentityLookupResult> {
      const kindFields: readonly IdentityField[] =
        req.subject.kind === 'vehicle' ? VEHICLE_FIELDS : RESIDENT_FIELDS;
      const requested = (req.fields ?? kindFields).filter((f) => kindFields.includes(f));
      const roleFields = IDENTITY_FIELDS_BY_ROLE[p.user.role];
      const allowed = requested.filter((f) => roleFields.includes(f));
      const withheld = requested.filter((f) => !roleFields.includes(f));
      if (allowed.length === 0) throw forbidden('Your role may see none of the requested registry fields');
      const subject = req.subject.kind === 'vehicle' ? req.subject.plate : req.subject.idNumber;
      const reference = req.reference ? `${req.reference.kind}:${req.reference.id}` : null;

      let record: Awaited<ReturnType<IdentityPort['lookup']>> = null;
      let outcome: IdentityAccess['outcome'];
      try {
        record = await port.lookup({
          subject: req.subject,
          callerUnitId: deps.unitId,
          callerUser: p.user.username,
          purpose: req.purpose,
          fields: allowed,
        });
        outcome = record ? 'found' : 'not_found';
      } catch (err) {
        deps.logger.warn({ err: (err as Error).message }, 'registry lookup failed');
        outcome = 'error';
      }
      // Logged whatever happened: an attempt that failed is still an access attempt.
      const logged = await db.tx(async (q) => {
        const entry = await insertAccess(q, {
          userId: p.user.id,
          username: p.user.username,
          role: p.user.role,
          unitId: deps.unitId,
          purposeCode: req.purpose.code,
          purposeDetail: req.purpose.detail,
          subjectKind: req.subject.kind,
          subject,
          fields: allowed,
          outcome,
          reference,
        });
        await audit.record(
          {
            actorId: p.user.id,
            actorName: p.user.username,
            action: 'identity.lookup',
            target: `${req.subject.kind}:${subject}`,
            ip,
            detail: { accessId: entry.id, purpose: req.purpose.code, fields: allowed, outcome, reference },
          },
          q,
        );
        return entry;
      });
      if (outcome === 'error') throw unavailable('The registry did not answer');
      const personal = p.permissions.includes('identity:personal');
      return {
        accessId: logged.id,
        found: record !== null,
        fields: allowed
          .filter((f) => record?.[f] !== undefined)
          .map((f) => {
            const masked = !personal && PERSONAL_FIELDS.has(f);
            return { field: f, value: masked ? maskValue(f, record![f]!) : record![f]!, masked };
          }),
        withheld,
      };
    },

    /** The access log; reading it is itself a sensitive read, so it is audited too. */
    async accessLog(p: Principal, userId: string | null, limit: number, ip: string | null) {
      await audit.record({
        actorId: p.user.id,
        actorName: p.user.username,
        action: 'identity.access-log.view',
        target: userId,
        ip,
        detail: { limit },
      });
      return selectAccessLog(db, userId, limit);
    },
  };
}
export type IdentityLookup = ReturnType<typeof createIdentityLookup>;
