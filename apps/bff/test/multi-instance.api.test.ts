import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import mqtt from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/platform/config';
import { dropSchema, eventually, liveClient, login, PASSWORD } from './support/test-server';

// Two real BFF processes on one PostgreSQL, Redis and Mosquitto: what a load-balanced deployment runs.
const { DATABASE_URL, TEST_REDIS_URL, TEST_MQTT_URL } = process.env;
const ready = Boolean(DATABASE_URL && TEST_REDIS_URL && TEST_MQTT_URL);
const run = randomUUID().slice(0, 8);
const schema = `t_multi_${run}`;
const children: ChildProcess[] = [];

afterAll(async () => {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
  if (ready) await dropSchema(schema);
});

async function startProcess(port: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'apps/bff/src/main.ts')], {
    cwd: path.join(REPO_ROOT, 'apps/bff'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL: TEST_REDIS_URL,
      MQTT_URL: TEST_MQTT_URL,
      MQTT_SHARE_GROUP: `multi-${run}`,
      MQTT_TOPIC_ROOT: `test-${run}`,
      MQTT_CONSUMERS: '2',
      // Sessions on the machine's shared broker: named by this run, and gone a minute after the test.
      MQTT_CLIENT_ID: `multi-${run}-${port}`,
      MQTT_SESSION_EXPIRY_SECONDS: '60',
      SIM_CAMERAS: '60',
      SIM_UNITS: '2',
      SIM_EVENTS_PER_MINUTE: '0',
      SIM_FAULTS: 'false',
      SEED_PASSWORD: PASSWORD,
      // The test signs the seeded investigator in on both instances within one 30-second TOTP step.
      MFA_REJECT_REUSED_CODES: 'false',
      CONSOLE_DIST: '/nonexistent',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => expect((await fetch(`${url}/readyz`)).status).toBe(200), 60_000);
  return url;
}

const counter = (metrics: string, outcome: string) =>
  Number(
    new RegExp(`c2_analytics_events_ingested_total\\{outcome="${outcome}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0,
  );

describe.runIf(ready)('two BFF processes behind a load balancer, with Redis and Mosquitto', () => {
  it('when edge boxes publish 300 events, then consoles on both instances get every one, each stored once', async () => {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const a = await startProcess(base);
    const b = await startProcess(base + 1);

    const onA = liveClient(a, (await login(a, 'investigator')).cookie);
    const onB = liveClient(b, (await login(b, 'investigator')).cookie);
    await Promise.all([onA.ready, onB.ready]);
    const cameras = (await (await login(a, 'investigator')).api.cameras.list()).map((c) => c.id);

    const ids = Array.from({ length: 300 }, (_, i) => `multi-${run}-${i}`);
    const edge = await mqtt.connectAsync(TEST_MQTT_URL!, { protocolVersion: 5 });
    for (const [i, id] of ids.entries()) {
      const event = {
        id,
        cameraId: cameras[i % cameras.length],
        type: 'congestion',
        severity: 'minor',
        ts: new Date().toISOString(),
      };
      await edge.publishAsync(`test-${run}/site-1/events/congestion`, JSON.stringify(event), { qos: 1 });
    }
    // The same backlog again, as an edge box re-sends after a reconnect: absorbed.
    for (const id of ids.slice(0, 50)) {
      const event = {
        id,
        cameraId: cameras[0],
        type: 'congestion',
        severity: 'minor',
        ts: new Date().toISOString(),
      };
      await edge.publishAsync(`test-${run}/site-1/events/congestion`, JSON.stringify(event), { qos: 1 });
    }
    await edge.endAsync();

    const seen = (client: typeof onA) =>
      new Set(
        client.received.filter((e) => e.topic === 'event.new').map((e) => (e.data as { id: string }).id),
      );
    await eventually(() => {
      expect(seen(onA).size).toBe(300);
      expect(seen(onB).size).toBe(300);
    }, 30_000);

    // The re-sent backlog is published after the originals; wait until it has been absorbed too.
    const [ma, mb] = await eventually(async () => {
      const m = await Promise.all([a, b].map(async (u) => (await fetch(`${u}/metrics`)).text()));
      expect(counter(m[0]!, 'duplicate') + counter(m[1]!, 'duplicate')).toBe(50);
      return m;
    }, 30_000);
    expect(counter(ma!, 'stored') + counter(mb!, 'stored')).toBe(300);
    // The shared subscription split the stream: both instances did part of the work.
    expect(counter(ma!, 'stored')).toBeGreaterThan(0);
    expect(counter(mb!, 'stored')).toBeGreaterThan(0);
    onA.socket.close();
    onB.socket.close();
  }, 120_000);
});
