import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_HEADERS, INGEST_PATH } from '@c2/api-client/ingest';
import { apiErrorBody } from '@c2/api-client/schemas/common';
import { signIngest } from '../src/components/events/http/ingest-webhook';
import { anyHostileItem, brokenBody, mustRejectItem, nestedText, validEvent } from './support/hostile-input';
import { dropSchema, eventually, login, startTestServer, type Session } from './support/test-server';

/*
 * Bad input at scale: property-based tests (fast-check) against the real server, over every ingestion validator
 * (native and Frigate events over the webhook and MQTT) and every API validator there is (the events list query,
 * dead letters, login, the simulation drill). Each bad input is refused with a reason and counted, the process
 * stays up, Object.prototype stays clean, and valid neighbours in the same batch are stored.
 */
const KEY = { id: 'prop-edge', secret: 'a-property-test-secret-0123' };
const mqttUrl = process.env.TEST_MQTT_URL;
const run = randomUUID().slice(0, 8);

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: Session;
let operator: Session;
let camera: string;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  server = await startTestServer({
    ingestKeys: { [KEY.id]: KEY.secret },
    mqttUrl,
    mqttTopicRoot: `prop-${run}`,
    mqttShareGroup: `prop-${run}`,
    mqttFrigatePrefixes: [`frigate-prop-${run}`],
    mqttConsumers: 2,
    // Every property run logs in many times from one address.
    loginMaxFailures: 100,
  });
  admin = await login(server.url, 'admin');
  operator = await login(server.url, 'operator');
  camera = (await admin.api.cameras.list()).find((c) => c.classification === 'public')!.id;
  // Three scrypt-hashed logins and the seeding: slow on a busy machine running other suites at once.
}, 180_000);
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

async function postRaw(body: Buffer | string, query = '') {
  const ts = String(Math.floor(Date.now() / 1000));
  return fetch(`${server.url}${INGEST_PATH}${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INGEST_HEADERS.keyId]: KEY.id,
      [INGEST_HEADERS.timestamp]: ts,
      [INGEST_HEADERS.signature]: signIngest(KEY.secret, ts, body),
    },
    body,
  });
}

async function counter(name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

interface Outcome {
  outcome: string;
  id?: string;
  reason?: string;
}

async function expectAlive() {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('bad input at scale: the ingestion webhook', () => {
  it('when batches mix valid events with malformed, huge and hostile items, then each bad item is refused with a reason and counted, and the valid ones are stored', async () => {
    const badBefore = await counter('c2_bad_input_total', 'source="analytics:http"');
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(mustRejectItem(camera), { minLength: 1, maxLength: 4 }),
        fc.array(anyHostileItem(camera), { maxLength: 3 }),
        async (mustReject, anyHostile) => {
          const first = validEvent(camera);
          const last = validEvent(camera);
          const items = [JSON.stringify(first), ...mustReject, ...anyHostile, JSON.stringify(last)];
          const res = await postRaw(`[${items.join(',')}]`);
          expect(res.status).toBe(200);
          const { results } = (await res.json()) as { results: Outcome[] };
          expect(results).toHaveLength(items.length);
          expect(results[0]).toEqual({ outcome: 'stored', id: first.id });
          expect(results.at(-1)).toEqual({ outcome: 'stored', id: last.id });
          for (const r of results.slice(1, 1 + mustReject.length)) {
            expect(r.outcome).toBe('rejected');
            expect(r.reason?.length).toBeGreaterThan(0);
          }
          for (const r of results) if (r.outcome === 'rejected') refused++;
          for (const r of results)
            expect(['stored', 'duplicate', 'ignored', 'rejected']).toContain(r.outcome);
        },
      ),
      { numRuns: 40 },
    );
    expect((await counter('c2_bad_input_total', 'source="analytics:http"')) - badBefore).toBe(refused);
    await expectAlive();
  }, 120_000);

  it('when Frigate messages are malformed or hostile, then they are refused with a reason and the valid one is stored', async () => {
    const frigate = (id: string, zone: string) => ({
      type: 'new',
      after: {
        id,
        camera,
        label: 'car',
        start_time: Date.now() / 1000,
        stationary: true,
        entered_zones: [zone],
      },
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
            fc
              .constantFrom('\u0000', '\ud800')
              .map((bad) => JSON.stringify(frigate(`f-${randomUUID()}`, `cam_do${bad}`))),
            fc.constant(
              JSON.stringify({
                type: 'new',
                after: { id: 'x', camera, label: 'car', start_time: '1700000000' },
              }),
            ),
            fc
              .integer({ min: 100, max: 20_000 })
              .map((d) => `{"type":"new","after":${nestedText(d, 'object')}}`),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (bad) => {
          const good = frigate(`f-${randomUUID()}`, 'cam_do_1');
          const res = await postRaw(`[${[...bad, JSON.stringify(good)].join(',')}]`, '?format=frigate');
          expect(res.status).toBe(200);
          const { results } = (await res.json()) as { results: Outcome[] };
          expect(results.at(-1)).toEqual({ outcome: 'stored', id: `frigate:${good.after.id}` });
          for (const r of results.slice(0, -1)) {
            expect(['rejected', 'ignored']).toContain(r.outcome);
            expect(r.reason?.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 25 },
    );
    await expectAlive();
  }, 120_000);

  it('when the body is not a JSON document (random bytes, invalid UTF-8, truncated, empty, too big), then 400 or 413 names why and it is counted', async () => {
    const before = await counter('c2_bad_input_total', 'source="webhook"');
    let bad = 0;
    await fc.assert(
      fc.asyncProperty(brokenBody(camera), async (body) => {
        const res = await postRaw(body);
        // A few random byte strings happen to be JSON (a number, a string): those are answered item by item.
        expect([200, 400, 413]).toContain(res.status);
        if (res.status !== 200) {
          bad++;
          const error = apiErrorBody.parse(await res.json()).error;
          expect(error.message.length).toBeGreaterThan(0);
        } else await res.body?.cancel();
      }),
      { numRuns: 60 },
    );
    const huge = await postRaw(Buffer.alloc(3 * 2 ** 20, 0x20));
    expect(huge.status).toBe(413);
    bad++;
    const after = await counter('c2_bad_input_total', 'source="webhook"');
    expect(after - before).toBe(bad);
    await expectAlive();
  }, 120_000);
});

describe('bad input at scale: API validators', () => {
  /** Query strings from arbitrary keys and values, repeated keys included (Express makes those arrays). */
  const queryOf = (keys: string[]) =>
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })),
          fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.constantFrom(
              '-1',
              '0',
              '1e9',
              'NaN',
              '50.5',
              '',
              '\u0000',
              '%00',
              'critical,meteor',
              '2026-13-45T99:00:00Z~x',
            ),
            fc.integer({ min: 1000, max: 8000 }).map((n) => 'z'.repeat(n)),
          ),
        ),
        { maxLength: 6 },
      )
      .map((pairs) => new URLSearchParams(pairs).toString())
      // Longer request lines are Node's to refuse (431, checked once below), before any route runs.
      .filter((q) => q.length <= 14_000);

  /** `notFound`: the thing a 404 may name (a filter naming an unknown camera is answered as not found). */
  async function expectOkOr400(res: Response, notFound?: string) {
    if (notFound && res.status === 404) {
      expect(apiErrorBody.parse(await res.json()).error.message).toContain(notFound);
      return;
    }
    expect([200, 400]).toContain(res.status);
    if (res.status === 400) {
      const error = apiErrorBody.parse(await res.json()).error;
      expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0);
    } else await res.body?.cancel();
  }

  it('when the events list is asked with arbitrary query strings, then it answers 200, a 400 naming the field or a 404 naming the camera, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(queryOf(['type', 'severity', 'area', 'camera', 'cursor', 'limit']), async (query) => {
        await expectOkOr400(
          await fetch(`${server.url}/api/events?${query}`, { headers: { cookie: operator.cookie } }),
          'Camera',
        );
      }),
      { numRuns: 80 },
    );
    // Past Node's header limit (16 KiB) the request line itself is refused, before any route runs.
    const tooLong = await fetch(`${server.url}/api/events?camera=${'z'.repeat(20_000)}`, {
      headers: { cookie: operator.cookie },
    });
    expect(tooLong.status).toBe(431);
    await expectAlive();
  }, 120_000);

  it('when dead letters are asked with arbitrary query strings, then 200 or a 400 naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(queryOf(['limit']), async (query) => {
        await expectOkOr400(
          await fetch(`${server.url}/api/admin/dead-letters?${query}`, { headers: { cookie: admin.cookie } }),
        );
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('when login bodies are malformed or hostile, then 400 or 401, never 500, and nothing is polluted', async () => {
    const bodies = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc
        .tuple(
          fc.oneof(
            fc.string({ maxLength: 80 }),
            fc.constantFrom('op\u0000erator', '\ud800', 'x'.repeat(5000)),
            fc.integer(),
          ),
          fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', 'p'.repeat(10_000)), fc.constant(null)),
        )
        .map(([username, password]) => JSON.stringify({ username, password })),
      fc.constantFrom(
        '{"__proto__":{"polluted":"yes"},"username":"admin","password":"x"}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        `{"username":${nestedText(50_000, 'array')}}`,
        '{"username": "admin", "password": "x"',
        '\u0000',
      ),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const res = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect([400, 401]).toContain(res.status);
        apiErrorBody.parse(await res.json());
      }),
      { numRuns: 20 },
    );
    await expectAlive();
  }, 120_000);

  it('when the simulation drill gets arbitrary ids and bodies, then 204, 400 or 404, never 500', async () => {
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(camera),
          fc.string({ minLength: 1, maxLength: 200 }),
          fc.constantFrom('..', '%00', '__proto__'),
        ),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc.constantFrom(
            '{"state":"offline","seconds":"60"}',
            '{"state":["offline"]}',
            '{"state":"offline","seconds":1e12}',
            '{"__proto__":{"polluted":"yes"},"state":"degraded"}',
            '{"state":"online"}',
          ),
        ),
        async (id, body) => {
          const res = await fetch(`${server.url}/api/sim/cameras/${encodeURIComponent(id)}/status`, {
            method: 'POST',
            headers,
            body,
          });
          expect([204, 400, 404]).toContain(res.status);
          await res.body?.cancel();
        },
      ),
      { numRuns: 40 },
    );
    await expectAlive();
  }, 120_000);
});

describe.runIf(mqttUrl)('bad input at scale: MQTT (real broker)', () => {
  it('when edge boxes publish malformed, truncated, huge and hostile payloads, then every one is accounted for, the consumer never stalls, and the valid ones are stored', async () => {
    const topic = `prop-${run}/site-1/events/congestion`;
    const frigateTopic = `frigate-prop-${run}/events`;
    const payloads: Array<{ topic: string; body: Buffer }> = [
      ...fc.sample(mustRejectItem(camera), { numRuns: 40 }).map((t) => ({ topic, body: Buffer.from(t) })),
      ...fc.sample(anyHostileItem(camera), { numRuns: 20 }).map((t) => ({ topic, body: Buffer.from(t) })),
      ...fc.sample(brokenBody(camera), { numRuns: 20 }).map((body) => ({ topic, body })),
      ...fc.sample(brokenBody(camera), { numRuns: 10 }).map((body) => ({ topic: frigateTopic, body })),
      { topic, body: Buffer.alloc(1024 * 1024, 0x61) },
      { topic, body: Buffer.from(nestedText(200_000, 'array')) },
    ];
    const goods = Array.from({ length: 5 }, () => validEvent(camera));
    const edge = await mqtt.connectAsync(mqttUrl!, { protocolVersion: 5 });
    const countsBefore = await Promise.all([
      counter('c2_analytics_events_ingested_total', 'outcome="stored"'),
      counter('c2_analytics_events_ingested_total', 'outcome="duplicate"'),
      counter('c2_analytics_events_ingested_total', 'outcome="ignored"'),
      counter('c2_bad_input_total', 'source="analytics:mqtt"'),
    ]);
    // Valid events between the garbage: each must get through.
    for (const [i, p] of payloads.entries()) {
      await edge.publishAsync(p.topic, p.body, { qos: 1 });
      if (i % 20 === 0) await edge.publishAsync(topic, JSON.stringify(goods[i / 20]!), { qos: 1 });
    }
    await edge.endAsync();
    const total = payloads.length + Math.ceil(payloads.length / 20);

    // Every message settled exactly once: stored, absorbed, ignored or refused. None is stuck or retried forever.
    await eventually(async () => {
      const now = await Promise.all([
        counter('c2_analytics_events_ingested_total', 'outcome="stored"'),
        counter('c2_analytics_events_ingested_total', 'outcome="duplicate"'),
        counter('c2_analytics_events_ingested_total', 'outcome="ignored"'),
        counter('c2_bad_input_total', 'source="analytics:mqtt"'),
      ]);
      expect(now.reduce((a, b) => a + b, 0) - countsBefore.reduce((a, b) => a + b, 0)).toBe(total);
    }, 60_000);
    const page = await operator.api.events.list(undefined, { limit: 200 });
    const usedGoods = goods.slice(0, Math.ceil(payloads.length / 20));
    for (const g of usedGoods) expect(page.events.some((e) => e.id === g.id)).toBe(true);
    await expectAlive();
  }, 120_000);
});
