import { io, type Socket } from 'socket.io-client';
import type { QueryClient } from '@tanstack/react-query';
import {
  SOCKET_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@c2/api-client/realtime/events';
import { createLiveCache } from './live-cache';
import { createLiveDeltas } from './live-deltas';
import { createLiveLog } from './live-log';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';
/** Why the server ended the session; a refused cookie counts as expired. */
export type SessionEndReason = 'logout' | 'expired' | 'revoked';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

export interface LiveConnectionOptions {
  queryClient: QueryClient;
  /** The server ended the session (logout elsewhere, expiry, revocation) or refused the cookie. */
  onSessionEnded: (reason: SessionEndReason) => void;
}

/**
 * The console's one socket: authenticated by the session cookie, resumes from the last applied seq on every
 * (re)connect, and exposes its state for the header badge (useSyncExternalStore-compatible).
 *
 * socket.io's manager retries lost transports by itself, but not a connection the server refused in its
 * middleware (e.g. the database was briefly unavailable) or closed on purpose; those are retried here with the
 * same capped, jittered backoff, unless the session is over.
 */
export function createLiveConnection(options: LiveConnectionOptions) {
  const { queryClient } = options;
  const log = createLiveLog();
  const deltas = createLiveDeltas();
  const listeners = new Set<() => void>();
  let state: ConnectionState = 'connecting';
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  let cache: ReturnType<typeof createLiveCache> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retries = 0;
  let ended = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    listeners.forEach((l) => l());
  };

  const endSession = (reason: SessionEndReason) => {
    if (ended) return;
    ended = true;
    options.onSessionEnded(reason);
  };

  const scheduleRetry = () => {
    if (ended || retryTimer || !socket) return;
    const base = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** retries++);
    retryTimer = setTimeout(
      () => {
        retryTimer = null;
        if (!ended && socket && !socket.connected) {
          log.connecting();
          socket.connect();
        }
      },
      base * (0.5 + Math.random()),
    );
  };

  const onReconnectAttempt = () => log.connecting();

  const onNetworkChange = () => {
    if (!navigator.onLine) setState('offline');
    else if (socket && !socket.connected && !ended) {
      setState('reconnecting');
      // Back on the network: connect now, not when socket.io's backoff (by then up to 10 s) comes round.
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      retries = 0;
      log.connecting();
      socket.disconnect();
      socket.connect();
    }
  };

  return {
    connect() {
      if (socket) return;
      ended = false;
      setState('connecting');
      log.connecting();
      const liveCache = (cache = createLiveCache(queryClient));
      const s = (socket = io({
        path: SOCKET_PATH,
        withCredentials: true,
        transports: ['websocket', 'polling'],
        reconnectionDelay: RETRY_MIN_MS,
        reconnectionDelayMax: RETRY_MAX_MS,
        randomizationFactor: 0.5,
        // A function, so every reconnect sends the seq applied by then.
        auth: (cb) => cb({ lastSeq: log.lastSeq() }),
      }));
      s.on('log:replay', (replay) => {
        retries = 0;
        const first = log.lastSeq() === null;
        const { apply, resync } = log.onReplay(replay);
        if (resync) liveCache.resync();
        else if (first) liveCache.caughtUp(Date.now());
        if (apply.length > 0) {
          liveCache.apply(apply);
          deltas.emitEntries(apply);
        }
        setState('live');
      });
      s.on('log:entries', (entries) => {
        const apply = log.onEntries(entries);
        if (apply.length > 0) {
          liveCache.apply(apply);
          deltas.emitEntries(apply);
        }
      });
      s.on('unit:positions', (frames) => deltas.emitUnitPositions(frames));
      s.on('session:ended', endSession);
      s.on('disconnect', (reason) => {
        log.connecting();
        if (ended) return;
        setState(navigator.onLine ? 'reconnecting' : 'offline');
        // The server closed this socket on purpose without ending the session: socket.io will not retry it.
        if (reason === 'io server disconnect') scheduleRetry();
      });
      s.io.on('reconnect_attempt', onReconnectAttempt);
      s.on('connect_error', (err) => {
        if (err.message === 'unauthorized') {
          endSession('expired');
          return;
        }
        setState(navigator.onLine ? 'reconnecting' : 'offline');
        // A refusal by the server's middleware is final for socket.io (`active` false): retry it ourselves.
        if (!s.active) scheduleRetry();
      });
      window.addEventListener('online', onNetworkChange);
      window.addEventListener('offline', onNetworkChange);
    },
    disconnect() {
      window.removeEventListener('online', onNetworkChange);
      window.removeEventListener('offline', onNetworkChange);
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      socket?.removeAllListeners();
      socket?.io.off('reconnect_attempt', onReconnectAttempt);
      socket?.disconnect();
      socket = null;
      cache?.dispose();
      cache = null;
      setState('connecting');
    },
    lastSeq: () => log.lastSeq(),
    /** Live batches for views that apply deltas themselves (see live-deltas.ts). */
    deltas: { onEntries: deltas.onEntries, onUnitPositions: deltas.onUnitPositions },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getState: () => state,
    /** Every batch of entries applied from now on (see `useLiveEntries`). */
  };
}
export type LiveConnection = ReturnType<typeof createLiveConnection>;
