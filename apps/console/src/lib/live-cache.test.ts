import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { Camera, CameraState, CameraSummary } from '@c2/api-client/schemas/camera';
import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { LogEntry } from '@c2/api-client/schemas/live';
import { createLiveCache, type LiveCache } from './live-cache';

const T0 = '2026-11-22T01:00:00.000Z';
const T1 = '2026-11-22T01:05:00.000Z';

function camera(id: string, state: CameraState = 'online', since = T0): Camera {
  return {
    id,
    code: id.toUpperCase(),
    name: `Camera ${id}`,
    kind: 'fixed',
    location: { lng: 106.07, lat: 21.18 },
    bearing: 0,
    roadId: null,
    roadName: null,
    areaId: 'a1',
    areaName: 'Việt Yên',
    owner: 'CSGT',
    classification: 'public',
    streams: { main: { width: 1920, height: 1080 }, sub: { width: 640, height: 360 } },
    status: { cameraId: id, state, since, reason: null },
  };
}

let seq = 100;
const status = (cameraId: string, state: CameraState, since = T1): LogEntry => ({
  seq: ++seq,
  ts: since,
  areaId: 'a1',
  topic: 'camera.status',
  data: { cameraId, state, since, reason: null },
});

const event = (id: string, ts: string): AnalyticsEvent =>
  ({ id, cameraId: 'c1', type: 'speeding', severity: 'major', ts }) as unknown as AnalyticsEvent;

let cache: LiveCache | null = null;
afterEach(() => cache?.dispose());

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  cache = createLiveCache(queryClient);
  return { queryClient, cache };
}

describe('live cache', () => {
  it('when a camera goes offline, then the cached list and summary change without a request', () => {
    const { queryClient, cache } = setup();
    queryClient.setQueryData(queryKeys.cameras.list(), [camera('c1'), camera('c2')]);
    queryClient.setQueryData<CameraSummary>(queryKeys.cameras.summary(), {
      total: 2,
      online: 2,
      offline: 0,
      degraded: 0,
    });
    const untouched = queryClient.getQueryData<Camera[]>(queryKeys.cameras.list())?.[1];
    const refetch = vi.spyOn(queryClient, 'invalidateQueries');

    cache.apply([status('c1', 'offline')]);

    const list = queryClient.getQueryData<Camera[]>(queryKeys.cameras.list());
    expect(list?.[0]?.status.state).toBe('offline');
    expect(list?.[1]).toBe(untouched); // the other camera keeps its identity: nothing else re-renders
    expect(queryClient.getQueryData(queryKeys.cameras.summary())).toEqual({
      total: 2,
      online: 1,
      offline: 1,
      degraded: 0,
    });
    expect(refetch).not.toHaveBeenCalled();
  });

  it('when a camera list fetched before a change lands after it, then the newer live status wins', async () => {
    const { queryClient, cache } = setup();
    let respond: (cameras: Camera[]) => void = () => undefined;
    const fetching = queryClient.fetchQuery({
      queryKey: queryKeys.cameras.list(),
      queryFn: () => new Promise<Camera[]>((resolve) => (respond = resolve)),
    });

    cache.apply([status('c2', 'degraded', T1)]); // arrives while the list is in flight
    respond([camera('c1'), camera('c2', 'online', T0)]); // the server read the list before the change
    await fetching;
    await Promise.resolve();

    const list = queryClient.getQueryData<Camera[]>(queryKeys.cameras.list());
    expect(list?.map((c) => c.status.state)).toEqual(['online', 'degraded']);
  });

  it('when a fetched list is newer than what was seen live, then the fetched status stays', async () => {
    const { queryClient, cache } = setup();
    cache.apply([status('c1', 'offline', T0)]);
    await queryClient.fetchQuery({
      queryKey: queryKeys.cameras.list(),
      queryFn: () => Promise.resolve([camera('c1', 'online', T1)]),
    });
    await Promise.resolve();

    expect(queryClient.getQueryData<Camera[]>(queryKeys.cameras.list())?.[0]?.status.state).toBe('online');
  });

  it('when events arrive, then each recent list gets them newest first, once, within its limit', () => {
    const { queryClient, cache } = setup();
    const key = queryKeys.events.recent(2);
    queryClient.setQueryData(key, [event('e1', '2026-11-22T01:00:00.000Z')]);
    const entry = (e: AnalyticsEvent): LogEntry => ({
      seq: ++seq,
      ts: e.ts,
      areaId: null,
      topic: 'event.new',
      data: e,
    });

    cache.apply([
      entry(event('e2', '2026-11-22T01:02:00.000Z')),
      entry(event('e1', '2026-11-22T01:00:00.000Z')),
    ]);
    cache.apply([entry(event('late', '2026-11-22T00:59:00.000Z'))]);

    expect(queryClient.getQueryData<AnalyticsEvent[]>(key)?.map((e) => e.id)).toEqual(['e2', 'e1']);
  });

  it('when events arrive, then a camera’s own list gets only that camera’s events', () => {
    const { queryClient, cache } = setup();
    const key = queryKeys.events.ofCamera('c2', 5);
    queryClient.setQueryData(key, []);
    const entry = (e: AnalyticsEvent): LogEntry => ({
      seq: ++seq,
      ts: e.ts,
      areaId: null,
      topic: 'event.new',
      data: e,
    });
    const ofCamera = (id: string, cameraId: string, ts: string) => ({ ...event(id, ts), cameraId });

    cache.apply([
      entry(ofCamera('x1', 'c1', '2026-11-22T01:00:00.000Z')),
      entry(ofCamera('y1', 'c2', '2026-11-22T01:01:00.000Z')),
      entry(ofCamera('y2', 'c2', '2026-11-22T01:02:00.000Z')),
    ]);

    expect(queryClient.getQueryData<AnalyticsEvent[]>(key)?.map((e) => e.id)).toEqual(['y2', 'y1']);
  });
});
