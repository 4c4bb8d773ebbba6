/**
 * Escalation deadlines under load: how late after its due time a policy's second level notifies, for one alert
 * (the baseline, same run) and for a burst of alerts all due in the same second. Budget (DESIGN.md): within 1 s
 * of the deadline. Embedded mode (PGlite), one process; `BENCH_QUICK=1` keeps it to a minute.
 *
 *   node --import tsx apps/bff/bench/escalation.bench.ts
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { fmt, percentile, ratio } from '@c2/bench-kit/stats';
import { table, writeBenchSection } from '@c2/bench-kit/report';
import { INGEST_HEADERS } from '@c2/api-client/ingest';
import { signIngest } from '../src/components/events/http/ingest-webhook';
import { startServer } from '../src/server';
import { seedCode } from './bench-bff';

const QUICK = process.env.BENCH_QUICK === '1';
const BURST = QUICK ? 100 : 400;
const WAIT_S = 3;
const SECRET = 'bench-escalation-webhook-secret';

const server = await startServer({
  env: {},
  config: {
    port: 0,
    host: '127.0.0.1',
    pgliteDir: 'memory://',
    logLevel: 'silent',
    simCameras: Math.max(60, BURST + 10),
    simUnits: 0,
    simEventsPerMinute: 0,
    simFaults: false,
    consoleDist: '/nonexistent',
    ingestKeys: { bench: SECRET },
  },
});

async function session() {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.config.seedPassword, code: seedCode() }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (method: string, path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<{ id: string }>);
}

async function ingest(events: object[]) {
  const body = JSON.stringify(events);
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${server.url}/ingest/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INGEST_HEADERS.keyId]: 'bench',
      [INGEST_HEADERS.timestamp]: ts,
      [INGEST_HEADERS.signature]: signIngest(SECRET, ts, body),
    },
    body,
  });
  if (!res.ok) throw new Error(`ingest ${res.status}`);
}

/** Lateness (ms) of every level-2 notification of alerts at these cameras, waiting until all have fired. */
async function lateness(cameras: string[]): Promise<number[]> {
  for (;;) {
    const rows = await server.db.query<{ late: number }>(
      `SELECT extract(epoch FROM (n.at - (a.created_at + make_interval(secs => $2)))) * 1000 AS late
       FROM alerts a JOIN alert_activity n ON n.alert_id = a.id AND n.kind = 'notified' AND (n.detail->>'level') = '2'
       WHERE a.camera_id = ANY($1::text[])`,
      [cameras, WAIT_S],
    );
    if (rows.length >= cameras.length) return rows.map((r) => Number(r.late));
    await new Promise((r) => setTimeout(r, 100));
  }
}

const api = await session();
const cameras = (await server.db.query<{ id: string }>('SELECT id FROM cameras ORDER BY id')).map(
  (c) => c.id,
);
const policy = await api('POST', '/api/admin/alerts/policies', {
  name: 'bench',
  ackSlaSeconds: 600,
  resolveSlaSeconds: 6000,
  steps: [
    { targets: [{ kind: 'on_duty', duty: 'operator' }], channels: ['in_app'], waitSeconds: WAIT_S },
    { targets: [{ kind: 'on_duty', duty: 'supervisor' }], channels: ['in_app', 'sms'], waitSeconds: 60 },
  ],
});
await api('POST', '/api/admin/alerts/rules', {
  name: 'bench',
  eventTypes: ['wrong_way'],
  priority: 'P1',
  cameraIds: cameras,
  policyId: policy.id,
});
const event = (cameraId: string) => ({
  id: `bench-${randomUUID()}`,
  cameraId,
  type: 'wrong_way',
  severity: 'critical',
  ts: new Date().toISOString(),
});

// Baseline: one alert on its own.
const one = cameras.slice(0, 1);
await ingest(one.map(event));
const base = await lateness(one);
// Load: a burst of alerts raised together, so their level-2 deadlines all fall due in the same second.
const burst = cameras.slice(1, 1 + BURST);
for (let i = 0; i < burst.length; i += 100) await ingest(burst.slice(i, i + 100).map(event));
const late = await lateness(burst);
await server.stop();

const p = (q: number) => percentile(late, q);
const rows = [
  ['1 alert (baseline)', fmt(base[0]!, 0), fmt(base[0]!, 0), fmt(base[0]!, 0), '1.00×'],
  [
    `${BURST} alerts due together`,
    fmt(p(50), 0),
    fmt(p(99), 0),
    fmt(Math.max(...late), 0),
    ratio(p(99), base[0]!),
  ],
];
writeBenchSection({
  id: 'escalation',
  title: 'Escalation deadlines: lateness of a policy step after its due time',
  command: 'node --import tsx apps/bff/bench/escalation.bench.ts',
  body: [
    `Embedded PGlite, one BFF process; each alert's level 2 is due ${WAIT_S} s after it is raised, claimed from`,
    'the deadline table with FOR UPDATE SKIP LOCKED and notified through the outbox. Budget: ≤ 1000 ms late.',
    '',
    table(['case', 'p50 ms', 'p99 ms', 'max ms', 'p99 vs baseline'], rows),
    '',
    Math.max(...late) <= 1000 ? 'Within budget.' : '**Over budget.**',
    '',
    // PGlite runs every query on one thread, so a busy machine shows directly in these figures.
    `Load average during the run: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} on ${os.cpus().length} cores.`,
  ].join('\n'),
});
