import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryObserver, type InfiniteData } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { Camera, CameraState, CameraSummary } from '@c2/api-client/schemas/camera';
import { NO_EVENT_FILTER, type AnalyticsEvent, type EventPage } from '@c2/api-client/schemas/event';
import type { LogEntry } from '@c2/api-client/schemas/live';
import type { Incident } from '@c2/api-client/schemas/incident';
import type { Device } from '@c2/api-client/schemas/device';
import { createLiveCache, FEED_CAP, patchAlertList, type LiveCache } from './live-cache';
import { alertFixture } from '../test/alert-fixture';

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
  ({
    id,
    cameraId: 'c1',
    areaId: 'a1',
    type: 'speeding',
    severity: 'major',
    ts,
  }) as unknown as AnalyticsEvent;
const entry = (e: AnalyticsEvent): LogEntry => ({
  seq: ++seq,
  ts: e.ts,
  areaId: null,
  topic: 'event.new',
  data: e,
});

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
      unknown: 0,
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
      unknown: 0,
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

  it('when events arrive, then each event list whose filter matches gets them newest first, once, within its limit', () => {
    const { queryClient, cache } = setup();
    const all = queryKeys.events.list(NO_EVENT_FILTER, 2);
    const accidents = queryKeys.events.list({ ...NO_EVENT_FILTER, types: ['accident'] }, 10);
    queryClient.setQueryData<EventPage>(all, {
      events: [event('e1', '2026-11-22T01:00:00.000Z')],
      next: null,
    });
    queryClient.setQueryData<EventPage>(accidents, { events: [], next: null });

    cache.apply([
      entry(event('e2', '2026-11-22T01:02:00.000Z')),
      entry(event('e1', '2026-11-22T01:00:00.000Z')),
    ]);
    cache.apply([entry(event('late', '2026-11-22T00:59:00.000Z'))]);

    expect(queryClient.getQueryData<EventPage>(all)?.events.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(queryClient.getQueryData<EventPage>(accidents)?.events).toEqual([]);
  });

  it('when an event arrives while the feed is still loading and the server read before it was stored, then it is in the feed once it lands', async () => {
    const { queryClient, cache } = setup();
    const key = queryKeys.events.feed(NO_EVENT_FILTER);
    let respond: (page: EventPage) => void = () => undefined;
    const fetching = queryClient.fetchInfiniteQuery({
      queryKey: key,
      queryFn: () => new Promise<EventPage>((resolve) => (respond = resolve)),
      initialPageParam: null as string | null,
    });

    cache.apply([entry(event('live', T1))]); // nothing to patch yet
    respond({ events: [event('stored', T0)], next: null });
    await fetching;
    await Promise.resolve();

    const data = queryClient.getQueryData<InfiniteData<EventPage, string | null>>(key)!;
    expect(data.pages[0]!.events.map((e) => e.id)).toEqual(['live', 'stored']);
  });

  it('when the page’s first connection has joined, then only the queries requested before it are fetched again', async () => {
    const before = queryKeys.cameras.list();
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: Infinity } },
    });
    await queryClient.fetchQuery({ queryKey: before, queryFn: () => Promise.resolve([camera('c1')]) });
    cache = createLiveCache(queryClient);
    const during = queryKeys.cameras.summary();
    await queryClient.fetchQuery({ queryKey: during, queryFn: () => Promise.resolve(null) });
    const joined = Date.now() + 1;
    await new Promise((r) => setTimeout(r, 5));
    const after = queryKeys.units.list();
    await queryClient.fetchQuery({ queryKey: after, queryFn: () => Promise.resolve([]) });

    cache.caughtUp(joined);

    expect(queryClient.getQueryState(before)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(during)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(after)?.isInvalidated).toBe(false);
  });

  it('when a live feed outgrows its cap, then its older pages are dropped and paging resumes after what is kept', () => {
    const { queryClient, cache } = setup();
    const key = queryKeys.events.feed(NO_EVENT_FILTER);
    const at = (i: number) => new Date(Date.UTC(2026, 10, 22, 0, 0, i)).toISOString();
    const first = Array.from({ length: FEED_CAP }, (_, i) => event(`old-${i}`, at(FEED_CAP - i)));
    queryClient.setQueryData<InfiniteData<EventPage, string | null>>(key, {
      pages: [
        { events: first, next: 'cursor-1' },
        { events: [event('older', at(0))], next: null },
      ],
      pageParams: [null, 'cursor-1'],
    });

    cache.apply([entry(event('newest', at(FEED_CAP + 5)))]);

    const data = queryClient.getQueryData<InfiniteData<EventPage, string | null>>(key)!;
    expect(data.pages).toHaveLength(1);
    expect(data.pages[0]!.events).toHaveLength(FEED_CAP);
    expect(data.pages[0]!.events[0]!.id).toBe('newest');
    const last = data.pages[0]!.events[FEED_CAP - 1]!;
    expect(last.id).toBe(`old-${FEED_CAP - 2}`);
    expect(data.pages[0]!.next).toBe(`${last.ts}~${last.id}`);
  });
});

describe('alert.changed patches the queue', () => {
  const base = alertFixture({
    id: 'base',
    severity: 'critical',
    title: 't',
    ruleId: 'r',
    cameraId: 'c',
    eventId: 'e',
    areaId: 'a',
    createdAt: '2026-05-01T01:00:00.000Z',
  });
  it('when an alert arrives, is newer, or closes, then the active list is upserted, ordered by priority, and loses closed ones', () => {
    const a = { ...base, id: 'a' };
    const b = { ...base, id: 'b', priority: 'P1' as const, createdAt: '2026-05-01T02:00:00.000Z' };
    let list = patchAlertList([a], new Map([['b', b]]), 'active');
    expect(list.map((x) => x.id)).toEqual(['b', 'a']);
    const stale = { ...a, count: 9, updatedAt: '2026-05-01T00:00:00.000Z' };
    expect(patchAlertList(list, new Map([['a', stale]]), 'active').find((x) => x.id === 'a')?.count).toBe(1);
    list = patchAlertList(
      list,
      new Map([['b', { ...b, status: 'resolved' as const, updatedAt: '2026-05-01T03:00:00.000Z' }]]),
      'active',
    );
    expect(list.map((x) => x.id)).toEqual(['a']);
  });

  it('when an incident changes, then open and closed lists gain or drop it, most urgent first, and its detail follows', () => {
    const { queryClient, cache } = setup();
    const incident = (id: string, priority: Incident['priority'], state: Incident['state']) =>
      ({ id, priority, state, createdAt: T0 }) as unknown as Incident;
    queryClient.setQueryData(queryKeys.incidents.list('open'), [incident('a', 'P2', 'dispatched')]);
    queryClient.setQueryData(queryKeys.incidents.list('closed'), []);
    queryClient.setQueryData(queryKeys.incidents.detail('a'), incident('a', 'P2', 'dispatched'));
    const entry = (i: Incident): LogEntry => ({
      seq: ++seq,
      ts: T1,
      areaId: 'a1',
      topic: 'incident.changed',
      data: i,
    });

    cache.apply([entry(incident('b', 'P1', 'acknowledged'))]);
    expect(queryClient.getQueryData<Incident[]>(queryKeys.incidents.list('open'))?.map((i) => i.id)).toEqual([
      'b',
      'a',
    ]);

    cache.apply([entry(incident('a', 'P2', 'closed'))]);
    expect(queryClient.getQueryData<Incident[]>(queryKeys.incidents.list('open'))?.map((i) => i.id)).toEqual([
      'b',
    ]);
    expect(
      queryClient.getQueryData<Incident[]>(queryKeys.incidents.list('closed'))?.map((i) => i.id),
    ).toEqual(['a']);
    expect(queryClient.getQueryData<Incident>(queryKeys.incidents.detail('a'))?.state).toBe('closed');
    expect(queryClient.getQueryData(queryKeys.incidents.detail('b'))).toBeUndefined();
  });

  it('when a device raises a fault or its camera goes offline, then its row in the devices table changes and an open device page refetches', async () => {
    const { queryClient, cache } = setup();
    const device = (id: string): Device => ({
      id,
      kind: 'camera',
      code: id.toUpperCase(),
      name: id,
      model: 'm',
      areaId: 'a1',
      areaName: 'a',
      state: 'online',
      since: T0,
      reason: null,
      metrics: {
        cpuPct: null,
        memPct: null,
        tempC: null,
        storagePct: null,
        latencyMs: null,
        lossPct: null,
        bitrateKbps: 4000,
        fps: 25,
      },
      metricsAt: T0,
      faults: [],
      checkedAt: null,
    });
    queryClient.setQueryData(queryKeys.devices.list(), [device('c1'), device('c2'), device('c3')]);
    const fetchDetail = vi.fn(async () => ({ device: device('c1') }));
    // The device page is open: its query has an observer.
    const page = new QueryObserver(queryClient, {
      queryKey: queryKeys.devices.detail('c1'),
      queryFn: fetchDetail,
    });
    const unsubscribe = page.subscribe(() => undefined);
    await vi.waitFor(() => expect(queryClient.getQueryData(queryKeys.devices.detail('c1'))).toBeDefined());
    cache.apply([
      {
        seq: ++seq,
        ts: T1,
        areaId: 'a1',
        topic: 'device.health',
        data: {
          deviceId: 'c1',
          kind: 'camera',
          state: 'online',
          since: T0,
          reason: null,
          faults: ['image_black'],
          change: 'fault_opened',
          faultKind: 'image_black',
          healing: null,
        },
      },
      status('c2', 'offline'),
    ]);
    const rows = queryClient.getQueryData<Device[]>(queryKeys.devices.list())!;
    expect(rows.find((d) => d.id === 'c1')!.faults).toEqual(['image_black']);
    expect(rows.find((d) => d.id === 'c2')!.state).toBe('offline');
    expect(rows.find((d) => d.id === 'c3')).toBe(rows[2]);
    await vi.waitFor(() => expect(fetchDetail).toHaveBeenCalledTimes(2));
    unsubscribe();
  });

  it('when events arrive, then a camera’s own list gets only that camera’s events', () => {
    const { queryClient, cache } = setup();
    const key = queryKeys.events.list({ ...NO_EVENT_FILTER, cameraId: 'c2' }, 5);
    queryClient.setQueryData<EventPage>(key, { events: [], next: null });
    const ofCamera = (id: string, cameraId: string, ts: string) => ({ ...event(id, ts), cameraId });

    cache.apply([
      entry(ofCamera('x1', 'c1', '2026-11-22T01:00:00.000Z')),
      entry(ofCamera('y1', 'c2', '2026-11-22T01:01:00.000Z')),
      entry(ofCamera('y2', 'c2', '2026-11-22T01:02:00.000Z')),
    ]);

    expect(queryClient.getQueryData<EventPage>(key)?.events.map((e) => e.id)).toEqual(['y2', 'y1']);
  });
});
