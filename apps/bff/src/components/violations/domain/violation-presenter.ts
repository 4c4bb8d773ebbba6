import type { SignatureCheck } from '@c2/api-client/schemas/signature';
import type { Violation, ViolationReview } from '@c2/api-client/schemas/violation';
import type { EvidenceVault } from '../../evidence/domain/evidence-vault';
import type { ReviewRow, SealRow, ViolationRow } from '../data/violation-store';

const iso = (d: Date | string) => new Date(d).toISOString();

/** What a violation's signature covers: the service's record as received, from which source, and when. */
export function signedViolationBody(row: Pick<ViolationRow, 'source' | 'received_at' | 'record'>) {
  return { source: row.source, receivedAt: iso(row.received_at), record: row.record };
}

/** What a review decision's signature covers. */
export function signedReviewBody(r: ReviewRow) {
  return {
    violationId: r.violation_id,
    action: r.action,
    reasonCode: r.reason_code,
    note: r.note,
    plateBefore: r.plate_before,
    plateAfter: r.plate_after,
    actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
    at: iso(r.at),
    evidence: r.evidence,
    statusAfter: r.status_after,
    recordDigest: r.record_digest,
  };
}

export function toViolation(
  row: ViolationRow,
  last: ReviewRow | undefined,
  seals: ReadonlyMap<string, SealRow> | undefined,
  signature: SignatureCheck,
  vault: EvidenceVault,
): Violation {
  return {
    id: row.id,
    eventId: row.event_id,
    cameraId: row.camera_id,
    cameraName: row.camera_name ?? row.camera_id,
    areaId: row.area_id,
    type: row.type,
    plate: row.plate,
    plateDetected: row.plate_detected,
    plateConfidence: row.plate_confidence,
    ts: iso(row.ts),
    receivedAt: iso(row.received_at),
    speedKmh: row.speed_kmh,
    limitKmh: row.limit_kmh,
    evidence: vault.items(row, seals),
    status: row.status,
    lastDecision: last
      ? {
          action: last.action,
          actorId: last.actor_id,
          actorName: last.actor_name,
          at: iso(last.at),
          reasonCode: last.reason_code,
        }
      : null,
    signature,
  };
}

export function toReview(r: ReviewRow, signature: SignatureCheck): ViolationReview {
  return {
    id: String(r.id),
    violationId: r.violation_id,
    action: r.action,
    reasonCode: r.reason_code,
    note: r.note,
    plateBefore: r.plate_before,
    plateAfter: r.plate_after,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    at: iso(r.at),
    evidence: r.evidence,
    signature,
    sync: { state: r.sync_state, attempts: r.sync_attempts, error: r.sync_error },
  };
}
