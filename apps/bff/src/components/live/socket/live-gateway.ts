import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@c2/api-client/realtime/events';
import { SOCKET_PATH } from '@c2/api-client/realtime/events';
import { liveHandshakeSchema, type LogEntry } from '@c2/api-client/schemas/live';
import type { UnitPositionFrame } from '@c2/api-client/schemas/unit';
import type { Logger } from '../../../platform/logger';
import type { Metrics } from '../../../platform/metrics';
import { recordKey, type EventLog, type Appended } from '../domain/event-log';
import type { Audience } from '../domain/audience';
import {
  positionRoomsForAudience,
  positionRoomsForEntry,
  roomsForAudience,
  roomsForEntry,
} from '../domain/audience';

/** Who a socket belongs to, as the auth component resolves it from the session cookie. */
export interface SocketIdentity {
  userId: string;
  sessionKey: string;
  audience: Audience;
}

interface SocketData {
  identity: SocketIdentity;
}

export interface LiveGatewayOptions {
  httpServer: HttpServer;
  eventLog: EventLog;
  authenticate: (cookieHeader: string | undefined) => Promise<SocketIdentity | null>;
  /** Origins a browser socket may come from; undefined: same host only. */
  allowedOrigin: string | undefined;
  batchMs: number;
  replayLimit: number;
  logger: Logger;
  metrics: Metrics;
}

type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * The socket.io side of the live backbone: authenticates at connect, joins the rooms the user's permissions and
 * jurisdiction allow, replays what a reconnecting console missed, and pushes new log entries to rooms.
 */
export function createLiveGateway(options: LiveGatewayOptions) {
  const { eventLog, logger, metrics } = options;
  const io: LiveServer = new Server(options.httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Only the console's own origin may open a socket: the session cookie would otherwise ride along.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin) return callback(null, true);
      const ok = options.allowedOrigin
        ? origin === options.allowedOrigin
        : sameHost(origin, req.headers.host);
      callback(ok ? null : 'origin not allowed', ok);
    },
  });

  io.use((socket, next) => {
    options
      .authenticate(socket.handshake.headers.cookie)
      .then((identity) => {
        if (!identity) return next(new Error('unauthorized'));
        socket.data.identity = identity;
        next();
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'socket authentication failed');
        next(new Error('unavailable'));
      });
  });

  io.on('connection', (socket) => {
    metrics.sockets.inc();
    socket.on('disconnect', () => metrics.sockets.dec());
    onConnection(socket).catch((err: unknown) => {
      logger.error({ err }, 'live connection setup failed');
      socket.disconnect(true);
    });
  });

  async function onConnection(socket: LiveSocket): Promise<void> {
    const { identity } = socket.data;
    const handshake = liveHandshakeSchema.safeParse({ lastSeq: null, ...(socket.handshake.auth as object) });
    let lastSeq: number | null = null;
    if (handshake.success) lastSeq = handshake.data.lastSeq;
    else {
      metrics.badInput.inc({ source: 'socket' });
      socket.emit('error:input', {
        code: 'bad_request',
        message: 'Invalid handshake: lastSeq must be a non-negative integer or null; starting without resume',
        fields: { lastSeq: handshake.error.issues[0]?.message ?? 'invalid' },
      });
    }
    // Join before reading the log: whatever commits after the read arrives live, so nothing falls in between.
    // The console merges the replay with live entries that overtake it, by seq.
    await socket.join([
      `session:${identity.sessionKey}`,
      ...roomsForAudience(identity.audience),
      ...positionRoomsForAudience(identity.audience),
    ]);
    const replay =
      lastSeq === null
        ? { entries: [], head: await eventLog.head(), complete: true }
        : await eventLog.replay(lastSeq, identity.audience, options.replayLimit);
    socket.emit('log:replay', replay);

    socket.on('live:ping', (ack) => {
      if (typeof ack !== 'function') {
        metrics.badInput.inc({ source: 'socket' });
        return;
      }
      ack(new Date().toISOString());
    });
  }

  // Per-room outgoing batches for coalesced topics, flushed every window.
  const pending = new Map<string, Map<string, LogEntry>>();
  let flushTimer: NodeJS.Timeout | null = null;
  const positions = new Map<string, Map<string, UnitPositionFrame>>();
  let positionTimer: NodeJS.Timeout | null = null;

  function emitToRoom(room: string, entries: LogEntry[]): void {
    io.to(room).emit('log:entries', entries);
    metrics.liveEmitted.inc();
  }

  function flush(): void {
    flushTimer = null;
    for (const [room, byKey] of pending) emitToRoom(room, [...byKey.values()]);
    pending.clear();
  }

  /**
   * Entries another instance appended, read back from the log while Redis is away: for this instance's own
   * sockets only (`local`), sent at once (no coalescing), and harmless if one also arrives through Redis: the
   * console drops a seq it has applied.
   */
  function deliverLocally(items: Appended[]): void {
    const byRoom = new Map<string, LogEntry[]>();
    for (const { entry, tier } of items) {
      for (const room of roomsForEntry(entry.topic, tier, entry.areaId)) {
        let list = byRoom.get(room);
        if (!list) byRoom.set(room, (list = []));
        list.push(entry);
      }
    }
    for (const [room, entries] of byRoom) {
      io.local.to(room).emit('log:entries', entries);
      metrics.liveEmitted.inc();
    }
  }

  function onAppended(items: Appended[]): void {
    const immediate = new Map<string, LogEntry[]>();
    for (const { entry, tier, coalesceKey } of items) {
      const rooms = roomsForEntry(entry.topic, tier, entry.areaId);
      for (const room of rooms) {
        // Changes that arrive at high rate carry a key: one message per room per window, the newest per key.
        if (coalesceKey !== undefined) {
          let byKey = pending.get(room);
          if (!byKey) pending.set(room, (byKey = new Map()));
          byKey.delete(coalesceKey); // re-insert keeps the batch in seq order
          byKey.set(coalesceKey, entry);
        } else {
          // Pushed at once, it is newer than a coalesced entry about the same record still waiting: drop that one.
          const id = (entry.data as { id?: unknown }).id;
          if (typeof id === 'string') pending.get(room)?.delete(recordKey(entry.topic, id));
          let list = immediate.get(room);
          if (!list) immediate.set(room, (list = []));
          list.push(entry);
        }
      }
    }
    for (const [room, entries] of immediate) emitToRoom(room, entries);
    if (pending.size > 0 && !flushTimer) flushTimer = setTimeout(flush, options.batchMs);
  }
  const unsubscribe = eventLog.onAppended(onAppended);

  function flushPositions(): void {
    positionTimer = null;
    for (const [room, frames] of positions) {
      io.to(room).emit('unit:positions', [...frames.values()]);
      metrics.liveEmitted.inc();
    }
    positions.clear();
  }

  return {
    io,
    deliverLocally,
    /** Ephemeral unit positions: the newest fix per unit per window reaches each room once. */
    pushPositions(fixes: readonly { areaId: string; frame: UnitPositionFrame }[]): void {
      for (const { areaId, frame } of fixes) {
        for (const room of positionRoomsForEntry(areaId)) {
          let byUnit = positions.get(room);
          if (!byUnit) positions.set(room, (byUnit = new Map()));
          byUnit.set(frame[0], frame);
        }
      }
      if (positions.size > 0 && !positionTimer)
        positionTimer = setTimeout(flushPositions, options.batchMs * 2);
    },
    /** Ends every socket of a session (logout, revocation). */
    endSession(sessionKey: string, reason: 'logout' | 'expired' | 'revoked'): void {
      const room = `session:${sessionKey}`;
      io.to(room).emit('session:ended', reason);
      io.in(room).disconnectSockets(true);
    },
    async close(): Promise<void> {
      unsubscribe();
      if (flushTimer) clearTimeout(flushTimer);
      if (positionTimer) clearTimeout(positionTimer);
      flush();
      await io.close();
    },
  };
}
export type LiveGateway = ReturnType<typeof createLiveGateway>;

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
