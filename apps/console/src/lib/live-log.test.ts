import { describe, expect, it } from 'vitest';
import type { LogEntry } from '@c2/api-client/schemas/live';
import { createLiveLog } from './live-log';

const status = (seq: number, cameraId = `cam-${seq}`): LogEntry => ({
  seq,
  ts: '2026-11-22T00:00:00.000Z',
  areaId: null,
  topic: 'camera.status',
  data: { cameraId, state: 'offline', since: '2026-11-22T00:00:00.000Z', reason: null },
});
const seqs = (entries: LogEntry[]) => entries.map((e) => e.seq);

describe('live log', () => {
  it('when live entries arrive before the replay, then they wait and are applied after it, once, in order', () => {
    const log = createLiveLog(10);
    log.connecting();
    expect(log.onEntries([status(13), status(14)])).toEqual([]);
    const { apply, resync } = log.onReplay({
      entries: [status(11), status(12), status(13)],
      head: 13,
      complete: true,
    });
    expect(resync).toBe(false);
    expect(seqs(apply)).toEqual([11, 12, 13, 14]);
  });

  it('when entries repeat within a batch, then each seq is applied once in ascending order', () => {
    const log = createLiveLog(null);
    log.connecting();
    log.onReplay({ entries: [], head: 5, complete: true });
    expect(seqs(log.onEntries([status(7), status(6), status(7)]))).toEqual([6, 7]);
    expect(seqs(log.onEntries([status(6), status(8)]))).toEqual([8]);
  });

  it('when a lower seq arrives after a higher one (a coalesced batch, another instance), then it is still applied', () => {
    const clock = { t: 0 };
    const log = createLiveLog(100, { now: () => clock.t, reorderMs: 5000 });
    log.connecting();
    log.onReplay({ entries: [], head: 100, complete: true });
    expect(seqs(log.onEntries([status(103)]))).toEqual([103]);
    clock.t = 250;
    expect(seqs(log.onEntries([status(101), status(102), status(103)]))).toEqual([101, 102]);
  });

  it('when an entry is later than the reorder window, then it counts as delivered and the resume point moves up', () => {
    const clock = { t: 0 };
    const log = createLiveLog(100, { now: () => clock.t, reorderMs: 5000 });
    log.connecting();
    log.onReplay({ entries: [], head: 100, complete: true });
    log.onEntries([status(110)]);
    expect(log.lastSeq()).toBe(100);
    clock.t = 5001;
    expect(log.lastSeq()).toBe(110);
    expect(log.onEntries([status(105)])).toEqual([]);
  });

  it('when the socket drops, then the resume point stays where it was until the replay, which re-covers the window', () => {
    const clock = { t: 0 };
    const log = createLiveLog(100, { now: () => clock.t, reorderMs: 5000 });
    log.connecting();
    log.onReplay({ entries: [], head: 100, complete: true });
    log.onEntries([status(104)]);
    log.connecting();
    clock.t = 60_000;
    expect(log.lastSeq()).toBe(100);
    const { apply } = log.onReplay({ entries: [status(101), status(104), status(105)], head: 105, complete: true });
    expect(seqs(apply)).toEqual([101, 105]);
  });

  it('when the replay is incomplete, then the console must resync and continues from the head', () => {
    const log = createLiveLog(3);
    log.connecting();
    const { apply, resync } = log.onReplay({ entries: [status(4)], head: 9000, complete: false });
    expect(resync).toBe(true);
    expect(apply).toEqual([]);
    expect(seqs(log.onEntries([status(9001)]))).toEqual([9001]);
  });

  it('when a fresh console connects, then it starts at the head without replaying history', () => {
    const log = createLiveLog(null);
    log.connecting();
    expect(log.onReplay({ entries: [], head: 42, complete: true }).apply).toEqual([]);
    expect(log.lastSeq()).toBe(42);
  });
});
