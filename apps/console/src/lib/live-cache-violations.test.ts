import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { LogEntry } from '@c2/api-client/schemas/live';
import type { Violation, ViolationPage, ViolationStatus } from '@c2/api-client/schemas/violation';
import { createLiveCache, type LiveCache } from './live-cache';

function violation(id: string, ts: string, status: ViolationStatus = 'pending'): Violation {
  return {
    id,
    eventId: null,
    cameraId: 'cam-1',
    cameraName: 'QL1A Km12',
    areaId: 'a1',
    type: 'speeding',
    plate: '99A-123.45',
    plateDetected: '99A-123.45',
    plateConfidence: 0.9,
    ts,
    receivedAt: ts,
    speedKmh: 90,
    limitKmh: 60,
    evidence: [],
    status,
    lastDecision: null,
    signature: { status: 'verified', keyId: 'ed25519:x', signedAt: ts },
  };
}

let seq = 1;
const entry = (topic: 'violation.new' | 'violation.changed', data: Violation): LogEntry => ({
  seq: ++seq,
  ts: data.ts,
  areaId: 'a1',
  topic,
  data,
});

let cache: LiveCache;
afterEach(() => cache.dispose());

describe('live cache: the review queue', () => {
  it('when a violation arrives or is decided, then each cached queue gains, replaces or loses it by its filter', () => {
    const client = new QueryClient();
    cache = createLiveCache(client);
    const pendingKey = queryKeys.violations.list({ status: 'pending', limit: 50 });
    const verifiedKey = queryKeys.violations.list({ status: 'verified', limit: 50 });
    const old = violation('v-old', '2026-11-22T01:00:00.000Z');
    client.setQueryData<ViolationPage>(pendingKey, { items: [old], nextCursor: null });
    client.setQueryData<ViolationPage>(verifiedKey, { items: [], nextCursor: null });

    const fresh = violation('v-new', '2026-11-22T01:05:00.000Z');
    cache.apply([entry('violation.new', fresh)]);
    expect(client.getQueryData<ViolationPage>(pendingKey)!.items.map((v) => v.id)).toEqual([
      'v-new',
      'v-old',
    ]);
    expect(client.getQueryData<ViolationPage>(verifiedKey)!.items).toEqual([]);

    cache.apply([entry('violation.changed', { ...old, status: 'verified' })]);
    expect(client.getQueryData<ViolationPage>(pendingKey)!.items.map((v) => v.id)).toEqual(['v-new']);
    expect(client.getQueryData<ViolationPage>(verifiedKey)!.items.map((v) => [v.id, v.status])).toEqual([
      ['v-old', 'verified'],
    ]);
  });
});
