// Bulk seed for the dashboard benchmark: N violation rows (default 10 million) and one matching AI event each, over
// the last DAYS days, on 400 cameras along the simulated province's roads and wards, into PostgreSQL.
//
//   pnpm bench:seed [rows] [days]     (or: node --import tsx apps/bff/scripts/seed-dashboards.ts [rows] [days])
//   into DATABASE_URL, or the machine's PostgreSQL when it is not set; DASH_SCHEMA (default dash_bench).
//
// Rows are generated inside PostgreSQL (INSERT … SELECT over generate_series, a million per statement): nothing
// crosses the wire but the statement, which is faster than COPY from a client. The rollup triggers are switched off
// for the load and the rollups rebuilt once at the end (dash_rebuild), as one would load history into a live
// system; the per-row maintenance cost is what the benchmark measures separately.
import { benchDatabaseUrl } from '@c2/bench-kit/postgres';
import { openDb } from '../src/platform/db';
import { setRawRollupTriggers } from '../src/components/dashboards/data/rollup-triggers';
import { createLogger } from '../src/platform/logger';
import { ROADS } from '../src/upstreams/sim-province/roads';
import { WARDS } from '../src/upstreams/sim-province/wards';

const url = await benchDatabaseUrl();
if (!url) {
  process.stderr.write(
    'No PostgreSQL: set DATABASE_URL or start one on 127.0.0.1:5432 (the seed is for the 10 M benchmark).\n',
  );
  process.exit(2);
}
const schema = process.env.DASH_SCHEMA ?? 'dash_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
  process.stderr.write(`DASH_SCHEMA must be a plain identifier, not ${schema}\n`);
  process.exit(2);
}
const rows = Number(process.argv[2] ?? 10_000_000);
const days = Number(process.argv[3] ?? 365);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(days) || days < 1) {
  process.stderr.write('usage: seed-dashboards.ts [rows ≥ 1] [days ≥ 1]\n');
  process.exit(2);
}
const CAMERAS = 400;
const CHUNK = 1_000_000;

const db = await openDb({ databaseUrl: url, schema, pgliteDir: 'memory://' }, createLogger('silent'));
const log = (s: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

// Cameras: one per (road, ward) in turn; a tenth restricted, as a province's mix would be.
const cams = Array.from({ length: CAMERAS }, (_, i) => {
  const road = ROADS[i % ROADS.length]!;
  const ward = WARDS[(i * 7) % WARDS.length]!;
  return { id: `bench-cam-${i}`, road, ward, classification: i % 10 === 0 ? 'restricted' : 'public' };
});
for (const c of cams) {
  await db.query(
    `INSERT INTO cameras (id, code, name, kind, lng, lat, bearing, road_id, road_name, area_id, area_name, owner,
       classification, streams, state, state_since)
     VALUES ($1, $1, $2, 'fixed', $3, $4, 0, $5, $6, $7, $8, 'CSGT', $9, '{}'::jsonb, 'online', now())
     ON CONFLICT (id) DO NOTHING`,
    [
      c.id,
      `${c.road.ref} – ${c.ward.name}`,
      c.ward.center[0],
      c.ward.center[1],
      c.road.id,
      c.road.name,
      c.ward.id,
      c.ward.name,
      c.classification,
    ],
  );
}
// Camera status history over the same days: online from the start, then on a third of the camera-days an outage
// of 5–60 minutes at a time of day that varies by camera and day (what the availability KPI is computed from).
const [history] = await db.query<{ n: number }>(
  `SELECT count(*)::int AS n FROM camera_status_history WHERE camera_id LIKE 'bench-cam-%'`,
);
if ((history?.n ?? 0) === 0) {
  await db.query(
    `INSERT INTO camera_status_history (camera_id, state, since, reason)
     SELECT 'bench-cam-' || c, 'online', now() - make_interval(days => $1::int), 'bench'
     FROM generate_series(0, ${CAMERAS - 1}) c
     UNION ALL
     SELECT 'bench-cam-' || c, s.state, date_trunc('day', now()) - make_interval(days => d) + s.at, 'bench'
     FROM generate_series(0, ${CAMERAS - 1}) c, generate_series(1, $1::int - 1) d,
     LATERAL (VALUES ('offline', make_interval(mins => (c * 37 + d * 11) % 1380)),
                     ('online', make_interval(mins => (c * 37 + d * 11) % 1380 + 5 + (c + d) % 56))) s(state, at)
     WHERE (c + d) % 3 = 0`,
    [days],
  );
  log('camera status history seeded');
}
const [existing] = await db.query<{ n: number }>(
  `SELECT count(*)::int AS n FROM violations WHERE id LIKE 'bench-v-%'`,
);
const start = existing?.n ?? 0;
if (start >= rows) {
  // A load stopped after its last whole chunk leaves the rows without their rollups: rebuild them then.
  const [rolled] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM dash_violations_daily');
  if ((rolled?.n ?? 0) === 0) {
    log(`${start} seeded violations without rollups: rebuilding them…`);
    const r0 = performance.now();
    await db.query('SELECT dash_rebuild()');
    await db.query('ANALYZE');
    log(`rollups rebuilt in ${((performance.now() - r0) / 1000).toFixed(0)} s`);
  } else log(`already ${start} seeded violations: nothing to add`);
  await db.close();
  process.exit(0);
}
log(`seeding violations ${start}…${rows - 1} and their events over ${days} days into schema ${schema}`);

await setRawRollupTriggers(db, false);
try {
  const t0 = performance.now();
  for (let lo = start; lo < rows; lo += CHUNK) {
    const hi = Math.min(rows, lo + CHUNK) - 1;
    // Deterministic per row g: camera, time spread over the range, type (one event in seven is congestion, its
    // violation then a speeding), status (decided unless recent, a tenth rejected), decided 0–29 h after arrival.
    const perRow = `CROSS JOIN LATERAL (SELECT
         now() - make_interval(secs => ((g * 2654435761) % ($3::bigint * 86400))::double precision) AS ts,
         'bench-cam-' || (g * 7919 % ${CAMERAS}) AS cam, (g * 31 % 7)::int AS k) t
       JOIN cameras c ON c.id = t.cam`;
    await db.query(
      `INSERT INTO analytics_events (id, camera_id, area_id, type, severity, ts, received_at, plate, objects, metadata)
       SELECT 'bench-e-' || g, c.id, c.area_id,
              (ARRAY['speeding','red_light','wrong_way','no_helmet','lane_violation','illegal_parking','congestion'])[1 + t.k],
              'minor', t.ts, t.ts, '99A-' || lpad((g % 100000)::text, 5, '0'), '[]'::jsonb, '{}'::jsonb
       FROM generate_series($1::bigint, $2::bigint) g ${perRow}`,
      [lo, hi, days],
    );
    await db.query(
      `INSERT INTO violations (id, source, event_id, camera_id, area_id, tier, type, plate_detected, plate, plate_norm,
         plate_confidence, ts, received_at, evidence, status, updated_at, record)
       SELECT 'bench-v-' || g, 'bench', 'bench-e-' || g, c.id, c.area_id,
              CASE c.classification WHEN 'restricted' THEN 1 ELSE 0 END,
              (ARRAY['speeding','red_light','wrong_way','no_helmet','lane_violation','illegal_parking'])[1 + t.k % 6],
              '99A-' || lpad((g % 100000)::text, 5, '0'), '99A-' || lpad((g % 100000)::text, 5, '0'),
              '99A' || lpad((g % 100000)::text, 5, '0'), 0.9, t.ts, t.ts, '[]'::jsonb,
              CASE WHEN t.ts > now() - interval '2 days' THEN 'pending'
                   WHEN g % 10 = 0 THEN 'rejected' ELSE 'verified' END,
              CASE WHEN t.ts > now() - interval '2 days' THEN t.ts
                   ELSE t.ts + make_interval(hours => (g % 30)::int) END,
              '{"evidence": []}'::jsonb
       FROM generate_series($1::bigint, $2::bigint) g ${perRow}`,
      [lo, hi, days],
    );
    log(`${hi + 1} rows (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  log('rebuilding the rollups from the raw tables…');
  const r0 = performance.now();
  await db.query('SELECT dash_rebuild()');
  log(`rollups rebuilt in ${((performance.now() - r0) / 1000).toFixed(0)} s`);
  await db.query('ANALYZE');
} finally {
  await setRawRollupTriggers(db, true);
}
const counts = await db.query<{ t: string; n: number }>(
  `SELECT 'violations' AS t, count(*)::int AS n FROM violations UNION ALL
   SELECT 'analytics_events', count(*)::int FROM analytics_events UNION ALL
   SELECT 'dash_violations_hourly', count(*)::int FROM dash_violations_hourly UNION ALL
   SELECT 'dash_violations_daily', count(*)::int FROM dash_violations_daily UNION ALL
   SELECT 'dash_events_hourly', count(*)::int FROM dash_events_hourly`,
);
for (const c of counts) log(`${c.t}: ${c.n}`);
await db.close();
