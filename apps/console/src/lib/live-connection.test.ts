import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { Camera } from '@c2/api-client/schemas/camera';
import type { LogEntry, Replay } from '@c2/api-client/schemas/live';

type Handler = (...args: never[]) => void;

/** Just enough of a socket.io client socket to drive the connection from a test. */
class FakeSocket {
  handlers = new Map<string, Handler[]>();
  managerHandlers = new Map<string, Handler[]>();
  active = true;
  connected = false;
  connects = 0;
  constructor(readonly options: { auth: (cb: (data: object) => void) => void }) {}
  on(event: string, fn: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  io = {
    on: (event: string, fn: Handler) => {
      this.managerHandlers.set(event, [...(this.managerHandlers.get(event) ?? []), fn]);
    },
    off: () => undefined,
  };
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) (fn as (...a: unknown[]) => void)(...args);
  }
  /** What the server would receive as `socket.handshake.auth` now. */
  handshake(): object {
    let sent: object = {};
    this.options.auth((data) => (sent = data));
    return sent;
  }
  connect() {
    this.connects++;
  }
  disconnect() {
    this.connected = false;
  }
  removeAllListeners() {
    this.handlers.clear();
  }
}

let socket: FakeSocket;
vi.mock('socket.io-client', () => ({
  io: (options: ConstructorParameters<typeof FakeSocket>[0]) => (socket = new FakeSocket(options)),
}));
const { createLiveConnection } = await import('./live-connection');

const offline = (seq: number, cameraId: string): LogEntry => ({
  seq,
  ts: '2026-11-22T02:00:00.000Z',
  areaId: null,
  topic: 'camera.status',
  data: { cameraId, state: 'offline', since: '2026-11-22T02:00:00.000Z', reason: 'mất tín hiệu' },
});
const replay = (head: number, entries: LogEntry[] = [], complete = true): Replay => ({
  entries,
  head,
  complete,
});

let queryClient: QueryClient;
beforeEach(() => {
  queryClient = new QueryClient();
});
afterEach(() => {
  vi.useRealTimers();
});

function start() {
  const onSessionEnded = vi.fn();
  const connection = createLiveConnection({ queryClient, onSessionEnded });
  const states: string[] = [];
  connection.subscribe(() => states.push(connection.getState()));
  connection.connect();
  return { connection, onSessionEnded, states };
}

describe('live connection', () => {
  it('when it reconnects, then the handshake carries the last seq applied, not the first one', () => {
    const { connection, states } = start();
    expect(socket.handshake()).toEqual({ lastSeq: null });

    socket.emit('log:replay', replay(40));
    socket.emit('log:entries', [offline(41, 'cam-1'), offline(42, 'cam-2')]);
    socket.emit('disconnect', 'transport close');

    expect(socket.handshake()).toEqual({ lastSeq: 42 });
    socket.emit('log:replay', replay(42));
    expect(states).toEqual(['live', 'reconnecting', 'live']);
    connection.disconnect();
  });

  it('when a camera status arrives, then the cached camera list shows it', () => {
    queryClient.setQueryData(queryKeys.cameras.list(), [
      {
        id: 'cam-1',
        status: { cameraId: 'cam-1', state: 'online', since: '2026-11-22T01:00:00.000Z', reason: null },
      },
    ] as Camera[]);
    const { connection } = start();

    socket.emit('log:entries', [offline(11, 'cam-1')]); // before the replay: held back
    expect(queryClient.getQueryData<Camera[]>(queryKeys.cameras.list())?.[0]?.status.state).toBe('online');
    socket.emit('log:replay', replay(10));

    expect(queryClient.getQueryData<Camera[]>(queryKeys.cameras.list())?.[0]?.status.state).toBe('offline');
    connection.disconnect();
  });

  it('when the network comes back, then it reconnects at once instead of waiting out the backoff', () => {
    const { connection, states } = start();
    socket.emit('log:replay', replay(5));
    const onLine = vi.spyOn(navigator, 'onLine', 'get');
    onLine.mockReturnValue(false);
    socket.emit('disconnect', 'transport close');
    window.dispatchEvent(new Event('offline'));
    expect(connection.getState()).toBe('offline');

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(socket.connects).toBe(1);
    socket.emit('log:replay', replay(7));
    expect(states).toEqual(['live', 'offline', 'reconnecting', 'live']);
    onLine.mockRestore();
    connection.disconnect();
  });

  it('when the server refuses the socket for a passing reason, then it is retried; when the cookie is refused, the session ends', () => {
    vi.useFakeTimers();
    const { connection, onSessionEnded } = start();

    socket.active = false; // socket.io gives up after a middleware error
    socket.emit('connect_error', new Error('unavailable'));
    vi.advanceTimersByTime(1_000);
    expect(socket.connects).toBe(1);
    expect(onSessionEnded).not.toHaveBeenCalled();

    socket.emit('connect_error', new Error('unauthorized'));
    socket.emit('session:ended', 'revoked');
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    expect(onSessionEnded).toHaveBeenCalledWith('expired');
    connection.disconnect();
  });
});
