import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEntry } from '@c2/api-client/schemas/live';
import { startBff } from '../support/bff-process';
import { startPrivatePostgres, startPrivateRedis } from '../support/private-services';
import { liveClient, login } from '../support/test-server';
import {
  INGEST_KEYS_ENV,
  metric,
  nativeEvent,
  postSigned,
  publicCameras,
  sleep,
  trace,
  until,
} from './fault-kit';

/*
 * Two BFF instances share PostgreSQL and fan out through Redis; Redis stops for a while. Each instance must keep
 * serving its own consoles, consoles must not miss what the other instance ingested (it is in the durable log),
 * fan-out through Redis must resume by itself, nothing may show twice on a console, and no instance may buffer
 * without bound or crash.
 */
const run = randomUUID().slice(0, 8);
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

type Console = ReturnType<typeof liveClient>;

/** What a console shows: entries applied once per seq (the console drops a seq it has applied), by event id. */
function shown(console: Console): Map<string, number[]> {
  const seqs = new Map<number, LogEntry>();
  for (const e of console.received) seqs.set(e.seq, e);
  const byId = new Map<string, number[]>();
  for (const e of seqs.values()) {
    if (e.topic !== 'event.new') continue;
    const list = byId.get(e.data.id) ?? [];
    list.push(e.seq);
    byId.set(e.data.id, list);
  }
  return byId;
}

describe('Redis outage with two instances', () => {
  it('when Redis stops and returns, then each instance keeps its consoles live, nothing is missed or shown twice, and fan-out resumes', async () => {
    const postgres = await startPrivatePostgres();
    cleanup.push(() => postgres.dispose());
    const redis = await startPrivateRedis();
    cleanup.push(() => redis.dispose());
    const env = {
      DATABASE_URL: postgres.database,
      DATABASE_SCHEMA: `redis_${run}`,
      REDIS_URL: redis.url,
      INGEST_KEYS: INGEST_KEYS_ENV,
    };
    const a = await startBff(env);
    cleanup.push(() => a.dispose());
    const b = await startBff(env);
    cleanup.push(() => b.dispose());
    trace('two instances ready');
    const cameras = await publicCameras(a.url);

    const onA = liveClient(a.url, (await login(a.url, 'operator')).cookie);
    const onB = liveClient(b.url, (await login(b.url, 'operator')).cookie);
    await Promise.all([onA.ready, onB.ready]);
    cleanup.push(async () => {
      onA.socket.close();
      onB.socket.close();
    });

    let n = 0;
    const post = async (url: string, tag: string, count: number) => {
      const events = Array.from({ length: count }, () =>
        nativeEvent(`${tag}-${run}-${n++}`, cameras[n % cameras.length]!),
      );
      const answer = await postSigned(url, JSON.stringify(events));
      expect(answer.status).toBe(200);
      return events.map((e) => e.id);
    };
    const sees = (c: Console, ids: string[]) => ids.every((id) => shown(c).has(id));

    // Healthy: what either instance ingests reaches consoles on both.
    const before = [...(await post(a.url, 'a0', 5)), ...(await post(b.url, 'b0', 5))];
    await until('both consoles see the healthy events', () => sees(onA, before) && sees(onB, before), 10_000);

    await redis.stop();
    trace('Redis stopped');
    await until(
      'both instances notice',
      async () =>
        (await metric(a.url, 'c2_live_fanout_degraded')) === 1 &&
        (await metric(b.url, 'c2_live_fanout_degraded')) === 1,
      15_000,
    );

    // Outage: each instance still serves its own consoles at once; the other's events come from the log.
    const duringA: string[] = [];
    const duringB: string[] = [];
    for (let i = 0; i < 10; i++) {
      duringA.push(...(await post(a.url, 'a1', 20)));
      duringB.push(...(await post(b.url, 'b1', 20)));
      await sleep(100);
    }
    await until(
      'own consoles served during the outage',
      () => sees(onA, duringA) && sees(onB, duringB),
      10_000,
    );
    await until(
      "the other instance's events reach consoles during the outage",
      () => sees(onA, duringB) && sees(onB, duringA),
      10_000,
    );
    // Messages for the other instance were dropped and counted, not queued for a Redis that is not there.
    expect(await metric(a.url, 'c2_live_fanout_dropped_total')).toBeGreaterThan(0);
    expect(await metric(b.url, 'c2_live_fanout_from_db_total')).toBeGreaterThan(0);

    await redis.start();
    trace('Redis started');
    await until(
      'both instances back on Redis',
      async () =>
        (await metric(a.url, 'c2_live_fanout_degraded')) === 0 &&
        (await metric(b.url, 'c2_live_fanout_degraded')) === 0,
      30_000,
    );

    // Redis fan-out resumed: the log is no longer read, and cross-instance events still arrive.
    const fromDb = await metric(b.url, 'c2_live_fanout_from_db_total');
    const after = [...(await post(a.url, 'a2', 5)), ...(await post(b.url, 'b2', 5))];
    await until(
      'both consoles see events after recovery',
      () => sees(onA, after) && sees(onB, after),
      10_000,
    );
    expect(await metric(b.url, 'c2_live_fanout_from_db_total')).toBe(fromDb);

    // Every event shown on every console, each under one seq only.
    const all = [...before, ...duringA, ...duringB, ...after];
    for (const c of [onA, onB]) {
      const view = shown(c);
      expect(all.filter((id) => !view.has(id))).toEqual([]);
      expect([...view].filter(([, seqs]) => seqs.length > 1)).toEqual([]);
    }
    expect(a.running && b.running).toBe(true);
    for (const p of [a, b]) expect(p.output()).not.toMatch(/unhandled|uncaught|"level":60/);
  }, 120_000);
});
