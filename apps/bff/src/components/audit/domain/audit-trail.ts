import type { AuditEntry, AuditVerification } from '@c2/api-client/schemas/audit';
import type { Db, Queryable } from '../../../platform/db';
import {
  insertChained,
  lockChainHead,
  nextAuditId,
  readChainHead,
  selectAudit,
  selectChainPage,
  type AuditFilter,
  type AuditRecord,
  type AuditRow,
} from '../data/audit-store';
import { entryHash, GENESIS_HASH, normaliseDetail, type ChainedContent } from './audit-chain';

export type { AuditRecord };

/** PostgreSQL text and jsonb refuse NUL; anything else a caller passes is kept as it is. */
function clean(text: string | null): string | null {
  return text === null ? null : text.replaceAll(String.fromCharCode(0), '\uFFFD');
}

function contentOf(row: AuditRow): ChainedContent {
  return {
    id: Number(row.id),
    ts: new Date(row.ts).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    ip: row.ip,
    detail: row.detail,
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return { ...contentOf(row), hash: row.hash };
}

const VERIFY_BATCH = 2000;

/**
 * The audit trail (nhật ký hệ thống): who did what, to what, when, from where. Every mutation and every sensitive
 * read records here. Entries are hash-chained in the order they commit; the verifier recomputes the chain and
 * names the first entry that no longer fits.
 */
export function createAuditTrail(db: Db) {
  async function append(q: Queryable, entry: AuditRecord): Promise<void> {
    const head = await lockChainHead(q);
    const id = await nextAuditId(q);
    const content: ChainedContent = {
      id,
      ts: new Date().toISOString(),
      actorId: clean(entry.actorId),
      actorName: clean(entry.actorName),
      action: entry.action,
      target: clean(entry.target),
      ip: clean(entry.ip),
      detail: normaliseDetail(entry.detail),
    };
    const hash = entryHash(head.last_hash, content);
    await insertChained(q, { ...content, ts: new Date(content.ts), prevHash: head.last_hash, hash });
  }

  return {
    /**
     * Appends one entry. Pass your transaction as `q` so the entry commits (or not) with the change it records;
     * the chain head stays locked until that transaction ends, so keep the audit call near its end.
     */
    record(entry: AuditRecord, q: Queryable = db): Promise<void> {
      return q === db ? db.tx((tx) => append(tx, entry)) : append(q, entry);
    },

    async list(filter: AuditFilter): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
      const rows = await selectAudit(db, { ...filter, limit: filter.limit + 1 });
      const page = rows.slice(0, filter.limit);
      const more = rows.length > filter.limit;
      return { entries: page.map(toAuditEntry), nextBefore: more ? Number(page.at(-1)!.id) : null };
    },

    /** Every entry matching the filter, oldest first page by page (for the CSV export). */
    async *scan(filter: Omit<AuditFilter, 'limit' | 'before'>, max: number): AsyncGenerator<AuditEntry> {
      let before: number | undefined;
      let sent = 0;
      while (sent < max) {
        const { entries, nextBefore } = await this.list({
          ...filter,
          before,
          limit: Math.min(500, max - sent),
        });
        for (const e of entries) yield e;
        sent += entries.length;
        if (nextBefore === null) return;
        before = nextBefore;
      }
    },

    /** Recomputes the whole chain from the first entry and compares it with the chain head. */
    async verify(): Promise<AuditVerification> {
      let prev = GENESIS_HASH;
      let lastId: number | null = null;
      let checked = 0;
      let legacy = 0;
      let after = 0;
      const broken = (
        id: number | null,
        reason: 'content' | 'link' | 'unchained' | 'tail',
        message: string,
      ) => ({
        ok: false,
        checked,
        legacy,
        headId: lastId,
        headHash: checked > 0 ? prev : null,
        firstBroken: { id, reason, message },
        verifiedAt: new Date().toISOString(),
      });
      for (;;) {
        const rows = await selectChainPage(db, after, VERIFY_BATCH);
        for (const row of rows) {
          const id = Number(row.id);
          if (row.hash === null) {
            // Entries from before the chain existed may only precede it.
            if (checked > 0)
              return broken(
                id,
                'unchained',
                `Entry #${id} carries no hash inside the chain (after #${lastId}).`,
              );
            legacy++;
            continue;
          }
          if (row.prev_hash !== prev)
            return broken(
              id,
              'link',
              lastId === null
                ? `Entry #${id} does not link to the start of the chain.`
                : `Entry #${id} does not link to entry #${lastId}: an entry was removed, inserted or rewritten there.`,
            );
          if (entryHash(prev, contentOf(row)) !== row.hash)
            return broken(
              id,
              'content',
              `Entry #${id} was changed after it was written: its content no longer matches its hash.`,
            );
          prev = row.hash;
          lastId = id;
          checked++;
        }
        if (rows.length < VERIFY_BATCH) break;
        after = Number(rows.at(-1)!.id);
      }
      const head = await readChainHead(db);
      if (
        (head.last_id === null ? null : Number(head.last_id)) !== lastId ||
        head.last_hash !== prev ||
        Number(head.entries) !== checked
      )
        return broken(
          head.last_id === null ? null : Number(head.last_id),
          'tail',
          `The chain ends at #${lastId ?? '—'} but its head records #${head.last_id ?? '—'} after ${head.entries} entries: entries at the end were removed.`,
        );
      return {
        ok: true,
        checked,
        legacy,
        headId: lastId,
        headHash: checked > 0 ? prev : null,
        firstBroken: null,
        verifiedAt: new Date().toISOString(),
      };
    },
  };
}
export type AuditTrail = ReturnType<typeof createAuditTrail>;
