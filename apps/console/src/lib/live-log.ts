import type { LogEntry, Replay } from '@c2/api-client/schemas/live';

/**
 * The console's side of the durable event log, without any socket: it decides which entries to apply, and when
 * the server state must be refetched instead. Pure (the clock is injected), so it is tested without a network.
 *
 * Entries do not always arrive in seq order: the BFF holds high-rate topics (camera status) for a coalescing
 * window while other topics go out at once, and with several BFF instances two transactions can commit in the
 * opposite order of their seqs. So an entry is a duplicate only if its own seq was applied, not because a higher
 * seq was; every seq applied is remembered until it falls below the *floor*.
 *
 * The floor is the highest seq seen at least `reorderMs` ago: anything older than that is assumed delivered. It
 * is also the resume point sent on reconnect, so the replay re-covers the last few seconds and whatever was still
 * in flight when the socket dropped; the overlap is absorbed by the seen set.
 *
 * - Before the replay of a (re)connection arrives, live entries are held back and then merged with it.
 * - An incomplete replay (missed too much, or the log was trimmed) means patching would be wrong: resync.
 */
export interface LiveLog {
  /** Where a reconnect resumes from: every entry after it is (re)sent. */
  lastSeq(): number | null;
  /** A new connection is opening: hold live entries until its replay, and freeze the resume point. */
  connecting(): void;
  onReplay(replay: Replay): { apply: LogEntry[]; resync: boolean };
  onEntries(entries: readonly LogEntry[]): LogEntry[];
}

export interface LiveLogOptions {
  /** How late an entry may arrive behind a higher seq and still be applied. */
  reorderMs?: number;
  now?: () => number;
}

/** Marks of the highest seq over time, one per this many ms at most (bounds memory at high rates). */
const MARK_MS = 100;

export function createLiveLog(initialSeq: number | null = null, options: LiveLogOptions = {}): LiveLog {
  const reorderMs = options.reorderMs ?? 5000;
  const now = options.now ?? Date.now;
  let floor = initialSeq;
  let max = initialSeq;
  const seen = new Set<number>();
  let marks: { at: number; max: number }[] = [];
  let held: LogEntry[] | null = null;

  function raiseFloor(to: number): void {
    if (floor !== null && to <= floor) return;
    floor = to;
    for (const s of seen) if (s <= to) seen.delete(s);
  }

  function advance(): void {
    if (held) return; // frozen while (re)connecting: the replay must cover what was in flight
    const cutoff = now() - reorderMs;
    let i = 0;
    while (i < marks.length && marks[i]!.at <= cutoff) i++;
    if (i > 0) {
      raiseFloor(marks[i - 1]!.max);
      marks = marks.slice(i);
    }
  }

  function noteMax(seq: number): void {
    if (max !== null && seq <= max) return;
    max = seq;
    const t = now();
    const last = marks[marks.length - 1];
    if (last && t - last.at < MARK_MS) last.max = seq;
    else marks.push({ at: t, max: seq });
  }

  function take(entries: readonly LogEntry[]): LogEntry[] {
    const out: LogEntry[] = [];
    for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
      if ((floor !== null && e.seq <= floor) || seen.has(e.seq)) continue;
      seen.add(e.seq);
      out.push(e);
      noteMax(e.seq);
    }
    return out;
  }

  return {
    lastSeq() {
      advance();
      return floor ?? marks[0]?.max ?? max;
    },
    connecting() {
      advance();
      held ??= [];
    },
    onReplay(replay) {
      const pending = held ?? [];
      held = null;
      if (!replay.complete) {
        // Start over from the head: whatever is refetched now includes everything up to it.
        seen.clear();
        marks = [];
        floor = null;
        max = null;
        noteMax(replay.head);
        return { apply: take(pending), resync: true };
      }
      const apply = take([...replay.entries, ...pending]);
      noteMax(replay.head);
      // Time away does not count toward the reorder window: what is in flight now may still arrive late.
      const t = now();
      for (const m of marks) m.at = t;
      return { apply, resync: false };
    },
    onEntries(entries) {
      if (held) {
        held.push(...entries);
        return [];
      }
      advance();
      return take(entries);
    },
  };
}
