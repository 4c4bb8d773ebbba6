import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBff } from '../support/bff-process';
import { startPrivateMosquitto } from '../support/private-services';
import {
  audit,
  metric,
  mqttEdge,
  nativeEvent,
  pgliteCounts,
  publicCameras,
  readyStatus,
  sleep,
  trace,
  until,
} from './fault-kit';

/*
 * The MQTT broker restarts (upgrade, host reboot) while edge boxes publish. The BFF's consumers must reconnect by
 * themselves, ingestion must resume, and nothing may be stored (or raise anything) twice, although the broker
 * redelivers what was in flight when it went down.
 */
const run = randomUUID().slice(0, 8);
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

/**
 * Per-id counts that must be at most one, besides stored events and their log entries. The alert engine adds its
 * table here (one alert per event and rule), e.g. `alerts: 'SELECT event_id AS id, count(*)::int AS n FROM …'`.
 */
const ONCE_PER_EVENT: Record<string, string> = {};

describe('MQTT broker restart', () => {
  it('when the broker restarts while edge boxes publish, then consumers reconnect by themselves and every event is stored once', async () => {
    const broker = await startPrivateMosquitto({ persistence: true });
    cleanup.push(() => broker.dispose());
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2-fault-broker-'));
    cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
    const root = `broker-${run}`;
    const bff = await startBff({
      PGLITE_DIR: path.join(dir, 'pglite'),
      MQTT_URL: broker.url,
      MQTT_TOPIC_ROOT: root,
      MQTT_SHARE_GROUP: `broker-${run}`,
      MQTT_CONSUMERS: '4',
      LOG_LEVEL: process.env.FAULT_TRACE ? 'debug' : 'warn',
    });
    cleanup.push(() => bff.dispose());
    trace('BFF ready');
    const cameras = await publicCameras(bff.url);
    const edge = await mqttEdge(broker.url, root);
    cleanup.push(() => edge.close());

    let streaming = true;
    let sent = 0;
    const stream = (async () => {
      for (let i = 0; streaming; i++, sent++) {
        // Not awaited one by one: an edge box keeps producing while its broker is away (mqtt.js queues).
        void edge.publishAll([nativeEvent(`${root}-${i}`, cameras[i % cameras.length]!)]);
        await sleep(15);
      }
    })();

    await until('events flowing', () => edge.acked.size >= 100, 30_000);
    await broker.stop();
    trace(`broker stopped after ${edge.acked.size} acknowledged`);
    await until('the BFF reports the broker away', async () => (await readyStatus(bff.url)) === 503, 10_000);
    await sleep(1500);
    await broker.start();
    trace('broker started');
    await until(
      'consumers reconnected by themselves',
      async () => (await readyStatus(bff.url)) === 200,
      30_000,
    );
    const ackedAtReturn = edge.acked.size;
    await until('ingestion resumed', () => edge.acked.size >= ackedAtReturn + 100, 30_000).catch(
      (err: unknown) => {
        trace(
          bff
            .output()
            .split('\n')
            .filter((l) => /mqtt/.test(l))
            .slice(-40)
            .join('\n'),
        );
        throw err;
      },
    );
    trace(`resumed; ${edge.republished} publishes answered "no subscribers" and sent again`);
    streaming = false;
    await stream;
    await until('every publish acknowledged', () => edge.acked.size === sent, 30_000);
    trace(`${sent} published and acknowledged`);

    // Wait for the BFF to have taken in everything, then read its store (PGlite has one owner at a time).
    await until(
      'everything ingested',
      async () =>
        (await metric(bff.url, 'c2_analytics_events_ingested_total', 'outcome="stored"')) >= edge.acked.size,
      30_000,
    );
    expect(bff.running, bff.output()).toBe(true);
    await bff.stop();
    const result = audit(edge.acked, await pgliteCounts(path.join(dir, 'pglite'), ONCE_PER_EVENT));
    expect(result.missing).toEqual([]);
    expect(result.storedTwice).toEqual([]);
    expect(result.loggedTwice).toEqual([]);
    for (const [label, twice] of Object.entries(result.onceTwice)) expect(twice, label).toEqual([]);
  }, 120_000);
});
