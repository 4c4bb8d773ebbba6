import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventPageSchema, deadLetterSchema } from '@c2/api-client/schemas/event';
import { INGEST_HEADERS } from '@c2/api-client/ingest';
import { signIngest } from '../src/components/events/http/ingest-webhook';
import {
  dropSchema,
  eventually,
  liveClient,
  login,
  startTestServer,
  type Session,
} from './support/test-server';

// The MQTT half needs the real broker (CI names it); the webhook half runs everywhere.
const mqttUrl = process.env.TEST_MQTT_URL;
const run = randomUUID().slice(0, 8);
const SECRET = 'a-webhook-secret-of-some-length';
const frigatePrefix = `frigate-${run}`;

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: Session;
let operator: Session;

beforeAll(async () => {
  server = await startTestServer({
    ingestKeys: { 'edge-01': SECRET },
    mqttUrl,
    mqttShareGroup: `test-${run}`,
    mqttTopicRoot: `test-${run}`,
    mqttFrigatePrefixes: [frigatePrefix],
    mqttConsumers: 2,
    eventLateSeconds: 60,
  });
  admin = await login(server.url, 'admin');
  operator = await login(server.url, 'operator');
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

const publicCamera = async () => (await admin.api.cameras.list()).find((c) => c.classification === 'public')!;

function nativeEvent(cameraId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `evt-${randomUUID()}`,
    cameraId,
    type: 'wrong_way',
    severity: 'major',
    ts: new Date().toISOString(),
    objects: [{ label: 'car', confidence: 0.9 }],
    plate: '99A-123.45',
    ...overrides,
  };
}

async function post(body: string, opts: { key?: string; secret?: string; ts?: number; query?: string } = {}) {
  const ts = String(Math.floor((opts.ts ?? Date.now()) / 1000));
  return fetch(`${server.url}/ingest/v1/events${opts.query ?? ''}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INGEST_HEADERS.keyId]: opts.key ?? 'edge-01',
      [INGEST_HEADERS.timestamp]: ts,
      [INGEST_HEADERS.signature]: signIngest(opts.secret ?? SECRET, ts, body),
    },
    body,
  });
}

interface WebhookAnswer {
  results: Array<{ outcome: string; id?: string; reason?: string }>;
}
const answerOf = async (res: Response) => (await res.json()) as WebhookAnswer;

async function deadLetters() {
  const res = await fetch(`${server.url}/api/admin/dead-letters`, { headers: { cookie: admin.cookie } });
  expect(res.status).toBe(200);
  return deadLetterSchema.array().parse(await res.json());
}

async function recentEvents() {
  const res = await fetch(`${server.url}/api/events?limit=500`, { headers: { cookie: operator.cookie } });
  return eventPageSchema.parse(await res.json()).events;
}

describe('HTTP ingestion webhook', () => {
  it('when a producer posts signed events, then they are stored once, pushed live, and a repeat is absorbed', async () => {
    const camera = await publicCamera();
    const live = liveClient(server.url, operator.cookie);
    await live.ready;
    const event = nativeEvent(camera.id);
    const body = JSON.stringify([event, event]);

    const res = await post(body);
    expect(res.status).toBe(200);
    expect((await answerOf(res)).results).toEqual([
      { outcome: 'stored', id: event.id },
      { outcome: 'duplicate', id: event.id },
    ]);
    const again = await answerOf(await post(body));
    expect(again.results.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);

    await eventually(() =>
      expect(live.received.filter((e) => e.topic === 'event.new' && e.data.id === event.id)).toHaveLength(1),
    );
    expect((await recentEvents()).filter((e) => e.id === event.id)).toHaveLength(1);
    live.socket.close();
  });

  it('when the signature, key or timestamp is wrong, then 401 and counted; when unsigned garbage, nothing is stored', async () => {
    const body = JSON.stringify(nativeEvent('cam-0001'));
    expect((await post(body, { secret: 'not-the-secret-at-all-xx' })).status).toBe(401);
    expect((await post(body, { key: 'nobody' })).status).toBe(401);
    expect((await post(body, { ts: Date.now() - 3_600_000 })).status).toBe(401);
    expect((await post('{not json')).status).toBe(400);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/c2_bad_input_total\{source="webhook"\} [4-9]/);
  });

  it('when one event of a batch is malformed, then the others are stored and it lands in the dead letters with its reason', async () => {
    const camera = await publicCamera();
    const good = nativeEvent(camera.id);
    const bad = { ...nativeEvent(camera.id), severity: 'apocalyptic', marker: run };
    const unknownCamera = nativeEvent('cam-nowhere');
    const res = await post(JSON.stringify([good, bad, unknownCamera]));
    const { results } = await answerOf(res);
    expect(results[0]).toEqual({ outcome: 'stored', id: good.id });
    expect(results[1]!.outcome).toBe('rejected');
    expect(results[1]!.reason).toMatch(/severity/);
    expect(results[2]!.reason).toMatch(/unknown camera cam-nowhere/);

    const letters = await deadLetters();
    const letter = letters.find((l) => l.payload.includes(run) && l.reason.includes('severity'));
    expect(letter).toMatchObject({ source: 'http:edge-01', format: 'native' });
    expect(JSON.parse(letter!.payload)).toMatchObject({ severity: 'apocalyptic' });
    const forbidden = await fetch(`${server.url}/api/admin/dead-letters`, {
      headers: { cookie: operator.cookie },
    });
    expect(forbidden.status).toBe(403);
  });

  it('when a batch item is a JSON string holding an event (double-encoded), then it is rejected, not decoded again', async () => {
    const camera = await publicCamera();
    const event = nativeEvent(camera.id);
    const { results } = await answerOf(await post(JSON.stringify([JSON.stringify(event)])));
    expect(results[0]!.outcome).toBe('rejected');
    expect(results[0]!.reason).toMatch(/expected object/);
    const stored = await operator.api.events.list(undefined, { limit: 200 });
    expect(stored.events.some((e) => e.id === event.id)).toBe(false);
  });

  it('when an edge box sends its backlog after an outage, then old events are accepted, marked delayed and ordered by when they happened', async () => {
    const camera = await publicCamera();
    const older = nativeEvent(camera.id, { ts: new Date(Date.now() - 3 * 3_600_000).toISOString() });
    const old = nativeEvent(camera.id, { ts: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    const res = await post(JSON.stringify([old, older]));
    expect(res.status).toBe(200);
    const events = await recentEvents();
    const a = events.findIndex((e) => e.id === old.id);
    const b = events.findIndex((e) => e.id === older.id);
    expect(events[a]!.delayed).toBe(true);
    expect(events[b]!.delayed).toBe(true);
    expect(a).toBeLessThan(b); // newest first by event time, not by arrival
    expect(events.find((e) => e.delayed === false)).toBeDefined();
  });
});

describe.runIf(mqttUrl)('MQTT ingestion (real broker)', () => {
  async function publish(topic: string, payload: string | object) {
    const client = await mqtt.connectAsync(mqttUrl!, { protocolVersion: 5 });
    await client.publishAsync(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), {
      qos: 1,
    });
    await client.endAsync();
  }

  it('when an edge box publishes native events, then they are stored and pushed; a repeat is absorbed; garbage is dead-lettered', async () => {
    const camera = await publicCamera();
    const live = liveClient(server.url, operator.cookie);
    await live.ready;
    const event = nativeEvent(camera.id, { type: 'accident', severity: 'critical' });
    await publish(`test-${run}/site-1/events/accident`, event);
    await publish(`test-${run}/site-1/events/accident`, event);
    await publish(`test-${run}/site-1/events/accident`, `garbage ${run}`);

    await eventually(() =>
      expect(live.received.some((e) => e.topic === 'event.new' && e.data.id === event.id)).toBe(true),
    );
    await eventually(async () =>
      expect((await deadLetters()).some((l) => l.payload === `garbage ${run}`)).toBe(true),
    );
    const letter = (await deadLetters()).find((l) => l.payload === `garbage ${run}`)!;
    expect(letter.source).toBe(`mqtt:test-${run}/site-1/events/accident`);
    expect(letter.reason).toMatch(/not valid JSON/);
    expect((await recentEvents()).filter((e) => e.id === event.id)).toHaveLength(1);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/c2_analytics_events_ingested_total\{outcome="duplicate"\} [1-9]/);
    expect(metrics).toMatch(/c2_dead_letters_total\{source="mqtt"\} [1-9]/);
    live.socket.close();
  });

  it('when Frigate reports an object (new, update, end), then it becomes one event of the mapped type', async () => {
    const camera = await publicCamera();
    const after = {
      id: `${Date.now() / 1000}-${run}`,
      camera: camera.id,
      label: 'person',
      top_score: 0.88,
      score: 0.8,
      start_time: Date.now() / 1000 - 2,
      end_time: null,
      stationary: false,
      false_positive: false,
      entered_zones: ['cao_toc_lan_1'],
      current_zones: ['cao_toc_lan_1'],
    };
    for (const type of ['new', 'update', 'end'] as const) {
      await publish(`${frigatePrefix}/events`, {
        type,
        before: after,
        after: { ...after, end_time: type === 'end' ? Date.now() / 1000 : null },
      });
    }
    const stored = await eventually(async () => {
      const e = (await recentEvents()).filter((x) => x.id === `frigate:${after.id}`);
      expect(e).toHaveLength(1);
      return e[0]!;
    });
    expect(stored).toMatchObject({
      type: 'pedestrian_on_expressway',
      severity: 'major',
      cameraId: camera.id,
    });
    expect(stored.metadata).toMatchObject({ source: 'frigate', label: 'person' });
  });
});
