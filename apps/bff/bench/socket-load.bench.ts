import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { INGEST_HEADERS, INGEST_PATH } from '@c2/api-client/ingest';
import type { LogEntry, Replay } from '@c2/api-client/schemas/live';
import { fmt, ratio, slope } from '@c2/bench-kit/stats';
import { table, writeBenchSection } from '@c2/bench-kit/report';
import { signIngest } from '../src/components/events/http/ingest-webhook';
import { login, reachable, startChild, stopChild } from './bench-bff';
import { dropPostgresSchema } from '../src/platform/db';

/**
 * Socket load: CLIENTS consoles connected to one BFF process while RATE events/s arrive over the signed webhook
 * for SECONDS, against a bare socket.io server broadcasting the same batches to the same clients in the same run.
 *
 * Clients live in CLIENT_PROCS child processes (so their JSON parsing does not pace the producer); each marks
 * every event id it gets in a bitmap (lost and duplicated are exact, per client) and counts publish → receive
 * latency in 1 ms buckets. The BFF's resident memory and heap are sampled every 2 s; the slope says whether
 * anything grows with time.
 *
 *   node --import tsx apps/bff/bench/socket-load.bench.ts                  (60 s each)
 *   BENCH_QUICK=1 node --import tsx apps/bff/bench/socket-load.bench.ts    (10 s each)
 *   knobs: BENCH_SOCKET_SECONDS, BENCH_SOCKET_CLIENTS, BENCH_SOCKET_RATE
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SOCKET_SECONDS ?? (QUICK ? 10 : 60));
const CLIENTS = Number(process.env.BENCH_SOCKET_CLIENTS ?? 200);
const RATE = Number(process.env.BENCH_SOCKET_RATE ?? 2000);
const CLIENT_PROCS = 4;
const BATCHES_PER_SECOND = 20;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const KEY = { id: 'bench-load', secret: 'bench-load-secret-0123456789' };
const MAX_MS = 60_000;

interface ClientJob {
  url: string;
  cookie: string | null;
  count: number;
  total: number;
  tag: string;
}
interface ClientReport {
  received: number[];
  duplicates: number;
  histogram: Array<[number, number]>;
  /** Sockets that dropped and came back (resuming from their last seq). */
  reconnects: number;
  /** Replays the BFF cut at LIVE_REPLAY_LIMIT (the console would refetch its lists then). */
  incompleteReplays: number;
}

// ---------------------------------------------------------------- client process
async function clientProcess(job: ClientJob): Promise<void> {
  const seen = Array.from({ length: job.count }, () => new Uint8Array(job.total));
  const received = new Array<number>(job.count).fill(0);
  const histogram = new Uint32Array(MAX_MS + 1);
  let duplicates = 0;
  const prefix = `${job.tag}-`;
  let reconnects = 0;
  let incompleteReplays = 0;
  const sockets: Socket[] = await Promise.all(
    Array.from({ length: job.count }, async (_, c) => {
      // As the console does: a socket that drops (a client too busy to answer pings) comes back with the last
      // seq it applied and gets what it missed replayed.
      let lastSeq: number | null = null;
      const s = io(job.url, {
        path: '/socket.io',
        transports: ['websocket'],
        ...(job.cookie
          ? { extraHeaders: { cookie: job.cookie }, auth: (cb: (a: object) => void) => cb({ lastSeq }) }
          : {}),
      });
      const take = (entries: LogEntry[]) => {
        const now = Date.now();
        for (const e of entries) {
          if (lastSeq === null || e.seq > lastSeq) lastSeq = e.seq;
          if (e.topic !== 'event.new' || !e.data.id.startsWith(prefix)) continue;
          const n = Number(e.data.id.slice(prefix.length));
          if (seen[c]![n]) {
            duplicates++;
            continue;
          }
          seen[c]![n] = 1;
          received[c]!++;
          histogram[Math.min(MAX_MS, Math.max(0, now - Number(e.data.metadata.sentAt)))]!++;
        }
      };
      s.on('log:entries', take);
      s.on('log:replay', (r: Replay) => {
        if (!r.complete) incompleteReplays++;
        take(r.entries);
      });
      s.io.on('reconnect', () => reconnects++);
      await new Promise<void>((resolve, reject) => {
        s.once(job.cookie ? 'log:replay' : 'connect', () => resolve());
        s.once('connect_error', reject);
      });
      return s;
    }),
  );
  process.send!({ type: 'ready' });
  process.on('message', (m: { type: string }) => {
    if (m.type === 'progress') process.send!({ type: 'progress', min: Math.min(...received) });
    if (m.type === 'report') {
      const hist: Array<[number, number]> = [];
      histogram.forEach((n, ms) => n > 0 && hist.push([ms, n]));
      const report: ClientReport = { received, duplicates, histogram: hist, reconnects, incompleteReplays };
      process.send!({ type: 'report', report });
      for (const s of sockets) s.close();
      setTimeout(() => process.exit(0), 100);
    }
  });
}

// ---------------------------------------------------------------- orchestrator

async function memory(base: string): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
  return { rss: read('c2_process_resident_memory_bytes'), heap: read('c2_nodejs_heap_size_used_bytes') };
}

interface Run {
  sent: number;
  seconds: number;
  worst: number;
  duplicates: number;
  histogram: Map<number, number>;
  samples: Array<{ t: number; rss: number; heap: number }>;
  /** Batches the receiver refused (non-2xx). */
  refused: number;
  reconnects: number;
  incompleteReplays: number;
}

function percentileOf(histogram: Map<number, number>, p: number): number {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return NaN;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const ms of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(ms)!;
    if (seen >= rank) return ms;
  }
  return NaN;
}

async function measure(opts: {
  name: string;
  cameras: string[];
  url: string;
  cookies: string[] | null;
  post: (body: string) => Promise<number>;
  memory: (() => Promise<{ rss: number; heap: number }>) | null;
}): Promise<Run> {
  const total = RATE * SECONDS;
  const tag = `${opts.name}-${randomUUID().slice(0, 8)}`;
  const procs = await Promise.all(
    Array.from({ length: CLIENT_PROCS }, async (_, p) => {
      const count = Math.floor(CLIENTS / CLIENT_PROCS) + (p < CLIENTS % CLIENT_PROCS ? 1 : 0);
      const job: ClientJob = {
        url: opts.url,
        cookie: opts.cookies?.[p % opts.cookies.length] ?? null,
        count,
        total,
        tag,
      };
      const child = fork(SELF, ['clients', JSON.stringify(job)], {
        execArgv: ['--import', 'tsx'],
        stdio: 'inherit',
      });
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`client process exited with ${code}`)));
      });
      return child;
    }),
  );
  const ask = <T>(child: ChildProcess, type: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { type: string } & T) => {
        if (m.type !== type) return;
        child.off('message', on);
        resolve(m);
      };
      child.on('message', on);
      child.send({ type });
    });

  const samples: Run['samples'] = [];
  const t0 = Date.now();
  const sampler = opts.memory
    ? setInterval(() => {
        void opts.memory!().then(
          (m) => samples.push({ t: (Date.now() - t0) / 60_000, ...m }),
          () => undefined,
        );
      }, 2000)
    : null;

  // Paced batches; requests overlap when the receiver is slow (at most 20 in flight).
  const perBatch = RATE / BATCHES_PER_SECOND;
  const inflight = new Set<Promise<void>>();
  let refused = 0;
  let sent = 0;
  const start = performance.now();
  for (let b = 0; sent < total; b++) {
    const due = start + (b * 1000) / BATCHES_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const now = Date.now();
    const batch = Array.from({ length: Math.min(perBatch, total - sent) }, (_, i) => ({
      id: `${tag}-${sent + i}`,
      cameraId: opts.cameras[(sent + i) % opts.cameras.length],
      type: 'congestion',
      severity: 'minor',
      ts: new Date(now).toISOString(),
      objects: [{ label: 'car', confidence: 0.9 }],
      metadata: { sentAt: now },
    }));
    sent += batch.length;
    const p = opts.post(JSON.stringify(batch)).then(
      (status) => void (status >= 300 && refused++),
      () => void refused++,
    );
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
    if (inflight.size >= 20) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  const publishSeconds = (performance.now() - start) / 1000;

  // Drain: wait until every client has everything. A client still catching up (its socket buffers full of what
  // it has not parsed yet) is given time; once nothing moves for 5 s (or after 90 s), what is missing is lost.
  const deadline = Date.now() + 90_000;
  let last = -1;
  let stillSince = Date.now();
  while (Date.now() < deadline && Date.now() - stillSince < 5000) {
    const mins = (await Promise.all(procs.map((c) => ask<{ min: number }>(c, 'progress')))).map((m) => m.min);
    const worst = Math.min(...mins);
    if (worst >= total) break;
    if (worst !== last) stillSince = Date.now();
    last = worst;
    await new Promise((r) => setTimeout(r, 500));
  }
  if (sampler) clearInterval(sampler);
  if (opts.memory) samples.push({ t: (Date.now() - t0) / 60_000, ...(await opts.memory()) });
  const reports = await Promise.all(procs.map((c) => ask<{ report: ClientReport }>(c, 'report')));
  const histogram = new Map<number, number>();
  for (const { report } of reports)
    for (const [ms, n] of report.histogram) histogram.set(ms, (histogram.get(ms) ?? 0) + n);
  const run: Run = {
    sent,
    seconds: publishSeconds,
    worst: Math.min(...reports.flatMap((r) => r.report.received)),
    duplicates: reports.reduce((a, r) => a + r.report.duplicates, 0),
    reconnects: reports.reduce((a, r) => a + r.report.reconnects, 0),
    incompleteReplays: reports.reduce((a, r) => a + r.report.incompleteReplays, 0),
    histogram,
    samples,
    refused,
  };
  process.stdout.write(
    `${opts.name}: sent ${sent} in ${fmt(publishSeconds)} s, worst client ${run.worst}, duplicates ${run.duplicates}, reconnects ${run.reconnects} (replays cut ${run.incompleteReplays}), refused batches ${refused}, p50 ${percentileOf(histogram, 50)} ms, p99 ${percentileOf(histogram, 99)} ms\n`,
  );
  return run;
}

async function main(): Promise<void> {
  const run = randomUUID().slice(0, 8);
  const schema = `bench_load_${run}`;
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
    SIM_UNITS: '0',
    LOG_LEVEL: 'warn',
    CONSOLE_DIST: '/nonexistent',
    ...(usePg ? { DATABASE_URL, DATABASE_SCHEMA: schema } : { DATABASE_URL: '', PGLITE_DIR: 'memory://' }),
  });
  const base = `http://127.0.0.1:${port}`;
  let baseline: ChildProcess | null = null;
  try {
    // Consoles of two roles (a session may hold many sockets, as a console with several tabs does).
    const cookies = [await login(base, 'operator'), await login(base, 'investigator')];
    // Public cameras: every console role sees their events.
    const cameras = (
      (await (await fetch(`${base}/api/cameras`, { headers: { cookie: cookies[0]! } })).json()) as Array<{
        id: string;
        classification: string;
      }>
    )
      .filter((c) => c.classification === 'public')
      .map((c) => c.id);
    const ours = await measure({
      name: 'ours',
      cameras,
      url: base,
      cookies,
      memory: () => memory(base),
      post: async (body) => {
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
        await res.arrayBuffer();
        return res.status;
      },
    });

    const started = await startChild([path.join(HERE, 'baseline-webhook-broadcast.ts')], {});
    baseline = started.child;
    const baseUrl = `http://127.0.0.1:${started.line.split(' ')[1]}`;
    const bare = await measure({
      name: 'baseline',
      cameras,
      url: baseUrl,
      cookies: null,
      memory: null,
      post: async (body) => {
        const res = await fetch(`${baseUrl}/events`, { method: 'POST', body });
        await res.arrayBuffer();
        return res.status;
      },
    });

    const rss = ours.samples.map((s) => s.rss);
    // The slope after warm-up (the first quarter: JIT, pools, caches filling) says whether memory keeps growing.
    const steady = ours.samples.filter((s) => s.t >= (SECONDS / 60) * 0.25);
    const minutes = steady.map((s) => s.t);
    const row = (name: string, r: Run, mem: boolean) => [
      name,
      `${r.worst}/${r.sent}`,
      String(r.duplicates),
      String(r.reconnects),
      String(percentileOf(r.histogram, 50)),
      String(percentileOf(r.histogram, 99)),
      String(percentileOf(r.histogram, 99.9)),
      fmt(r.worst / r.seconds, 0),
      mem ? `${fmt(rss[0]!, 0)} → ${fmt(Math.max(...rss), 0)} → ${fmt(rss.at(-1)!, 0)}` : '–',
      mem
        ? fmt(
            slope(
              minutes,
              steady.map((s) => s.rss),
            ),
          )
        : '–',
      mem
        ? fmt(
            slope(
              minutes,
              steady.map((s) => s.heap),
            ),
          )
        : '–',
    ];
    writeBenchSection({
      id: 'socket-load',
      title: `Socket load: ${CLIENTS} consoles, ${RATE.toLocaleString('en')} events/s`,
      command: `${QUICK ? 'BENCH_QUICK=1 ' : ''}node --import tsx apps/bff/bench/socket-load.bench.ts`,
      body: [
        `${SECONDS} s each, ${CLIENTS} socket.io clients (websocket, in ${CLIENT_PROCS} processes) on one BFF process on ${usePg ? 'PostgreSQL' : 'PGlite'}, events arriving over the signed webhook in ${BATCHES_PER_SECOND} batches/s. Baseline: a bare socket.io server emitting the same batches to the same clients, no validation, storage or rooms, in the same run. Latency is webhook POST → client, on one clock; "delivered" is the worst client's distinct events / events sent, live or replayed after a reconnect (clients resume from their last seq, as the console does; a replay cut at LIVE_REPLAY_LIMIT would make the console refetch and is counted); memory is the BFF's resident set (start → max → end) and the least-squares slope of RSS and heap after the first quarter of the run (warm-up).`,
        '',
        table(
          [
            'server',
            'delivered (worst client)',
            'duplicates',
            'reconnects',
            'p50 ms',
            'p99 ms',
            'p99.9 ms',
            'events/s per client',
            'RSS MB',
            'RSS MB/min',
            'heap MB/min',
          ],
          [row('ours', ours, true), row('baseline', bare, false)],
        ),
        '',
        `Per-client throughput ours ÷ baseline: ${ratio(ours.worst / ours.seconds, bare.worst / bare.seconds)}; p99 ours ÷ baseline: ${ratio(percentileOf(ours.histogram, 99), percentileOf(bare.histogram, 99))}. Webhook batches refused: ${ours.refused}; replays cut at the limit: ${ours.incompleteReplays}.`,
      ].join('\n'),
    });
  } finally {
    await stopChild(baseline);
    await stopChild(bff);
    if (usePg) await dropPostgresSchema(DATABASE_URL, schema);
  }
}

if (process.argv[2] === 'clients') await clientProcess(JSON.parse(process.argv[3]!) as ClientJob);
else {
  await main();
  process.exit(0);
}
