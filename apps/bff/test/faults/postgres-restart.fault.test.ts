import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startBff } from '../support/bff-process';
import { startPrivateMosquitto, startPrivatePostgres } from '../support/private-services';
import {
  INGEST_KEYS_ENV,
  audit,
  mqttEdge,
  nativeEvent,
  postgresCounts,
  publicCameras,
  sleep,
  trace,
  until,
  webhookEdge,
} from './fault-kit';

/*
 * PostgreSQL restarts (an operator's `pg_ctl restart`, a failover) while events stream in over MQTT and the
 * webhook. The BFF must say it is not ready, refuse webhook batches with 503 + Retry-After (not 500), hold MQTT
 * messages unacknowledged and retry them, and come back by itself, with everything accepted stored once.
 */
const run = randomUUID().slice(0, 8);
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

describe('PostgreSQL restart under load', () => {
  it('when the database restarts under load, then the BFF reports not-ready, answers 503 with Retry-After, recovers by itself and loses nothing', async () => {
    const postgres = await startPrivatePostgres();
    cleanup.push(() => postgres.dispose());
    const broker = await startPrivateMosquitto();
    cleanup.push(() => broker.dispose());
    const schema = `pgrestart_${run}`;
    const root = `pgrestart-${run}`;
    const bff = await startBff({
      DATABASE_URL: postgres.database,
      DATABASE_SCHEMA: schema,
      MQTT_URL: broker.url,
      MQTT_TOPIC_ROOT: root,
      MQTT_SHARE_GROUP: `pgrestart-${run}`,
      MQTT_CONSUMERS: '4',
      INGEST_KEYS: INGEST_KEYS_ENV,
    });
    cleanup.push(() => bff.dispose());
    trace('BFF ready');
    const cameras = await publicCameras(bff.url);
    const edge = await mqttEdge(broker.url, root);
    cleanup.push(() => edge.close());
    const hook = webhookEdge(() => bff.url);

    // Load: a steady MQTT stream, webhook batches, and a probe reading /readyz, until told to stop.
    let loading = true;
    const ready: Array<{ at: number; status: number }> = [];
    const probe = (async () => {
      while (loading) {
        const status = await fetch(`${bff.url}/readyz`)
          .then((r) => r.status)
          .catch(() => 0);
        ready.push({ at: Date.now(), status });
        await sleep(200);
      }
    })();
    const streaming = (async () => {
      for (let i = 0; loading; i++) {
        await edge.publishAll([nativeEvent(`${root}-m${i}`, cameras[i % cameras.length]!)]);
        await sleep(10);
      }
    })();
    const posting = (async () => {
      for (let b = 0; loading; b++) {
        const batch = Array.from({ length: 5 }, (_, i) =>
          nativeEvent(`${root}-w${b}-${i}`, cameras[(b + i) % cameras.length]!),
        );
        await hook.deliver(batch, 300);
        await sleep(50);
      }
    })();

    await until('load flowing', () => hook.acked.size >= 50 && edge.acked.size >= 50, 30_000);
    const downAt = Date.now();
    await postgres.stop();
    trace('PostgreSQL stopped');
    await until('readyz says not ready', () => ready.some((r) => r.at > downAt && r.status === 503), 15_000);
    await until(
      'a webhook batch refused while the database is away',
      () => hook.statuses.some((s) => s.status === 503),
      15_000,
    );
    await sleep(2000);
    const upAt = Date.now();
    await postgres.start();
    trace('PostgreSQL started');
    await until(
      'readyz ready again, by itself',
      () => ready.some((r) => r.at > upAt && r.status === 200),
      30_000,
    );
    trace('BFF ready again');
    const ackedAfter = hook.acked.size;
    await until('webhook batches accepted again', () => hook.acked.size > ackedAfter + 20, 30_000);
    loading = false;
    await Promise.all([probe, streaming, posting]);
    trace(`load stopped: ${edge.acked.size} MQTT, ${hook.acked.size} webhook acknowledged`);

    // The producers saw what a careful client can act on: 503 with Retry-After, never a 500.
    const refused = hook.statuses.filter((s) => s.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((s) => s.status !== 503)).toEqual([]);
    expect(refused.every((s) => Number(s.retryAfter) > 0)).toBe(true);
    expect(bff.running).toBe(true);

    const all = new Set([...edge.acked, ...hook.acked]);
    await until(
      'every acknowledged event stored',
      async () => audit(all, await postgresCounts(postgres.database, schema)).missing.length === 0,
      30_000,
    ).catch(() => undefined); // the audit below names what is missing
    const result = audit(all, await postgresCounts(postgres.database, schema));
    expect(result.missing, `${result.missing.length} accepted events lost`).toEqual([]);
    expect(result.storedTwice).toEqual([]);
    expect(result.loggedTwice).toEqual([]);
    // Nothing crashed or threw unhandled while the database was away.
    expect(bff.output()).not.toMatch(/unhandled|uncaught|"level":60/);
  }, 120_000);
});
