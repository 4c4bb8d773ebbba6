import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt, { type MqttClient } from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import type { LogEntry } from '@c2/api-client/schemas/live';
import { fmt, percentile, ratio } from '@c2/bench-kit/stats';
import { table, writeBenchSection } from '@c2/bench-kit/report';
import { login, reachable, startChild, stopChild } from './bench-bff';
import { dropPostgresSchema } from '../src/platform/db';

/**
 * Event path: edge box → MQTT → BFF (validate, store, event log, rooms) → 50 consoles, at 500, 2,000 and
 * 5,000 events/s, against a bare socket.io server forwarding the same MQTT payloads in the same run.
 *
 * Latency is measured end to end on one clock: each event carries the time it was published, each client notes
 * when it got it. "Delivered" counts distinct event ids per client; the worst client is reported.
 *
 *   node --import tsx apps/bff/bench/event-path.bench.ts          (full: 20 s per rate)
 *   BENCH_QUICK=1 node --import tsx apps/bff/bench/event-path.bench.ts   (5 s per rate)
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const BFF_MAIN = path.resolve(HERE, '../src/main.ts');
const MQTT_URL = process.env.BENCH_MQTT_URL ?? process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 5 : 20));
const RATES = (process.env.BENCH_RATES ?? '500,2000,5000').split(',').map(Number);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const CONSUMERS = process.env.BENCH_MQTT_CONSUMERS ?? '256';
const run = randomUUID().slice(0, 8);
const ROOT = `bench-${run}`;
const SCHEMA = `bench_${run}`;

interface Sample {
  sent: number;
  latencies: number[];
  /** distinct ids per client */
  delivered: number[];
  rssMb: number[];
  seconds: number;
}

/** The BFF's resident memory, or NaN when a sample fails (a saturated server may drop a keep-alive socket). */
async function rssMb(base: string): Promise<number> {
  try {
    const text = await (await fetch(`${base}/metrics`)).text();
    const m = /c2_process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)/.exec(text);
    return m ? Number(m[1]) / 2 ** 20 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Publishes `rate` events/s for `seconds`, paced per 10 ms slot, QoS 1 (the broker acknowledges each). */
async function publish(
  client: MqttClient,
  topic: (i: number) => string,
  cameras: string[],
  rate: number,
  seconds: number,
  tag: string,
): Promise<number> {
  const total = rate * seconds;
  const start = performance.now();
  let sent = 0;
  const inflight: Promise<unknown>[] = [];
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    for (; sent < due; sent++) {
      const event = {
        id: `${tag}-${sent}`,
        cameraId: cameras[sent % cameras.length],
        type: 'congestion',
        severity: 'major',
        ts: new Date().toISOString(),
        objects: [{ label: 'car', confidence: 0.9 }],
        metadata: { sentAt: Date.now() },
      };
      inflight.push(client.publishAsync(topic(sent), JSON.stringify(event), { qos: 1 }));
    }
    if (inflight.length > 5000) await Promise.all(inflight.splice(0));
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all(inflight);
  return total;
}

async function measure(
  name: string,
  sockets: Socket[],
  onEvent: (socket: Socket, handler: (id: string, sentAt: number) => void) => void,
  publishOnce: (rate: number, tag: string) => Promise<number>,
  memory: () => Promise<number>,
): Promise<Map<number, Sample>> {
  const out = new Map<number, Sample>();
  for (const rate of RATES) {
    const tag = `${name}-${rate}-${run}`;
    const latencies: number[] = [];
    const seen = sockets.map(() => new Set<string>());
    sockets.forEach((s, i) =>
      onEvent(s, (id, sentAt) => {
        if (!id.startsWith(tag) || seen[i]!.has(id)) return;
        seen[i]!.add(id);
        latencies.push(Date.now() - sentAt);
      }),
    );
    const rss: number[] = [await memory()];
    const memTimer = setInterval(() => void memory().then((m) => rss.push(m)), 1000);
    const t0 = performance.now();
    const sent = await publishOnce(rate, tag);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && seen.some((s) => s.size < sent))
      await new Promise((r) => setTimeout(r, 100));
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(memTimer);
    rss.push(await memory());
    for (const s of sockets) s.removeAllListeners('log:entries').removeAllListeners('event');
    out.set(rate, { sent, latencies, delivered: seen.map((s) => s.size), rssMb: rss, seconds });
    const worst = Math.min(...seen.map((s) => s.size));
    process.stdout.write(
      `${name} ${rate}/s: sent ${sent}, worst client ${worst}, p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms, rss ${fmt(Math.max(...rss))} MB\n`,
    );
  }
  return out;
}

async function main(): Promise<void> {
  const usePg = await reachable(DATABASE_URL);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const { child: bff } = await startChild([BFF_MAIN], {
    PORT: String(port),
    HOST: '127.0.0.1',
    MQTT_URL,
    MQTT_TOPIC_ROOT: ROOT,
    MQTT_SHARE_GROUP: `bench-${run}`,
    MQTT_CONSUMERS: CONSUMERS,
    // Persistent sessions on the machine's broker: named by this run, gone a minute after it.
    MQTT_CLIENT_ID: `bench-${run}`,
    MQTT_SESSION_EXPIRY_SECONDS: '60',
    SIM_EVENTS_PER_MINUTE: '0',
    SIM_FAULTS: 'false',
    SIM_UNITS: '0',
    LOG_LEVEL: 'warn',
    CONSOLE_DIST: '/nonexistent',
    // Fifty consoles sign in as the investigator within one TOTP period: the same code fifty times.
    MFA_REJECT_REUSED_CODES: 'false',
    ...(usePg ? { DATABASE_URL, DATABASE_SCHEMA: SCHEMA } : { DATABASE_URL: '', PGLITE_DIR: 'memory://' }),
  });
  const base = `http://127.0.0.1:${port}`;
  const edge = await mqtt.connectAsync(MQTT_URL, { protocolVersion: 5 });
  try {
    const cookie = await login(base, 'investigator');
    const cameras = (
      (await (await fetch(`${base}/api/cameras`, { headers: { cookie } })).json()) as { id: string }[]
    ).map((c) => c.id);

    // --- ours: 50 consoles on the BFF
    const ours = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const c = await login(base, 'investigator');
        const s = io(base, {
          path: '/socket.io',
          transports: ['websocket'],
          extraHeaders: { cookie: c },
          auth: { lastSeq: null },
        });
        await new Promise<void>((resolve) => s.once('log:replay', () => resolve()));
        return s;
      }),
    );
    const oursResult = await measure(
      'ours',
      ours,
      (s, h) =>
        s.on('log:entries', (entries: LogEntry[]) => {
          for (const e of entries) if (e.topic === 'event.new') h(e.data.id, Number(e.data.metadata.sentAt));
        }),
      (rate, tag) => publish(edge, () => `${ROOT}/site-1/events/congestion`, cameras, rate, SECONDS, tag),
      () => rssMb(base),
    );
    ours.forEach((s) => s.close());

    // --- baseline: the same payloads through a bare socket.io broadcast
    const baseTopic = `bench-base-${run}/events`;
    const { child: baseline, line } = await startChild(
      [path.join(HERE, 'baseline-broadcast.ts'), MQTT_URL, baseTopic],
      {},
    );
    const basePort = Number(line.split(' ')[1]);
    const baseSockets = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const s = io(`http://127.0.0.1:${basePort}`, { transports: ['websocket'] });
        await new Promise<void>((resolve) => s.once('connect', () => resolve()));
        return s;
      }),
    );
    const baseResult = await measure(
      'baseline',
      baseSockets,
      (s, h) =>
        s.on('event', (e: { id: string; metadata: { sentAt: number } }) => h(e.id, e.metadata.sentAt)),
      (rate, tag) => publish(edge, () => baseTopic, cameras, rate, SECONDS, tag),
      async () => Number.NaN,
    );
    baseSockets.forEach((s) => s.close());
    await stopChild(baseline);

    const rows = RATES.map((rate) => {
      const o = oursResult.get(rate)!;
      const b = baseResult.get(rate)!;
      const worstO = Math.min(...o.delivered);
      const worstB = Math.min(...b.delivered);
      const thrO = worstO / o.seconds;
      const thrB = worstB / b.seconds;
      return [
        rate.toLocaleString('en'),
        `${worstO}/${o.sent}`,
        fmt(percentile(o.latencies, 50)),
        fmt(percentile(o.latencies, 99)),
        fmt(Math.max(...o.rssMb.filter((m) => !Number.isNaN(m))), 0),
        `${worstB}/${b.sent}`,
        fmt(percentile(b.latencies, 50)),
        fmt(percentile(b.latencies, 99)),
        ratio(thrO, thrB),
      ];
    });
    writeBenchSection({
      id: 'event-path',
      title: 'Event path: MQTT → BFF → 50 consoles',
      command: `${QUICK ? 'BENCH_QUICK=1 ' : ''}node --import tsx apps/bff/bench/event-path.bench.ts`,
      body: [
        `${SECONDS} s per rate, ${CLIENTS} socket.io clients, one BFF process on ${usePg ? 'PostgreSQL' : 'PGlite'} with ${CONSUMERS} MQTT consumers (QoS 1, acknowledged after commit). Baseline: a bare socket.io server emitting each MQTT payload to every client, no validation or storage, in the same run. Latency is publish → client, on one clock. "Delivered" is the worst client's distinct events / events sent, counted until 20 s after the last publish (a backlog still draining then counts as not delivered). Throughput ratio is ours ÷ baseline (worst-client events per second).`,
        '',
        table(
          [
            'events/s',
            'ours delivered',
            'ours p50 ms',
            'ours p99 ms',
            'BFF RSS max MB',
            'baseline delivered',
            'baseline p50 ms',
            'baseline p99 ms',
            'throughput ours ÷ baseline',
          ],
          rows,
        ),
        '',
        'Budget: p99 ≤ 100 ms at 2,000 events/s, nothing lost.',
      ].join('\n'),
    });
  } finally {
    await edge.endAsync();
    await stopChild(bff);
    if (usePg) await dropPostgresSchema(DATABASE_URL, SCHEMA);
  }
}

await main();
process.exit(0);
