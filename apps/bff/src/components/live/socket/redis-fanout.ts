import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from '../../../platform/logger';
import type { Metrics } from '../../../platform/metrics';
import type { EventLog } from '../domain/event-log';
import type { LiveGateway } from './live-gateway';

type RedisClient = ReturnType<typeof createClient>;

export interface RedisFanoutOptions {
  url: string;
  /** Channel prefix; the instances of one deployment share it. */
  key: string;
  gateway: Pick<LiveGateway, 'io' | 'deliverLocally'>;
  eventLog: Pick<EventLog, 'onAppended' | 'tail' | 'firstSeqSince'>;
  metrics: Metrics;
  logger: Logger;
  /** How often the log is read while Redis is away. */
  pollMs?: number;
  /** How long reading goes on after Redis is back, to cover other instances that reconnect later. */
  graceMs?: number;
  /** How far back the first read reaches: what was in flight through Redis when it went away. */
  lookBackMs?: number;
}

const READ_BATCH = 1000;
/** The look-back scans at most this many of the newest entries. */
const LOOK_BACK_ROWS = 50_000;

/**
 * socket.io fan-out across BFF instances through Redis, built to ride through a Redis outage:
 *
 * - Nothing is buffered for Redis: a message for other instances while Redis is unreachable is dropped and
 *   counted (node-redis would otherwise queue every publish in memory, without bound, and the adapter leaves the
 *   failed promises unhandled). Local sockets are served either way: the adapter delivers locally regardless.
 * - While the link is down, the durable event log stands in for Redis: the instance reads what others appended
 *   and delivers it to its own consoles (a few hundred ms later than Redis would). So consoles on every instance
 *   keep receiving everything, and nothing is lost to the outage. Entries that arrive twice (through the log
 *   and through Redis around the switch-over) carry the same seq, which the console applies once.
 * - Reading stops a grace period after the link is back.
 */
export async function startRedisFanout(options: RedisFanoutOptions) {
  const { gateway, eventLog, metrics, logger } = options;
  const pollMs = options.pollMs ?? 500;
  const graceMs = options.graceMs ?? 5000;
  const lookBackMs = options.lookBackMs ?? 3000;

  const pub: RedisClient = createClient({ url: options.url, disableOfflineQueue: true });
  // The subscriber keeps its offline queue: its SUBSCRIBE commands wait for the connection, and node-redis
  // subscribes again by itself after a reconnect.
  const sub: RedisClient = pub.duplicate({ disableOfflineQueue: false });

  let degraded = false;
  let recoveryTimer: NodeJS.Timeout | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let closed = false;
  /** Last seq read from the log (null: not located yet). */
  let cursor: number | null = null;
  let degradedSince = 0;
  /** Seqs this instance appended while degraded: its own sockets already have them. */
  const own = new Set<number>();

  const offAppended = eventLog.onAppended((items) => {
    if (degraded) for (const i of items) own.add(i.entry.seq);
  });

  async function readLog(): Promise<void> {
    if (cursor === null) {
      const first = await eventLog.firstSeqSince(new Date(degradedSince - lookBackMs), LOOK_BACK_ROWS);
      if (first === null) return; // nothing written since: try again on the next tick
      cursor = first - 1;
    }
    for (;;) {
      const items = await eventLog.tail(cursor, READ_BATCH);
      if (items.length === 0) return;
      cursor = items[items.length - 1]!.entry.seq;
      const foreign = items.filter((i) => !own.has(i.entry.seq));
      for (const s of own) if (s <= cursor) own.delete(s);
      if (foreign.length > 0) {
        gateway.deliverLocally(foreign);
        metrics.fanoutFromDb.inc(foreign.length);
      }
      if (items.length < READ_BATCH) return;
    }
  }

  function schedulePoll(): void {
    if (pollTimer || closed) return;
    pollTimer = setTimeout(() => {
      pollTimer = null;
      if (!degraded) return;
      readLog()
        .catch((err: unknown) => logger.warn({ err }, 'live fan-out: reading the log failed'))
        .finally(() => {
          if (degraded) schedulePoll();
        });
    }, pollMs);
  }

  function onLink(): void {
    if (closed) return;
    const up = pub.isReady && sub.isReady;
    if (!up) {
      if (recoveryTimer) clearTimeout(recoveryTimer);
      recoveryTimer = null;
      if (degraded) return;
      degraded = true;
      degradedSince = Date.now();
      cursor = null;
      own.clear();
      metrics.fanoutDegraded.set(1);
      logger.warn('live fan-out: Redis unreachable; delivering other instances’ entries from the database');
      schedulePoll();
      return;
    }
    if (degraded && !recoveryTimer) {
      recoveryTimer = setTimeout(() => {
        recoveryTimer = null;
        degraded = false;
        metrics.fanoutDegraded.set(0);
        logger.info('live fan-out: Redis is back');
      }, graceMs);
    }
  }

  for (const client of [pub, sub]) {
    // Errors repeat on every reconnection attempt; the state change is what is logged (in onLink).
    client.on('error', onLink);
    client.on('reconnecting', onLink);
    client.on('end', onLink);
    client.on('ready', onLink);
  }
  await Promise.all([pub.connect(), sub.connect()]);

  // The adapter calls `publish` and drops the promise: guard it so an unreachable Redis costs nothing.
  const guardedPub = new Proxy(pub, {
    get(target, prop, receiver) {
      if (prop === 'publish') {
        return (channel: string, message: string | Buffer) => {
          if (!target.isReady) {
            metrics.fanoutDropped.inc();
            return Promise.resolve(0);
          }
          return target.publish(channel, message).catch(() => {
            metrics.fanoutDropped.inc();
            return 0;
          });
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  gateway.io.adapter(createAdapter(guardedPub, sub, { key: options.key }));

  return {
    /** True while this instance delivers other instances' entries from the database. */
    degraded: () => degraded,
    async close(): Promise<void> {
      closed = true;
      offAppended();
      if (pollTimer) clearTimeout(pollTimer);
      if (recoveryTimer) clearTimeout(recoveryTimer);
      await Promise.all(
        [pub, sub].map((c) => (c.isReady ? c.close() : Promise.resolve(c.destroy())).catch(() => undefined)),
      );
    },
  };
}
export type RedisFanout = Awaited<ReturnType<typeof startRedisFanout>>;
