import type { LogEntry, Replay } from '../schemas/live';
import type { UnitPositionFrame } from '../schemas/unit';
import type { ApiErrorBody } from '../schemas/common';

/**
 * Socket.io events the BFF emits. Names are `domain:action`. `log:entries` carries durable entries, coalesced
 * into batches for high-rate topics; `unit:positions` is ephemeral telemetry (not in the log: a reconnecting
 * console refetches units instead of replaying thousands of GPS fixes).
 */
export interface ServerToClientEvents {
  'log:replay': (replay: Replay) => void;
  'log:entries': (entries: LogEntry[]) => void;
  'unit:positions': (frames: UnitPositionFrame[]) => void;
  'session:ended': (reason: 'logout' | 'expired' | 'revoked') => void;
  'error:input': (error: ApiErrorBody['error']) => void;
}

/** Socket.io events the console may send. Every payload is validated by the BFF. */
export interface ClientToServerEvents {
  'live:ping': (ack: (serverTime: string) => void) => void;
}

/** Name of the cookie the BFF reads the session from, also for the socket handshake. */
export const SESSION_COOKIE = 'c2_sid';
/** Double-submit CSRF cookie; its value must be echoed in the header below on every mutation. */
export const CSRF_COOKIE = 'c2_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SOCKET_PATH = '/socket.io';
