import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { Camera, CameraState, CameraStatus, CameraSummary } from '@c2/api-client/schemas/camera';
import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { LogEntry } from '@c2/api-client/schemas/live';
import type { Unit } from '@c2/api-client/schemas/unit';

/** How many events a recent-events list keeps when its key does not name a limit. */
const RECENT_EVENTS_CAP = 500;

export interface LiveCache {
  /** Applies entries (already deduplicated and in seq order) to the query cache. */
  apply(entries: readonly LogEntry[]): void;
  /** The live log lost track (incomplete replay): refetch every server-state query instead of patching. */
  resync(): void;
  dispose(): void;
}

const isNewer = (a: CameraStatus, b: CameraStatus) => Date.parse(a.since) > Date.parse(b.since);

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

  function patchCameras(statuses: ReadonlyMap<string, CameraStatus>, onlyNewer: boolean): void {
    const list = queryClient.getQueryData<Camera[]>(queryKeys.cameras.list());
    if (!list) {
      // Without the list the previous states are unknown, so the summary cannot be patched by delta.
      void queryClient.invalidateQueries({ queryKey: queryKeys.cameras.summary() });
      return;
    }
    const delta: Record<CameraState, number> = { online: 0, offline: 0, degraded: 0 };
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

  // A list that arrives from the network (not from setQueryData) gets the newer live statuses laid over it.
  const listHash = JSON.stringify(queryKeys.cameras.list());
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
    if (event.query.queryHash !== listHash || latest.size === 0) return;
    // Outside the cache's notification, so the patch is a write of its own.
    queueMicrotask(() => patchCameras(latest, true));
  });

  return {
    apply(entries) {
      const statuses = new Map<string, CameraStatus>();
      const events: AnalyticsEvent[] = [];
      const units = new Map<string, Unit>();
      for (const e of entries) {
        if (e.topic === 'camera.status') statuses.set(e.data.cameraId, e.data);
        else if (e.topic === 'event.new') events.push(e.data);
        else if (e.topic === 'unit.changed') units.set(e.data.id, e.data);
      }

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
        for (const [key, old] of queryClient.getQueriesData<AnalyticsEvent[]>({
          queryKey: queryKeys.events.all(),
        })) {
          if (!old) continue;
          // ['events', 'camera', id, limit] lists one camera's events; ['events', 'recent', limit] all of them.
          const cameraId = key[1] === 'camera' && typeof key[2] === 'string' ? key[2] : null;
          const limitAt = cameraId === null ? key[2] : key[3];
          const limit = typeof limitAt === 'number' ? limitAt : RECENT_EVENTS_CAP;
          const known = new Set(old.map((e) => e.id));
          const fresh = events.filter(
            (e) => !known.has(e.id) && (cameraId === null || e.cameraId === cameraId),
          );
          if (fresh.length === 0) continue;
          const merged = [...fresh, ...old];
          // Newest by event time first: a late event from an edge backlog lands where it belongs.
          merged.sort((a, b) => Date.parse(b.ts) - Date.parse(a.ts));
          queryClient.setQueryData(key, merged.slice(0, limit));
        }
      }

      if (units.size > 0) {
        queryClient.setQueryData<Unit[]>(queryKeys.units.list(), (old) => {
          if (!old) return old;
          const next = old.map((u) => units.get(u.id) ?? u);
          const known = new Set(old.map((u) => u.id));
          for (const [id, u] of units) if (!known.has(id)) next.push(u);
          return next;
        });
      }
    },
    resync() {
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryHash !== JSON.stringify(queryKeys.session()),
      });
    },
    dispose() {
      unsubscribe();
      latest.clear();
    },
  };
}
