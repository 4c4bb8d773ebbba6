import type { CaseDetail } from '@c2/api-client/schemas/investigate';
import { recordedClipUrl } from '@c2/api-client/schemas/investigate';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import type { Signer } from '../../../platform/signing/signer';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { Principal } from '../../auth/domain/auth-service';
import { signatureOf, type ViolationRow } from '../../violations/data/violation-store';
import { scopeOf, type ViolationReviewService } from '../../violations/domain/violation-review';
import { signedReviewBody, signedViolationBody } from '../../violations/domain/violation-presenter';
import { selectEventsByIds } from '../data/event-record-store';
import { createPackageBuilder, type PackageBuilder } from './evidence-package';
import type { EventSigning } from './event-signing';
import { signedEventBody } from './event-signing';
import type { EvidenceVault } from './evidence-vault';
import { PURPOSE } from './record-purposes';

const ISSUER = 'Trung tâm chỉ huy giao thông – Phòng CSGT, Công an tỉnh Bắc Ninh';

export interface ExportedPackage {
  filename: string;
  bytes: Buffer;
  files: number;
}

/**
 * Evidence packages of a violation or a case file: the signed records, the evidence files, a signed manifest and
 * the public keys, for a prosecutor or a court to verify offline. Every export is audited with the package's
 * manifest digest, so the audit trail says exactly what left the center.
 */
export function createEvidenceExports(deps: {
  db: Db;
  signer: Signer;
  vault: EvidenceVault;
  violations: ViolationReviewService;
  eventSigning: EventSigning;
  audit: AuditTrail;
}) {
  const { db, signer, vault } = deps;

  async function addEvents(b: PackageBuilder, p: Principal, ids: readonly string[]): Promise<void> {
    const events = await selectEventsByIds(db, ids, scopeOf(p));
    const sigs = await deps.eventSigning.signatures(db, ids);
    for (const e of events)
      b.addRecord(`records/events/${e.id}.json`, {
        purpose: PURPOSE.event,
        body: signedEventBody(e),
        signature: sigs.get(e.id) ?? null,
      });
  }

  async function addViolation(b: PackageBuilder, row: ViolationRow): Promise<void> {
    const dir = `records/violations/${row.id}`;
    b.addRecord(`${dir}/violation.json`, {
      purpose: PURPOSE.violation,
      body: signedViolationBody(row),
      signature: signatureOf(row),
    });
    const reviews = await deps.violations.reviewsOf(row.id);
    for (const [i, r] of reviews.entries())
      b.addRecord(`${dir}/review-${String(i + 1).padStart(2, '0')}-${r.action}.json`, {
        purpose: PURPOSE.review,
        body: signedReviewBody(r),
        signature: signatureOf(r),
      });
    await vault.sealAll(row);
    for (const e of row.record.evidence) {
      const file = await vault.file(row, e.name);
      if (file) b.add(`evidence/${row.id}/${e.name}`, file.bytes);
    }
  }

  async function audited(
    p: Principal,
    ip: string | null,
    target: string,
    kind: 'violation' | 'case',
    pkg: Buffer,
    files: number,
  ): Promise<void> {
    await deps.audit.record({
      actorId: p.user.id,
      actorName: p.user.username,
      action: 'evidence.export',
      target,
      ip,
      detail: { kind, files, bytes: pkg.length, keyId: signer.keyId },
    });
  }

  const createdBy = (p: Principal) => ({
    id: p.user.id,
    username: p.user.username,
    name: p.user.displayName,
    role: p.user.role,
  });

  return {
    async violation(p: Principal, id: string, ip: string | null): Promise<ExportedPackage> {
      const row = await deps.violations.row(p, id);
      if (!row) throw notFound('Violation');
      const b = createPackageBuilder(signer);
      await addViolation(b, row);
      if (row.event_id) await addEvents(b, p, [row.event_id]);
      b.addJson('summary.json', {
        violation: row.id,
        type: row.type,
        plate: row.plate,
        plateDetected: row.plate_detected,
        camera: { id: row.camera_id, name: row.camera_name },
        ts: new Date(row.ts).toISOString(),
        speedKmh: row.speed_kmh,
        limitKmh: row.limit_kmh,
        status: row.status,
      });
      const createdAt = new Date().toISOString();
      const bytes = await b.finish({
        subject: { kind: 'violation', id: row.id, title: `${row.type} ${row.plate}` },
        issuer: ISSUER,
        createdAt,
        createdBy: createdBy(p),
      });
      await audited(p, ip, id, 'violation', bytes, row.record.evidence.length);
      return { filename: `chung-cu-${row.id}.zip`, bytes, files: row.record.evidence.length };
    },

    /** A case file's package: its items the caller may see (events, violations with evidence, clip references). */
    async case(p: Principal, detail: CaseDetail, ip: string | null): Promise<ExportedPackage> {
      const b = createPackageBuilder(signer);
      const eventIds = detail.items.filter((i) => i.kind === 'event' && i.refId).map((i) => i.refId!);
      const violationIds = detail.items.filter((i) => i.kind === 'violation' && i.refId).map((i) => i.refId!);
      let files = 0;
      const linkedEvents: string[] = [];
      for (const id of violationIds) {
        const row = await deps.violations.row(p, id);
        if (!row) continue;
        await addViolation(b, row);
        files += row.record.evidence.length;
        if (row.event_id) linkedEvents.push(row.event_id);
      }
      await addEvents(b, p, [...new Set([...eventIds, ...linkedEvents])]);
      b.addJson('case.json', {
        ...detail,
        items: detail.items.map((i) =>
          i.kind === 'clip' && i.until
            ? { ...i, recordedClip: recordedClipUrl(i.cameraId, i.ts, i.until) }
            : i,
        ),
      });
      const createdAt = new Date().toISOString();
      const bytes = await b.finish({
        subject: { kind: 'case', id: detail.id, title: `${detail.code} ${detail.title}` },
        issuer: ISSUER,
        createdAt,
        createdBy: createdBy(p),
      });
      await audited(p, ip, detail.id, 'case', bytes, files);
      return { filename: `ho-so-${detail.code}.zip`, bytes, files };
    },
  };
}
export type EvidenceExports = ReturnType<typeof createEvidenceExports>;
