import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraStatus } from '@c2/api-client/schemas/camera';
import { createLogger } from '../../../platform/logger';
import { registryCameraSchema } from './camera-registry';
import type { MediamtxClient, MediamtxPath } from './mediamtx-api';
import { createMediamtxVms } from './mediamtx-vms';

const POLL = 1000;
const registry = ['a', 'b'].map((id) =>
  registryCameraSchema.parse({
    id: `cam-${id}`,
    path: `cam/${id}`,
    code: id.toUpperCase(),
    name: `Camera ${id}`,
    location: { lng: 106.07, lat: 21.18 },
    areaId: 'p-kinh-bac',
    areaName: 'Phường Kinh Bắc',
    owner: 'CSGT',
    classification: 'public',
  }),
);

/** A MediaMTX control API that answers, or fails like an unreachable host, as the test says. */
function vmsApi() {
  const state = { answering: true, calls: 0 };
  const paths: MediamtxPath[] = registry.map((c) => ({ name: c.path, available: true }));
  const client: MediamtxClient = {
    credentials: null,
    async listPaths() {
      state.calls++;
      if (!state.answering) throw new Error('connect ECONNREFUSED 10.0.0.5:9997');
      return paths;
    },
    getPath: async () => null,
    kick: async () => false,
  };
  return { client, state };
}

describe('MediaMTX stops answering', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-12-06T08:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('when it goes silent, then cameras turn unknown after the stale time, the breaker stops the hammering, and the first answer brings them back', async () => {
    const api = vmsApi();
    const vms = createMediamtxVms({
      client: api.client,
      registry,
      hlsUrl: 'http://mediamtx:8888',
      pollMs: POLL,
      staleAfterMs: 3 * POLL,
      breakerFailures: 3,
      maxBackoffMs: 8 * POLL,
      ffmpeg: null,
      logger: createLogger('silent'),
    });
    const changes: CameraStatus[][] = [];
    vms.onStatusChange((c) => changes.push(c));
    expect((await vms.currentStatuses()).map((s) => s.state)).toEqual(['online', 'online']);
    await vms.start();

    api.state.answering = false;
    // Two failed polls: the last answer is still recent, the cameras keep their state.
    await vi.advanceTimersByTimeAsync(2 * POLL);
    expect((await vms.currentStatuses()).map((s) => s.state)).toEqual(['online', 'online']);
    expect((await vms.health()).ok).toBe(false);

    // Past the stale time: unknown, never "online" on old news, in one batch.
    await vi.advanceTimersByTimeAsync(POLL);
    expect((await vms.currentStatuses()).map((s) => s.state)).toEqual(['unknown', 'unknown']);
    expect(changes.at(-1)!.map((s) => [s.cameraId, s.state, s.reason])).toEqual([
      ['cam-a', 'unknown', 'VMS không phản hồi'],
      ['cam-b', 'unknown', 'VMS không phản hồi'],
    ]);
    expect(vms.breaker().open).toBe(true);

    // A minute of silence: the breaker spaces the calls out (doubling up to 8 s) instead of one per second.
    const before = api.state.calls;
    await vi.advanceTimersByTimeAsync(60 * POLL);
    const calls = api.state.calls - before;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(10);
    expect(changes.length).toBe(1);

    // It answers again: at the next try the states are real, and the breaker closes.
    api.state.answering = true;
    await vi.advanceTimersByTimeAsync(9 * POLL);
    expect((await vms.currentStatuses()).map((s) => s.state)).toEqual(['online', 'online']);
    expect(changes.at(-1)!.map((s) => s.state)).toEqual(['online', 'online']);
    expect(vms.breaker()).toMatchObject({ open: false, failures: 0 });
    expect((await vms.health()).ok).toBe(true);
    await vms.stop();
  });
});
