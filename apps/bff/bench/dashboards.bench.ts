// Dashboards over millions of violations in PostgreSQL: every dashboard as the BFF answers it (rollups only) against
// the same figures computed the naive way (GROUP BY over the raw violations and events), in the same run on the
// same database; then what the rollup triggers cost per 1,000 ingested records.
//
// Run: node --import tsx apps/bff/bench/dashboards.bench.ts
//   The database is DATABASE_URL, or the machine's PostgreSQL (postgres://postgres@127.0.0.1:5432/test) when
//   nothing is set; without either it says so and skips. DASH_SCHEMA (default dash_bench) holds the data.
//   DASH_ROWS: violation rows wanted (default 10 M; BENCH_QUICK=1: 200,000); a schema holding fewer is seeded
//   first with apps/bff/scripts/seed-dashboards.ts (`pnpm bench:seed`), which resumes where it stopped. Seeding
//   10 M takes ~45 min on 2 cores, once: inside a full `pnpm bench` (BENCH_ALL=1) a schema short of DASH_ROWS is
//   seeded to at most 1 M so the run keeps to its 20 minutes, and the report names the size it measured.
//   DASH_RUNS: timed runs of each of our queries (default 30); the naive ones, seconds each, run DASH_NAIVE_RUNS
//   times (default 5).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fmt, percentile, ratio } from '@c2/bench-kit/stats';
import { REPO_ROOT, table, writeBenchSection } from '@c2/bench-kit/report';
import { benchDatabaseUrl } from '@c2/bench-kit/postgres';
import type { Area } from '@c2/api-client/schemas/map';
import { openDb, type SqlParam } from '../src/platform/db';
import { createLogger } from '../src/platform/logger';
import { createAuditTrail } from '../src/components/audit/domain/audit-trail';
import { createDashboardService } from '../src/components/dashboards/domain/dashboard-service';
import { addDays, localToday } from '../src/components/dashboards/domain/kpi-math';
import { setRawRollupTriggers } from '../src/components/dashboards/data/rollup-triggers';
import {
  availabilityFromHistory,
  closeCameraDays,
} from '../src/components/dashboards/data/availability-store';
import { WARDS } from '../src/upstreams/sim-province/wards';

const QUICK = process.env.BENCH_QUICK === '1';
const url = await benchDatabaseUrl();
if (!url) {
  process.stdout.write('dashboards bench: no DATABASE_URL and no PostgreSQL on 127.0.0.1:5432; skipped.\n');
  process.exit(0);
}
const schema = process.env.DASH_SCHEMA ?? 'dash_bench';
const wantRows = Number(process.env.DASH_ROWS ?? (QUICK ? 200_000 : 10_000_000));
const RUNS = Number(process.env.DASH_RUNS ?? (QUICK ? 10 : 30));
const NAIVE_RUNS = Number(process.env.DASH_NAIVE_RUNS ?? (QUICK ? 3 : 5));
const seedCap = process.env.BENCH_ALL === '1' ? Math.min(wantRows, 1_000_000) : wantRows;

const db = await openDb({ databaseUrl: url, schema, pgliteDir: 'memory://' }, createLogger('silent'));
const [seeded] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM violations`);
const [rolled] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dash_violations_daily`);
if ((seeded?.n ?? 0) < seedCap || (rolled?.n ?? 0) === 0) {
  const rows = Math.max(seedCap, seeded?.n ?? 0);
  process.stdout.write(`seeding ${rows} rows into ${schema}…\n`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'apps/bff/scripts/seed-dashboards.ts'), String(rows)],
    { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url, DASH_SCHEMA: schema } },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const [{ n: rows } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM violations`);
const [{ n: events } = { n: 0 }] = await db.query<{ n: number }>(
  `SELECT count(*)::int AS n FROM analytics_events`,
);
const rollupRows = await db.query<{ t: string; n: number }>(
  `SELECT 'dash_violations_hourly' AS t, count(*)::int AS n FROM dash_violations_hourly UNION ALL
   SELECT 'dash_violations_daily', count(*)::int FROM dash_violations_daily UNION ALL
   SELECT 'dash_events_hourly', count(*)::int FROM dash_events_hourly UNION ALL
   SELECT 'dash_events_daily', count(*)::int FROM dash_events_daily`,
);

// Camera availability: ended days are closed by the job as a running system would have; then one day is closed
// again, timed (what the job costs once a day).
const yesterday = addDays(localToday(new Date()), -1);
while ((await closeCameraDays(db, yesterday)) > 0);
await db.query(`UPDATE dash_rollup_marks SET through = through - 1 WHERE name = 'camera_daily'`);
const close0 = performance.now();
await closeCameraDays(db, yesterday);
const closeDayMs = performance.now() - close0;
const [{ n: historyRows } = { n: 0 }] = await db.query<{ n: number }>(
  'SELECT count(*)::int AS n FROM camera_status_history',
);

const areas: Area[] = WARDS.map((w) => ({ id: w.id, name: w.name, center: w.center, kind: w.kind }));
const dashboards = createDashboardService({ db, audit: createAuditTrail(db), areas: () => areas });
const scope = { maxTier: 2, areas: null };
const today = localToday(new Date());
const [road] = await db.query<{ road_id: string }>(
  `SELECT road_id FROM cameras WHERE road_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
);
const roadId = road?.road_id ?? '';

// --- The naive way: the same figures by GROUP BY over the raw tables (indexes on ts exist). ---
const start = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();
const LOCAL = (col: string) => `((${col} AT TIME ZONE 'UTC') + INTERVAL '7 hours')`;
const V = `FROM violations v LEFT JOIN cameras c ON c.id = v.camera_id
  WHERE v.ts >= $1 AND v.ts < $2 AND ($3::text IS NULL OR c.road_id = $3)`;
const E = `FROM analytics_events e LEFT JOIN cameras c ON c.id = e.camera_id
  WHERE e.ts >= $1 AND e.ts < $2 AND ($3::text IS NULL OR c.road_id = $3)`;

async function naiveAnalytical(from: string, to: string, bucket: 'hour' | 'day', roadFilter: string | null) {
  const p: SqlParam[] = [start(from), start(addDays(to, 1)), roadFilter];
  const b = bucket === 'hour' ? `date_trunc('hour', v.ts)` : `${LOCAL('v.ts')}::date`;
  const eb = bucket === 'hour' ? `date_trunc('hour', e.ts)` : `${LOCAL('e.ts')}::date`;
  await Promise.all([
    db.query(
      `SELECT count(*), count(*) FILTER (WHERE v.status <> 'pending'), count(*) FILTER (WHERE v.status = 'verified'),
              count(*) FILTER (WHERE v.status = 'rejected') ${V}`,
      p,
    ),
    db.query(`SELECT ${b}, count(*) ${V} GROUP BY 1`, p),
    db.query(`SELECT v.type, count(*) ${V} GROUP BY 1 ORDER BY 2 DESC LIMIT 10`, p),
    db.query(`SELECT c.road_id, count(*) ${V} GROUP BY 1 ORDER BY 2 DESC LIMIT 10`, p),
    db.query(`SELECT v.area_id, count(*) ${V} GROUP BY 1 ORDER BY 2 DESC LIMIT 10`, p),
    db.query(`SELECT v.camera_id, count(*) ${V} GROUP BY 1 ORDER BY 2 DESC LIMIT 10`, p),
    roadFilter
      ? Promise.resolve([])
      : db.query(
          `SELECT extract(isodow FROM ${LOCAL('v.ts')}), extract(hour FROM ${LOCAL('v.ts')}), count(*) ${V} GROUP BY 1, 2`,
          p,
        ),
    db.query(`SELECT count(*), count(*) FILTER (WHERE e.type = 'congestion') ${E}`, p),
    db.query(`SELECT ${eb}, count(*) ${E} GROUP BY 1`, p),
    db.query(
      `SELECT c.road_id, count(*), count(*) FILTER (WHERE e.type = 'congestion') ${E} GROUP BY 1 ORDER BY 2 DESC LIMIT 20`,
      p,
    ),
  ]);
}

async function naiveStrategic(from: string, to: string) {
  const p: SqlParam[] = [start(from), start(addDays(to, 1)), null];
  await Promise.all([
    db.query(
      `SELECT count(*), count(*) FILTER (WHERE v.status <> 'pending' AND v.updated_at - v.received_at <= interval '24 hours') ${V}`,
      p,
    ),
    db.query(`SELECT c.road_id, count(*) ${V} GROUP BY 1 ORDER BY 2 DESC LIMIT 15`, p),
    db.query(`SELECT area_id, state, count(*) FROM cameras GROUP BY 1, 2`),
    availabilityFromHistory(db, scope, null, from, to, new Date()),
    db.query(
      `SELECT count(*), avg(arrive_seconds), percentile_cont(0.9) WITHIN GROUP (ORDER BY arrive_seconds)
       FROM incident_measures WHERE detected_at >= $1 AND detected_at < $2`,
      p.slice(0, 2),
    ),
    db.query(
      `SELECT avg(sop_compliance) FROM alerts WHERE created_at >= $1 AND created_at < $2`,
      p.slice(0, 2),
    ),
  ]);
}

async function naiveOperational() {
  const hour = new Date(Date.now() - 3_600_000).toISOString();
  await Promise.all([
    db.query(`SELECT state, count(*) FROM cameras GROUP BY 1`),
    db.query(
      `SELECT priority, count(*) FROM alerts WHERE status NOT IN ('resolved', 'false_positive') GROUP BY 1`,
    ),
    db.query(`SELECT status, count(*) FROM units GROUP BY 1`),
    db.query(`SELECT date_trunc('minute', ts), count(*) FROM analytics_events WHERE ts >= $1 GROUP BY 1`, [
      hour,
    ]),
    db.query(`SELECT type, count(*) FROM incidents WHERE state NOT IN ('resolved', 'closed') GROUP BY 1`),
    db.query(
      `SELECT c.road_id, count(*), count(*) FILTER (WHERE e.type = 'congestion') FROM analytics_events e
       JOIN cameras c ON c.id = e.camera_id WHERE e.ts >= $1 GROUP BY 1`,
      [hour],
    ),
  ]);
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  await fn(); // warm the cache and the plan once, untimed
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    out.push(performance.now() - s);
  }
  return out;
}

const d7 = addDays(today, -6);
const d30 = addDays(today, -29);
const d365 = addDays(today, -364);
const cases: Array<{ name: string; ours: () => Promise<unknown>; naive: () => Promise<unknown> }> = [
  {
    name: 'operational (live)',
    ours: () => dashboards.operational(scope, null),
    naive: naiveOperational,
  },
  {
    name: 'analytical, 7 days by day (default)',
    ours: () => dashboards.analytical(scope, { granularity: 'day' }),
    naive: () => naiveAnalytical(d7, today, 'day', null),
  },
  {
    name: 'analytical, 7 days by hour',
    ours: () => dashboards.analytical(scope, { from: d7, to: today, granularity: 'hour' }),
    naive: () => naiveAnalytical(d7, today, 'hour', null),
  },
  {
    name: 'analytical, 30 days, one road, vs previous 30',
    ours: () =>
      dashboards.analytical(scope, {
        from: d30,
        to: today,
        road: roadId,
        granularity: 'day',
        compare: 'previous',
      }),
    naive: async () => {
      await naiveAnalytical(d30, today, 'day', roadId);
      await naiveAnalytical(addDays(d30, -30), addDays(d30, -1), 'day', roadId);
    },
  },
  {
    name: 'strategic, 30 days (default)',
    ours: () => dashboards.strategic(scope, { granularity: 'day' }),
    naive: () => naiveStrategic(d30, today),
  },
  {
    name: 'strategic, 365 days',
    ours: () => dashboards.strategic(scope, { from: d365, to: today, granularity: 'day' }),
    naive: () => naiveStrategic(d365, today),
  },
];

const results: string[][] = [];
let worstP95 = 0;
for (const c of cases) {
  process.stdout.write(`${c.name}…\n`);
  const ours = await time(c.ours, RUNS);
  const naive = await time(c.naive, NAIVE_RUNS);
  worstP95 = Math.max(worstP95, percentile(ours, 95));
  results.push([
    c.name,
    fmt(percentile(ours, 50)),
    fmt(percentile(ours, 95)),
    fmt(percentile(naive, 50)),
    fmt(percentile(naive, 95)),
    ratio(percentile(naive, 95), percentile(ours, 95)),
  ]);
}

// --- Rollup maintenance: 1,000 records ingested in statements of 50 (as a poll or an MQTT batch brings them),
// with the triggers on and off, alternating, on the full tables. ---
const BATCH = 50;
const [cam] = await db.query<{ id: string; area_id: string }>(`SELECT id, area_id FROM cameras LIMIT 1`);
let seq = 0;
async function ingest1000(tag: string): Promise<number> {
  const s = performance.now();
  for (let i = 0; i < 1000; i += BATCH) {
    const lo = seq;
    seq += BATCH;
    await db.query(
      `INSERT INTO analytics_events (id, camera_id, area_id, type, severity, ts, objects, metadata)
       SELECT '${tag}-e-' || g, $1, $2, 'speeding', 'minor', now() - (g % 600) * interval '1 second', '[]', '{}'
       FROM generate_series($3::int, $4::int) g`,
      [cam!.id, cam!.area_id, lo, lo + BATCH - 1],
    );
    await db.query(
      `INSERT INTO violations (id, source, camera_id, area_id, tier, type, plate_detected, plate, plate_norm,
         plate_confidence, ts, received_at, evidence, record)
       SELECT '${tag}-v-' || g, 'bench', $1, $2, 0, 'speeding', '99A-123.45', '99A-123.45', '99A12345', 0.9,
              now() - (g % 600) * interval '1 second', now(), '[]', '{"evidence": []}'
       FROM generate_series($3::int, $4::int) g`,
      [cam!.id, cam!.area_id, lo, lo + BATCH - 1],
    );
  }
  return performance.now() - s;
}
const triggers = (on: boolean) => setRawRollupTriggers(db, on);
const withRollups: number[] = [];
const without: number[] = [];
const ROUNDS = QUICK ? 3 : 6;
try {
  for (let r = 0; r < ROUNDS; r++) {
    await triggers(true);
    withRollups.push(await ingest1000('bench-on'));
    await triggers(false);
    without.push(await ingest1000('bench-off'));
  }
} finally {
  await triggers(true);
}
// Leave the data as seeded: rows added with the triggers on are deleted with them on (rollups follow).
await db.query(`DELETE FROM violations WHERE id LIKE 'bench-on-%'`);
await db.query(`DELETE FROM analytics_events WHERE id LIKE 'bench-on-%'`);
await triggers(false);
try {
  await db.query(`DELETE FROM violations WHERE id LIKE 'bench-off-%'`);
  await db.query(`DELETE FROM analytics_events WHERE id LIKE 'bench-off-%'`);
} finally {
  await triggers(true);
}
await db.close();

const on50 = percentile(withRollups, 50);
const off50 = percentile(without, 50);
writeBenchSection({
  id: 'dashboards',
  title: 'Dashboards: rollups vs naive queries on the raw tables',
  command: `${QUICK ? 'BENCH_QUICK=1 ' : ''}node --import tsx apps/bff/bench/dashboards.bench.ts`,
  body: [
    `PostgreSQL (schema \`${schema}\`): ${rows.toLocaleString('en')} violations and ${events.toLocaleString('en')} AI events over 365 days on 400 cameras, seeded by \`apps/bff/scripts/seed-dashboards.ts\`. Rollup rows: ${rollupRows.map((r) => `${r.t} ${r.n.toLocaleString('en')}`).join(', ')}.`,
    '',
    `Each dashboard ${RUNS} times after one warm-up (the naive queries, seconds each, ${NAIVE_RUNS} times: their p95 is about their slowest run), province-wide scope. **Ours**: the BFF's dashboard service, reading rollups only (several queries in parallel on a pool of 10). **Naive**: the same figures by GROUP BY over the raw violations and events (ts indexes in place), also in parallel.`,
    '',
    table(
      ['dashboard', 'ours p50 ms', 'ours p95 ms', 'naive p50 ms', 'naive p95 ms', 'naive ÷ ours (p95)'],
      results,
    ),
    '',
    `Budget (DESIGN.md): KPI queries ≤ 100 ms p95 over 10 M violation rows — worst p95 here ${fmt(worstP95)} ms: ${worstP95 <= 100 ? 'met' : '**not met**'}${rows < 10_000_000 ? ` (measured at ${rows.toLocaleString('en')} rows, not 10 M)` : ''}.`,
    '',
    `Camera availability (strategic KPI) from ${historyRows.toLocaleString('en')} status-history rows: ours sums the closed days of \`dash_camera_daily\` and reads only today from the history; the naive one computes every day of the range from the history. Closing one day into the rollup (the job, once a day): ${fmt(closeDayMs)} ms.`,
    '',
    `Rollup maintenance (statement-level triggers): 1,000 violations + 1,000 events ingested in statements of ${BATCH}, ${ROUNDS} rounds alternating: with rollups p50 ${fmt(on50)} ms, without ${fmt(off50)} ms — **${fmt(on50 - off50)} ms per 1,000 records of each kind** (${ratio(on50, off50)} the plain insert).`,
  ].join('\n'),
});
