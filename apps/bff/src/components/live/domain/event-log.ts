import type { LogData, LogEntry, LogTopic, Replay } from '@c2/api-client/schemas/live';
import type { Db, Queryable } from '../../../platform/db';
import type { Metrics } from '../../../platform/metrics';
import type { Audience, Tier } from './audience';
import {
  insertLogRows,
  rowToEntry,
  selectHead,
  selectLogSince,
  selectFirstSeqSince,
  selectLogTail,
  type LogRow,
} from '../data/event-log-store';

/**
 * The coalescing key of a change about one record (an alert): a pending coalesced entry under this key is
 * superseded by a newer entry about the same record pushed at once (see the live gateway).
 */
export const recordKey = (topic: LogTopic, id: string): string => `${topic}:${id}`;

/** A change to append: what topic, whose jurisdiction, which clearance, and the contract-shaped data. */
export interface ChangeOf<T extends LogTopic> {
  topic: T;
  areaId: string | null;
  tier: Tier;
  data: LogData<T>;
  /**
   * Set on high-rate changes only: such entries reach consoles once per coalescing window (LIVE_BATCH_MS), the
   * newest per key (a camera's status, a busy alert's count). Without a key an entry is pushed at once.
   */
  coalesceKey?: string;
}
/** Any change: a union over topics, so each carries the data of its own topic. */
export type Change = { [T in LogTopic]: ChangeOf<T> }[LogTopic];

export interface Appended {
  entry: LogEntry;
  tier: Tier;
  coalesceKey: string | undefined;
}

type Listener = (items: Appended[]) => void;

/**
 * The durable event log: every state change a console shows is appended here (and so gets its sequence number)
 * before anyone is told. Listeners (the live gateway) are called after the write commits.
 */
export function createEventLog(db: Db, metrics: Metrics) {
  const listeners = new Set<Listener>();

  function toAppended(rows: LogRow[], changes: readonly Change[]): Appended[] {
    return rows.map((row, i) => ({
      entry: rowToEntry(row),
      tier: changes[i]!.tier,
      coalesceKey: changes[i]!.coalesceKey,
    }));
  }

  return {
    /** Appends inside a caller's transaction; call `publish` with the result after it commits. */
    async appendWithin(q: Queryable, changes: readonly Change[]): Promise<Appended[]> {
      const rows = await insertLogRows(q, changes);
      return toAppended(rows, changes);
    },

    publish(items: Appended[]): void {
      if (items.length === 0) return;
      for (const item of items) metrics.logAppended.inc({ topic: item.entry.topic });
      for (const listener of listeners) listener(items);
    },

    /** Appends in its own statement and publishes. */
    async append(changes: readonly Change[]): Promise<Appended[]> {
      const items = await this.appendWithin(db, changes);
      this.publish(items);
      return items;
    },

    onAppended(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** What a console that applied everything up to `afterSeq` missed, within what it may see. */
    async replay(afterSeq: number, audience: Audience, limit: number): Promise<Replay> {
      const head = await selectHead(db);
      if (audience.topics.length === 0) return { entries: [], head, complete: true };
      const rows = await selectLogSince(db, afterSeq, audience, limit);
      const complete = rows.length <= limit && afterSeq <= head;
      return { entries: rows.slice(0, limit).map(rowToEntry), head, complete };
    },

    /**
     * Entries after `afterSeq` for every audience, with their tier, for an instance to route itself (fan-out from
     * the database while Redis is away). Not coalesced: the coalescing key is not stored.
     */
    async tail(afterSeq: number, limit: number): Promise<Appended[]> {
      const rows = await selectLogTail(db, afterSeq, limit);
      return rows.map((row) => ({
        entry: rowToEntry(row),
        tier: Math.min(2, Math.max(0, Number(row.tier))) as Tier,
        coalesceKey: undefined,
      }));
    },

    /** The first seq written since `since` among the newest `window` entries (null: none). */
    async firstSeqSince(since: Date, window: number): Promise<number | null> {
      return selectFirstSeqSince(db, since, (await selectHead(db)) - window);
    },

    head: () => selectHead(db),
  };
}
export type EventLog = ReturnType<typeof createEventLog>;
