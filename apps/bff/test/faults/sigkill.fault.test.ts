import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type BffProcess } from '../support/bff-process';
import {
  startPrivateMosquitto,
  startPrivatePostgres,
  type PrivateService,
} from '../support/private-services';
import {
  INGEST_KEYS_ENV,
  audit,
  metric,
  sleep,
  trace,
  mqttEdge,
  nativeEvent,
  pgliteCounts,
  postgresCounts,
  publicCameras,
  until,
  webhookEdge,
  type StoreCounts,
} from './fault-kit';

/*
 * SIGKILL the BFF in the middle of an ingest burst (MQTT QoS 1 and the signed webhook), restart it, and check
 * that everything acknowledged before the kill (broker PUBACK to the edge box; webhook 200) is stored, and
 * nothing twice. Run on the embedded database (PGlite on disk) and on PostgreSQL.
 */
const run = randomUUID().slice(0, 8);
const MQTT_EVENTS = 1000;
const WEBHOOK_BATCHES = 45;
const BATCH = 10;

let broker: PrivateService;
let postgres: (PrivateService & { database: string }) | null = null;
const cleanup: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  broker = await startPrivateMosquitto();
  cleanup.push(() => broker.dispose());
});
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

/** Resolves once the BFF's ingest counters stop moving for two seconds. */
async function settled(baseUrl: string, timeoutMs: number): Promise<void> {
  let last = -1;
  let still = 0;
  await until(
    'ingestion settled',
    async () => {
      const text = await (await fetch(`${baseUrl}/metrics`)).text();
      const n = [...text.matchAll(/c2_analytics_events_ingested_total\{outcome="\w+"\} (\d+)/g)].reduce(
        (a, m) => a + Number(m[1]),
        0,
      );
      still = n === last && n > 0 ? still + 1 : 0;
      last = n;
      await new Promise((r) => setTimeout(r, 400));
      return still >= 4;
    },
    timeoutMs,
  );
}

async function burstKillRestart(
  label: string,
  env: Record<string, string>,
  readStore: () => Promise<StoreCounts>,
) {
  const root = `kill-${label}-${run}`;
  const bff: BffProcess = await startBff({
    ...env,
    MQTT_URL: broker.url,
    MQTT_TOPIC_ROOT: root,
    MQTT_SHARE_GROUP: `kill-${run}`,
    MQTT_CONSUMERS: '4',
    // MQTT_CLIENT_ID and MQTT_SESSION_EXPIRY_SECONDS keep their defaults (host and port; one hour): the restarted
    // process resumes the killed one's sessions because it has the same port.
    INGEST_KEYS: INGEST_KEYS_ENV,
  });
  cleanup.push(() => bff.dispose());
  trace(`${label}: BFF ready`);
  const cameras = await publicCameras(bff.url);
  const edge = await mqttEdge(broker.url, root);
  cleanup.push(() => edge.close());
  const hook = webhookEdge(() => bff.url);

  const mqttEvents = Array.from({ length: MQTT_EVENTS }, (_, i) =>
    nativeEvent(`${root}-m${i}`, cameras[i % cameras.length]!),
  );
  const batches = Array.from({ length: WEBHOOK_BATCHES }, (_, b) =>
    Array.from({ length: BATCH }, (_, i) => nativeEvent(`${root}-w${b}-${i}`, cameras[i % cameras.length]!)),
  );

  // The burst: the edge box keeps publishing through the kill (the broker queues for the dead consumers'
  // sessions); the webhook producer retries what was not answered 200, as a careful producer does.
  const publishing = edge.publishAll(mqttEvents, { window: 50, pace: 2 });
  const posting = (async () => {
    for (let b = 0; b < batches.length; b += 3) {
      await Promise.all(batches.slice(b, b + 3).map((batch) => hook.deliver(batch)));
      await sleep(100);
    }
  })();

  // Kill while both doors are busy (not by polling the BFF: on PGlite its event loop is too busy to answer).
  await until(
    'the burst under way',
    () => edge.acked.size >= MQTT_EVENTS / 4 && hook.acked.size >= 2 * BATCH,
    60_000,
  );
  await bff.kill();
  const ackedAtKill = { mqtt: edge.acked.size, webhook: hook.acked.size };
  trace(`${label}: killed with ${JSON.stringify(ackedAtKill)} acknowledged`);
  await bff.start();
  trace(`${label}: restarted`);
  await Promise.all([publishing, posting]);
  trace(`${label}: burst done`);

  expect(edge.acked.size).toBe(MQTT_EVENTS);
  expect(hook.acked.size).toBe(WEBHOOK_BATCHES * BATCH);
  // The webhook producer met the dead process: the kill came mid-burst.
  expect(hook.statuses.some((s) => s.status === 0)).toBe(true);

  // Everything the broker acknowledged is redelivered to the restarted instance's sessions and stored.
  const all = new Set([...edge.acked, ...hook.acked]);
  if (env.DATABASE_URL) {
    await until(
      'every acknowledged event in PostgreSQL',
      async () => audit(all, await readStore()).missing.length === 0,
      60_000,
    ).catch(
      () => undefined, // the audit below names what is missing
    );
  } else {
    // PGlite has one owner: wait until the consumers go quiet, stop the BFF, then read its directory.
    await settled(bff.url, 60_000);
  }
  // Work was left for the restarted process: it stored part of the burst itself.
  expect(await metric(bff.url, 'c2_analytics_events_ingested_total', 'outcome="stored"')).toBeGreaterThan(0);
  await bff.stop();
  trace(`${label}: stopped, auditing`);
  const result = audit(all, await readStore());
  expect(result.missing, `${result.missing.length} acknowledged events lost`).toEqual([]);
  expect(result.storedTwice).toEqual([]);
  expect(result.loggedTwice).toEqual([]);
  return ackedAtKill;
}

describe('SIGKILL of the BFF during an ingest burst', () => {
  it('when the embedded BFF is killed mid-burst and restarted, then every acknowledged event is stored once', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2-fault-kill-'));
    cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
    const pgliteDir = path.join(dir, 'pglite');
    await burstKillRestart('pglite', { PGLITE_DIR: pgliteDir }, () => pgliteCounts(pgliteDir));
  }, 150_000);

  it('when the BFF on PostgreSQL is killed mid-burst and restarted, then every acknowledged event is stored once', async () => {
    postgres = await startPrivatePostgres();
    const db = postgres;
    cleanup.push(() => db.dispose());
    const schema = `kill_${run}`;
    await burstKillRestart('pg', { DATABASE_URL: db.database, DATABASE_SCHEMA: schema }, () =>
      postgresCounts(db.database, schema),
    );
  }, 150_000);
});
