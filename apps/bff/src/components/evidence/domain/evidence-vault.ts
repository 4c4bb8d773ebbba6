import { createHash } from 'node:crypto';
import type { EvidenceItem } from '@c2/api-client/schemas/violation';
import type { Db } from '../../../platform/db';
import type { ViolationsPort } from '../../../upstreams/violations/violations-port';
import {
  insertSeal,
  selectSeals,
  type SealRow,
  type ViolationRow,
} from '../../violations/data/violation-store';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface EvidenceBytes {
  bytes: Buffer;
  contentType: string;
  /** The hash sealed when the center first received the file. */
  sealed: SealRow;
  /** Whether the bytes still hash to the sealed value. */
  intact: boolean;
}

/**
 * The evidence files of violations. Files stay with the violation service; the center fetches them on demand and
 * seals each file's SHA-256 the first time it receives it. Every later fetch is compared with the seal, so a
 * file changed at the source (or on the way) is reported, never silently shown as the original.
 */
export function createEvidenceVault(deps: { db: Db; violations: ViolationsPort }) {
  const { db } = deps;
  const sealing = new Map<string, Promise<Map<string, SealRow>>>();

  async function fetchAndSeal(row: ViolationRow, name: string): Promise<EvidenceBytes | null> {
    const spec = row.record.evidence.find((e) => e.name === name);
    if (!spec) return null;
    const file = await deps.violations.evidence(row.record, name);
    if (!file) return null;
    const hash = sha256(file.bytes);
    await insertSeal(db, row.id, {
      name,
      sha256: hash,
      bytes: file.bytes.length,
      contentType: spec.contentType,
    });
    const sealed = (await selectSeals(db, row.id)).get(name)!;
    return { bytes: file.bytes, contentType: spec.contentType, sealed, intact: sealed.sha256 === hash };
  }

  return {
    file: fetchAndSeal,

    /**
     * Makes sure every file of the violation has been received and sealed; returns the seals. Concurrent calls for
     * one violation share the work (the first open of a violation may render or download several files).
     */
    sealAll(row: ViolationRow): Promise<Map<string, SealRow>> {
      const running = sealing.get(row.id);
      if (running) return running;
      const work = (async () => {
        const seals = await selectSeals(db, row.id);
        for (const e of row.record.evidence) {
          if (!seals.has(e.name)) await fetchAndSeal(row, e.name);
        }
        return selectSeals(db, row.id);
      })().finally(() => sealing.delete(row.id));
      sealing.set(row.id, work);
      return work;
    },

    /** The contract's evidence items of a row, with seals where known. */
    items(row: ViolationRow, seals: ReadonlyMap<string, SealRow> | undefined): EvidenceItem[] {
      return row.record.evidence.map((e) => {
        const seal = seals?.get(e.name);
        return {
          name: e.name,
          kind: e.kind,
          contentType: e.contentType,
          url: `/api/violations/${encodeURIComponent(row.id)}/evidence/${encodeURIComponent(e.name)}`,
          sha256: seal?.sha256 ?? null,
          bytes: seal?.bytes ?? null,
        };
      });
    },
  };
}
export type EvidenceVault = ReturnType<typeof createEvidenceVault>;
