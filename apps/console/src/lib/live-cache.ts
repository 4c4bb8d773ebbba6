import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { Camera, CameraState, CameraStatus, CameraSummary } from '@c2/api-client/schemas/camera';
import {
  eventMatches,
  type AnalyticsEvent,
  type EventFilter,
  type EventPage,
} from '@c2/api-client/schemas/event';
import type { LogEntry } from '@c2/api-client/schemas/live';
import type { Unit } from '@c2/api-client/schemas/unit';
import { CLOSED_STATUSES, type Alert, type AlertDetail } from '@c2/api-client/schemas/alert';
import type { Incident } from '@c2/api-client/schemas/incident';
import type { Device, DeviceHealthChange } from '@c2/api-client/schemas/device';
import type { Violation, ViolationPage } from '@c2/api-client/schemas/violation';

/** The most events the first page of a live feed keeps; older ones are paged in again on demand. */
export const FEED_CAP = 2000;

/** Live events remembered for event lists still loading when they arrived (a minute of a busy province). */
const RECENT_EVENTS = 500;

export interface LiveCache {
  /** Applies entries (already deduplicated and in seq order) to the query cache. */
  apply(entries: readonly LogEntry[]): void;
  /** The live log lost track (incomplete replay): refetch every server-state query instead of patching. */
  resync(): void;
  /**
   * The first connection of this page joined its rooms by `at` (when its replay arrived): a query whose request
   * left before may have been read before the join, missing what committed in between, so it is fetched again.
   */
  caughtUp(at: number): void;
  dispose(): void;
}

const isNewer = (a: CameraStatus, b: CameraStatus) => Date.parse(a.since) > Date.parse(b.since);

/** The queue's order: most urgent first, then the longest waiting (closed lists: latest first). */
export function alertOrder(scope: unknown): (a: Alert, b: Alert) => number {
  return scope === 'active'
    ? (a, b) => a.priority.localeCompare(b.priority) || Date.parse(a.createdAt) - Date.parse(b.createdAt)
    : (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

/** Upserts changed alerts into a cached list, dropping those that left its scope (an active list loses closed ones). */
export function patchAlertList(
  old: readonly Alert[],
  changed: ReadonlyMap<string, Alert>,
  scope: unknown,
): Alert[] {
  const fits = (a: Alert) => scope === 'all' || (scope === 'closed') === CLOSED_STATUSES.includes(a.status);
  const byId = new Map(old.map((a) => [a.id, a]));
  for (const [id, a] of changed) {
    const known = byId.get(id);
    // A replayed or overtaken entry must not undo a newer state.
    if (known && Date.parse(known.updatedAt) > Date.parse(a.updatedAt)) continue;
    if (fits(a)) byId.set(id, a);
    else byId.delete(id);
  }
  return [...byId.values()].sort(alertOrder(scope));
}
/** The server's order of incident lists: open before closed, then by priority, newest first. */
function byUrgency(a: Incident, b: Incident): number {
  return (
    Number(a.state === 'closed') - Number(b.state === 'closed') ||
    a.priority.localeCompare(b.priority) ||
    Date.parse(b.createdAt) - Date.parse(a.createdAt)
  );
}

const inScope = (scope: unknown, i: Incident) =>
  scope === 'all' || (scope === 'closed' ? i.state === 'closed' : i.state !== 'closed');

/**
 * The bridge from the durable log to TanStack Query: camera status patches the camera list, its detail and the
 * summary (by delta), new events are inserted by event time, unit changes replace the unit. Nothing is refetched
 * per message.
 *
 * The last status seen per camera is also remembered, because a camera list fetched over HTTP can be older than
 * entries that arrived while it was in flight (or while the list was not cached at all, or during a resync): when
 * a fetched list lands, any newer status seen live is laid over it.
 */
export function createLiveCache(queryClient: QueryClient): LiveCache {
  const latest = new Map<string, CameraStatus>();
  /** The last events seen live, oldest first, for event lists that land after them. */
  const recentEvents: AnalyticsEvent[] = [];

  function patchCameras(statuses: ReadonlyMap<string, CameraStatus>, onlyNewer: boolean): void {
    const list = queryClient.getQueryData<Camera[]>(queryKeys.cameras.list());
    if (!list) {
      // Without the list the previous states are unknown, so the summary cannot be patched by delta.
      void queryClient.invalidateQueries({ queryKey: queryKeys.cameras.summary() });
      return;
    }
    const delta: Record<CameraState, number> = { online: 0, offline: 0, degraded: 0, unknown: 0 };
    let changed = false;
    const next = list.map((c) => {
      const s = statuses.get(c.id);
      if (!s || (s.state === c.status.state && s.since === c.status.since)) return c;
      if (onlyNewer && !isNewer(s, c.status)) return c;
      delta[c.status.state]--;
      delta[s.state]++;
      changed = true;
      return { ...c, status: s };
    });
    if (!changed) return;
    queryClient.setQueryData(queryKeys.cameras.list(), next);
    if (delta.online !== 0 || delta.offline !== 0 || delta.degraded !== 0) {
      queryClient.setQueryData<CameraSummary>(queryKeys.cameras.summary(), (old) =>
        old
          ? {
              ...old,
              online: old.online + delta.online,
              offline: old.offline + delta.offline,
              degraded: old.degraded + delta.degraded,
            }
          : old,
      );
    }
  }

  // A list that arrives from the network (not from setQueryData) gets the newer live statuses laid over it, and
  // an event list the events that arrived live while it was in flight (the server may have read before they were
  // stored, and a list still loading has nothing to patch). Outside the cache's notification, so each patch is a
  // write of its own.
  const listHash = JSON.stringify(queryKeys.cameras.list());
  const sessionHash = JSON.stringify(queryKeys.session());
  // When each query's last request left (queries already in the cache left before this connection began).
  const fetchStarted = new Map<string, number>(
    queryClient
      .getQueryCache()
      .getAll()
      .map((q) => [q.queryHash, Date.now()] as const),
  );
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'removed') fetchStarted.delete(event.query.queryHash);
    if (event.type !== 'updated') return;
    if (event.action.type === 'fetch') fetchStarted.set(event.query.queryHash, Date.now());
    if (event.action.type !== 'success' || event.action.manual) return;
    const { queryHash, queryKey } = event.query;
    if (queryHash === listHash && latest.size > 0) queueMicrotask(() => patchCameras(latest, true));
    else if (queryKey[0] === queryKeys.events.all()[0] && recentEvents.length > 0) {
      const recent = [...recentEvents];
      queueMicrotask(() => patchEventList(queryClient, queryKey, recent));
    }
  });

  /** Device rows follow their camera's status and their own health changes; an open device page refetches. */
  function patchDevices(
    statuses: ReadonlyMap<string, CameraStatus>,
    changes: ReadonlyMap<string, DeviceHealthChange>,
  ): void {
    queryClient.setQueryData<Device[]>(queryKeys.devices.list(), (old) => {
      if (!old) return old;
      let changed = false;
      const next = old.map((d) => {
        const c = changes.get(d.id);
        const s = statuses.get(d.id);
        if (!c && !s) return d;
        changed = true;
        const patched = c ? { ...d, state: c.state, since: c.since, reason: c.reason, faults: c.faults } : d;
        return s && Date.parse(s.since) >= Date.parse(patched.since)
          ? { ...patched, state: s.state, since: s.since, reason: s.reason }
          : patched;
      });
      return changed ? next : old;
    });
    for (const id of new Set([...changes.keys(), ...statuses.keys()])) {
      if (queryClient.getQueryData(queryKeys.devices.detail(id)) !== undefined)
        void queryClient.invalidateQueries({ queryKey: queryKeys.devices.detail(id) });
    }
  }

  return {
    apply(entries) {
      const statuses = new Map<string, CameraStatus>();
      const events: AnalyticsEvent[] = [];
      const units = new Map<string, Unit>();
      const alerts = new Map<string, Alert>();
      const incidents = new Map<string, Incident>();
      const devices = new Map<string, DeviceHealthChange>();
      const violations = new Map<string, Violation>();
      for (const e of entries) {
        if (e.topic === 'alert.changed') alerts.set(e.data.id, e.data);
        if (e.topic === 'camera.status') statuses.set(e.data.cameraId, e.data);
        else if (e.topic === 'event.new') events.push(e.data);
        else if (e.topic === 'unit.changed') units.set(e.data.id, e.data);
        else if (e.topic === 'incident.changed') incidents.set(e.data.id, e.data);
        else if (e.topic === 'device.health') devices.set(e.data.deviceId, e.data);
        else if (e.topic === 'violation.new' || e.topic === 'violation.changed')
          violations.set(e.data.id, e.data);
      }
      if (statuses.size > 0 || devices.size > 0) patchDevices(statuses, devices);

      if (statuses.size > 0) {
        for (const [id, s] of statuses) latest.set(id, s);
        patchCameras(statuses, false);
        for (const [id, s] of statuses) {
          queryClient.setQueryData<Camera>(queryKeys.cameras.detail(id), (old) =>
            old ? { ...old, status: s } : old,
          );
        }
      }

      if (events.length > 0) {
        recentEvents.push(...events);
        recentEvents.splice(0, recentEvents.length - RECENT_EVENTS);
        patchEventLists(queryClient, events);
      }

      if (alerts.size > 0) {
        for (const [key, old] of queryClient.getQueriesData<Alert[]>({
          queryKey: queryKeys.alerts.lists(),
        })) {
          if (old) queryClient.setQueryData(key, patchAlertList(old, alerts, key[2]));
        }
        for (const [id, a] of alerts) {
          const key = queryKeys.alerts.detail(id);
          if (!queryClient.getQueryData<AlertDetail>(key)) continue;
          queryClient.setQueryData<AlertDetail>(key, (old) => (old ? { ...old, alert: a } : old));
          // The timeline grew too: refetched only where an alert is open on screen.
          void queryClient.invalidateQueries({ queryKey: key, refetchType: 'active' });
        }
        void queryClient.invalidateQueries({
          queryKey: queryKeys.alerts.notifications(),
          refetchType: 'active',
        });
      }

      if (violations.size > 0) patchViolations(queryClient, violations);

      if (units.size > 0) {
        queryClient.setQueryData<Unit[]>(queryKeys.units.list(), (old) => {
          if (!old) return old;
          const next = old.map((u) => units.get(u.id) ?? u);
          const known = new Set(old.map((u) => u.id));
          for (const [id, u] of units) if (!known.has(id)) next.push(u);
          return next;
        });
        // Which units are free changed: proposals for any open incident are stale.
        void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.allSuggestions() });
      }

      if (incidents.size > 0) {
        // Lists gain, replace or drop the incident by their scope (open / closed / all).
        for (const [key, old] of queryClient.getQueriesData<Incident[]>({
          queryKey: queryKeys.incidents.lists(),
        })) {
          if (!old) continue;
          const next = old.filter((i) => !incidents.has(i.id));
          for (const i of incidents.values()) if (inScope(key[2], i)) next.push(i);
          queryClient.setQueryData(key, next.sort(byUrgency));
        }
        for (const [id, i] of incidents) {
          queryClient.setQueryData<Incident>(queryKeys.incidents.detail(id), (old) => (old ? i : old));
          // The timeline is not in the entry: refetch it, only where it is on screen.
          void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.timeline(id) });
        }
      }
    },
    resync() {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryHash !== sessionHash });
    },
    caughtUp(at) {
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryHash !== sessionHash && (fetchStarted.get(q.queryHash) ?? at) < at,
      });
    },
    dispose() {
      unsubscribe();
      fetchStarted.clear();
      latest.clear();
      recentEvents.length = 0;
    },
  };
}

/** Newest by event time first (ties by id, as the BFF pages): a late event from a backlog lands where it belongs. */
const newestFirst = (a: AnalyticsEvent, b: AnalyticsEvent) =>
  a.ts === b.ts ? (a.id < b.id ? 1 : -1) : Date.parse(b.ts) - Date.parse(a.ts);

function merge(old: readonly AnalyticsEvent[], fresh: readonly AnalyticsEvent[]): AnalyticsEvent[] {
  const known = new Set(old.map((e) => e.id));
  const added = fresh.filter((e) => !known.has(e.id));
  return added.length === 0 ? [...old] : [...added, ...old].sort(newestFirst);
}

/**
 * New events go into every cached event list whose filter they match: a one-page list (`events.list`) keeps its
 * limit; a live feed (`events.feed`, infinite) grows its first page up to FEED_CAP, and past that drops its older
 * pages so the next "load older" continues from what is kept.
 */
function patchEventLists(queryClient: QueryClient, events: readonly AnalyticsEvent[]): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: queryKeys.events.all() })) {
    patchEventList(queryClient, query.queryKey, events);
  }
}

function patchEventList(
  queryClient: QueryClient,
  queryKey: readonly unknown[],
  events: readonly AnalyticsEvent[],
): void {
  const [, kind, filter, limit] = queryKey as [string, string, EventFilter, number?];
  const matching = events.filter((e) => eventMatches(filter, e));
  if (matching.length === 0 || queryClient.getQueryData(queryKey) === undefined) return;
  if (kind === 'list') {
    queryClient.setQueryData<EventPage>(queryKey, (old) =>
      old ? { ...old, events: merge(old.events, matching).slice(0, limit ?? old.events.length) } : old,
    );
  } else if (kind === 'feed') {
    queryClient.setQueryData<InfiniteData<EventPage, string | null>>(queryKey, (old) => {
      const first = old?.pages[0];
      if (!old || !first) return old;
      const head = merge(first.events, matching);
      if (head.length <= FEED_CAP)
        return { ...old, pages: [{ ...first, events: head }, ...old.pages.slice(1)] };
      const kept = head.slice(0, FEED_CAP);
      const last = kept[kept.length - 1]!;
      return {
        pages: [{ events: kept, next: `${last.ts}~${last.id}` }],
        pageParams: [old.pageParams[0] ?? null],
      };
    });
  }
}

/**
 * New violations and decisions patch every cached queue page: a violation enters the pages whose filter it
 * matches (by time), leaves those it no longer matches (a decision moved it to another status), and is replaced
 * where it stays. Counts and an open detail are refetched: they are one small request each, per batch.
 */
function patchViolations(queryClient: QueryClient, changed: ReadonlyMap<string, Violation>): void {
  for (const [key, page] of queryClient.getQueriesData<ViolationPage>({
    queryKey: queryKeys.violations.lists(),
  })) {
    if (!page) continue;
    const filter = (key[2] ?? {}) as {
      status?: string;
      type?: string;
      limit?: number;
      area?: string;
      road?: string;
      camera?: string;
      from?: string;
      to?: string;
    };
    // A dashboard drill-down (place, days) is a fixed set of records: decisions update them, newcomers stay out.
    const drillDown = Boolean(filter.area || filter.road || filter.camera || filter.from || filter.to);
    let items = page.items;
    for (const v of changed.values()) {
      const matches =
        (!filter.status || v.status === filter.status) && (!filter.type || v.type === filter.type);
      const at = items.findIndex((x) => x.id === v.id);
      if (at >= 0)
        items = matches ? items.map((x) => (x.id === v.id ? v : x)) : items.filter((x) => x.id !== v.id);
      else if (matches && !drillDown)
        items = [...items, v].sort((a, b) => Date.parse(b.ts) - Date.parse(a.ts) || b.id.localeCompare(a.id));
    }
    if (items !== page.items)
      queryClient.setQueryData<ViolationPage>(key, {
        ...page,
        items: items.slice(0, filter.limit ?? items.length),
      });
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.violations.counts() });
  for (const id of changed.keys())
    void queryClient.invalidateQueries({ queryKey: queryKeys.violations.detail(id) });
}
