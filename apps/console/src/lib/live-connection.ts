import { io, type Socket } from 'socket.io-client';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import {
  SOCKET_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@c2/api-client/realtime/events';
import type { LogEntry } from '@c2/api-client/schemas/live';
import type { Camera, CameraState, CameraSummary } from '@c2/api-client/schemas/camera';
import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { Unit } from '@c2/api-client/schemas/unit';
import { createLiveLog } from './live-log';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

const RECENT_EVENTS_CAP = 500;

/**
 * Applies durable log entries to the TanStack Query cache: camera status patches the camera list and the summary
 * (by delta), new events are inserted by event time, unit changes replace the unit. Nothing is refetched here.
 */
export function applyEntries(queryClient: QueryClient, entries: LogEntry[]): void {
  const statuses = new Map<string, Extract<LogEntry, { topic: 'camera.status' }>['data']>();
  const events: AnalyticsEvent[] = [];
  const units = new Map<string, Unit>();
  for (const e of entries) {
    if (e.topic === 'camera.status') statuses.set(e.data.cameraId, e.data);
    else if (e.topic === 'event.new') events.push(e.data);
    else if (e.topic === 'unit.changed') units.set(e.data.id, e.data);
  }

  if (statuses.size > 0) {
    const list = queryClient.getQueryData<Camera[]>(queryKeys.cameras.list());
    if (list) {
      const delta: Record<CameraState, number> = { online: 0, offline: 0, degraded: 0 };
      const next = list.map((c) => {
        const s = statuses.get(c.id);
        if (!s || (s.state === c.status.state && s.since === c.status.since)) return c;
        delta[c.status.state]--;
        delta[s.state]++;
        return { ...c, status: s };
      });
      queryClient.setQueryData(queryKeys.cameras.list(), next);
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
      for (const [id, s] of statuses) {
        queryClient.setQueryData<Camera>(queryKeys.cameras.detail(id), (old) =>
          old ? { ...old, status: s } : old,
        );
      }
    } else {
      void queryClient.invalidateQueries({ queryKey: queryKeys.cameras.summary() });
    }
  }

  if (events.length > 0) {
    queryClient.setQueriesData<AnalyticsEvent[]>({ queryKey: queryKeys.events.all() }, (old) => {
      if (!old) return old;
      const known = new Set(old.map((e) => e.id));
      const merged = [...events.filter((e) => !known.has(e.id)), ...old];
      // Newest by event time first: a late event from an edge backlog lands where it belongs.
      merged.sort((a, b) => b.ts.localeCompare(a.ts));
      return merged.slice(0, Math.max(old.length, RECENT_EVENTS_CAP));
    });
  }

  if (units.size > 0) {
    queryClient.setQueryData<Unit[]>(queryKeys.units.list(), (old) => old?.map((u) => units.get(u.id) ?? u));
  }
}

/**
 * The console's one socket: authenticated by the session cookie, resumes from the last applied seq on every
 * (re)connect, and exposes its state for the header badge (useSyncExternalStore-compatible).
 */
export function createLiveConnection(options: { queryClient: QueryClient; onSessionEnded: () => void }) {
  const { queryClient } = options;
  const log = createLiveLog();
  const listeners = new Set<() => void>();
  let state: ConnectionState = 'connecting';
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    listeners.forEach((l) => l());
  };

  return {
    connect() {
      if (socket) return;
      setState('connecting');
      log.connecting();
      socket = io({
        path: SOCKET_PATH,
        withCredentials: true,
        transports: ['websocket', 'polling'],
        reconnectionDelay: 500,
        reconnectionDelayMax: 10_000,
        randomizationFactor: 0.5,
        // A function, so every reconnect sends the seq applied by then.
        auth: (cb) => cb({ lastSeq: log.lastSeq() }),
      });
      socket.on('log:replay', (replay) => {
        const { apply, resync } = log.onReplay(replay);
        if (resync) void queryClient.invalidateQueries();
        if (apply.length > 0) applyEntries(queryClient, apply);
        setState('live');
      });
      socket.on('log:entries', (entries) => {
        const apply = log.onEntries(entries);
        if (apply.length > 0) applyEntries(queryClient, apply);
      });
      socket.on('session:ended', () => options.onSessionEnded());
      socket.on('disconnect', () => {
        log.connecting();
        setState('reconnecting');
      });
      socket.io.on('reconnect_attempt', () => log.connecting());
      socket.on('connect_error', (err) => {
        if (err.message === 'unauthorized') {
          options.onSessionEnded();
          return;
        }
        setState(navigator.onLine ? 'reconnecting' : 'offline');
      });
    },
    disconnect() {
      socket?.removeAllListeners();
      socket?.disconnect();
      socket = null;
      setState('connecting');
    },
    lastSeq: () => log.lastSeq(),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
  };
}
export type LiveConnection = ReturnType<typeof createLiveConnection>;
