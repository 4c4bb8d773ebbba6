import type { LogEntry, Replay } from '@c2/api-client/schemas/live';

/**
 * The console's side of the durable event log, without any socket: it decides which entries to apply, in which
 * order, and when the server state must be refetched instead. Pure, so it is tested without a network.
 *
 * - Before the replay of a (re)connection arrives, live entries are held back: applying them first could skip
 *   entries the replay is about to deliver.
 * - Entries are applied in seq order, each once (seq ≤ the last applied is a duplicate: a replay overlapping
 *   live pushes, a retransmission).
 * - An incomplete replay (missed too much, or the log was trimmed) means patching would be wrong: resync.
 */
export interface LiveLog {
  lastSeq(): number | null;
  /** A new connection is opening: hold live entries until its replay. */
  connecting(): void;
  onReplay(replay: Replay): { apply: LogEntry[]; resync: boolean };
  onEntries(entries: LogEntry[]): LogEntry[];
}

export function createLiveLog(initialSeq: number | null = null): LiveLog {
  let last = initialSeq;
  let held: LogEntry[] | null = null;

  function take(entries: LogEntry[]): LogEntry[] {
    const fresh = entries.filter((e) => last === null || e.seq > last).sort((a, b) => a.seq - b.seq);
    const out: LogEntry[] = [];
    for (const e of fresh) {
      if (last !== null && e.seq <= last) continue; // repeated within the batch
      out.push(e);
      last = e.seq;
    }
    return out;
  }

  return {
    lastSeq: () => last,
    connecting() {
      held = [];
    },
    onReplay(replay) {
      const pending = held ?? [];
      held = null;
      if (!replay.complete) {
        // Start over from the head: whatever is refetched now includes everything up to it.
        last = replay.head;
        return { apply: take(pending), resync: true };
      }
      const apply = take([...replay.entries, ...pending]);
      if (last === null || last < replay.head) last = Math.max(last ?? 0, replay.head);
      return { apply, resync: false };
    },
    onEntries(entries) {
      if (held) {
        held.push(...entries);
        return [];
      }
      return take(entries);
    },
  };
}
