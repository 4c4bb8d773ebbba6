import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { INGEST_HEADERS, INGEST_PATH } from '@c2/api-client/ingest';
import { fmt, ratio } from '@c2/bench-kit/stats';
import { table, writeBenchSection } from '@c2/bench-kit/report';
import { signIngest } from '../src/components/events/http/ingest-webhook';
import { reachable, startChild, stopChild } from './bench-bff';
import { dropPostgresSchema } from '../src/platform/db';

/**
 * REST load on the hot routes through the real middleware (request id, security headers, session lookup,
 * permission and jurisdiction, the route, JSON) with a logged-in operator, against a bare node:http server
 * answering the same paths with the same JSON bytes in the same run. autocannon, CONNECTIONS connections,
 * SECONDS per route and server.
 *
 *   node --import tsx apps/bff/bench/rest.bench.ts                 (10 s per route)
 *   BENCH_QUICK=1 node --import tsx apps/bff/bench/rest.bench.ts   (3 s per route)
 *   knobs: BENCH_REST_SECONDS, BENCH_REST_CONNECTIONS
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_REST_SECONDS ?? (QUICK ? 3 : 10));
const CONNECTIONS = Number(process.env.BENCH_REST_CONNECTIONS ?? 20);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const KEY = { id: 'bench-rest', secret: 'bench-rest-secret-0123456789' };
const ROUTES = ['/api/cameras', '/api/events', '/api/cameras/summary', '/api/units'];

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>): Promise<Figures> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytes: r.throughput.average,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function main(): Promise<void> {
  const run = randomUUID().slice(0, 8);
  const schema = `bench_rest_${run}`;
  const usePg = await reachable(DATABASE_URL);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const { child: bff } = await startChild([path.resolve(HERE, '../src/main.ts')], {
    PORT: String(port),
    HOST: '127.0.0.1',
    INGEST_KEYS: `${KEY.id}:${KEY.secret}`,
    MQTT_URL: '',
    REDIS_URL: '',
    SIM_EVENTS_PER_MINUTE: '0',
    SIM_FAULTS: 'false',
    LOG_LEVEL: 'warn',
    CONSOLE_DIST: '/nonexistent',
    ...(usePg ? { DATABASE_URL, DATABASE_SCHEMA: schema } : { DATABASE_URL: '', PGLITE_DIR: 'memory://' }),
  });
  const base = `http://127.0.0.1:${port}`;
  let baseline: ChildProcess | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'c2-bench-rest-'));
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: 'BacNinh@2026' }),
    });
    if (!login.ok) throw new Error(`login: ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { cookie };

    // A province with history: 2,000 events, so the feed answers a full page.
    const cameras = (
      (await (await fetch(`${base}/api/cameras`, { headers })).json()) as Array<{ id: string }>
    ).map((c) => c.id);
    for (let b = 0; b < 4; b++) {
      const body = JSON.stringify(
        Array.from({ length: 500 }, (_, i) => ({
          id: `rest-${run}-${b}-${i}`,
          cameraId: cameras[(b * 500 + i) % cameras.length],
          type: 'congestion',
          severity: 'minor',
          ts: new Date(Date.now() - (b * 500 + i) * 1000).toISOString(),
          objects: [{ label: 'car', confidence: 0.9 }],
        })),
      );
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await fetch(`${base}${INGEST_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [INGEST_HEADERS.keyId]: KEY.id,
          [INGEST_HEADERS.timestamp]: ts,
          [INGEST_HEADERS.signature]: signIngest(KEY.secret, ts, body),
        },
        body,
      });
      if (!res.ok) throw new Error(`seeding events: ${res.status}`);
    }

    // The baseline answers each path with exactly the bytes the BFF answers.
    const bodies: Record<string, string> = {};
    for (const route of ROUTES) bodies[route] = await (await fetch(`${base}${route}`, { headers })).text();
    const bodiesFile = path.join(dir, 'bodies.json');
    fs.writeFileSync(bodiesFile, JSON.stringify(bodies));
    const started = await startChild([path.join(HERE, 'baseline-static-json.ts'), bodiesFile], {});
    baseline = started.child;
    const baseUrl = `http://127.0.0.1:${started.line.split(' ')[1]}`;

    const rows: string[][] = [];
    for (const route of ROUTES) {
      const ours = await load(`${base}${route}`, headers);
      const bare = await load(`${baseUrl}${route}`, {});
      process.stdout.write(
        `${route}: ours ${fmt(ours.rps, 0)} req/s p99 ${ours.p99} ms; baseline ${fmt(bare.rps, 0)} req/s p99 ${bare.p99} ms\n`,
      );
      rows.push([
        `\`GET ${route}\``,
        fmt(Buffer.byteLength(bodies[route]!) / 1024, 1),
        fmt(ours.rps, 0),
        String(ours.p50),
        String(ours.p99),
        String(ours.non2xx + ours.errors),
        fmt(bare.rps, 0),
        String(bare.p50),
        String(bare.p99),
        ratio(ours.rps, bare.rps),
      ]);
    }
    writeBenchSection({
      id: 'rest',
      title: 'REST: hot routes through the real middleware',
      command: `${QUICK ? 'BENCH_QUICK=1 ' : ''}node --import tsx apps/bff/bench/rest.bench.ts`,
      body: [
        `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per route and server, a logged-in operator (session cookie) on one BFF process on ${usePg ? 'PostgreSQL' : 'PGlite'} with the simulated province (400 cameras) and 2,000 events. Baseline: a bare \`node:http\` server answering the same paths with the same JSON bytes, in the same run, its own process. Ratio is ours ÷ baseline requests per second.`,
        '',
        table(
          [
            'route',
            'body KiB',
            'ours req/s',
            'ours p50 ms',
            'ours p99 ms',
            'ours errors',
            'baseline req/s',
            'baseline p50 ms',
            'baseline p99 ms',
            'req/s ours ÷ baseline',
          ],
          rows,
        ),
      ].join('\n'),
    });
  } finally {
    await stopChild(baseline);
    await stopChild(bff);
    fs.rmSync(dir, { recursive: true, force: true });
    if (usePg) await dropPostgresSchema(DATABASE_URL, schema);
  }
}

await main();
process.exit(0);
