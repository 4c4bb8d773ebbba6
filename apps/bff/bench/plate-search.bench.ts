// Plate search over AI events: the index this feature keeps (normalized plates + symmetric-delete fuzzy keys, plain
// btree on PGlite and PostgreSQL) against what one would write without it (normalize every row on the fly; fuzzy by
// reading every distinct plate and comparing in JS), on the same database in the same run.
// Run: node --import tsx apps/bff/bench/plate-search.bench.ts   (BENCH_QUICK=1 for a one-minute run)
import { foldPlate, normalizePlate, plateDistance } from '@c2/api-client/plate';
import { fmt, percentile, ratio } from '@c2/bench-kit/stats';
import { table, writeBenchSection } from '@c2/bench-kit/report';
import { openDb } from '../src/platform/db';
import { createLogger } from '../src/platform/logger';
import { insertEvents } from '../src/components/events/data/event-store';
import { plateIndexSink, resolvePlates } from '../src/components/investigate/domain/plate-index';
import { selectSightings } from '../src/components/investigate/data/investigate-store';
import { createRng } from '../src/upstreams/sim-province/rng';
import { randomPlate } from '../src/upstreams/sim-province/sim-plates';

const QUICK = process.env.BENCH_QUICK === '1';
const EVENTS = QUICK ? 20_000 : 200_000;
const PLATES = EVENTS / 10;
const QUERIES = QUICK ? 30 : 60;
const DAY = 86400_000;

const db = await openDb({ schema: 'public', pgliteDir: 'memory://' }, createLogger('silent'));
const rng = createRng('plate-bench');
const plates = Array.from({ length: PLATES }, (_, i) => randomPlate(rng, i % 3 === 0 ? 'motorbike' : 'car'));
for (let c = 0; c < 60; c++) {
  await db.query(
    `INSERT INTO cameras (id, code, name, kind, lng, lat, bearing, area_id, area_name, owner, classification, streams, state, state_since)
     VALUES ($1, $1, $1, 'fixed', 106.07, 21.18, 0, 'a1', 'A1', 'CSGT', 'public', '{}'::jsonb, 'online', now())`,
    [`cam-${c}`],
  );
}
const t0 = Date.now() - 7 * DAY;
process.stdout.write(`seeding ${EVENTS} events with ${PLATES} plates…\n`);
const seedStart = performance.now();
for (let i = 0; i < EVENTS; i += 1000) {
  await db.tx(async (q) => {
    const batch = Array.from({ length: Math.min(1000, EVENTS - i) }, (_, k) => ({
      id: `e-${i + k}`,
      cameraId: `cam-${rng.int(0, 59)}`,
      areaId: 'a1',
      type: 'object' as const,
      severity: 'info' as const,
      ts: new Date(t0 + rng.next() * 7 * DAY).toISOString(),
      objects: [],
      plate: rng.pick(plates),
      snapshot: null,
      metadata: {},
    }));
    const stored = await insertEvents(q, batch, 120_000);
    await plateIndexSink(q, stored);
  });
}
const seedMs = performance.now() - seedStart;
const from = new Date(t0).toISOString();
const to = new Date(Date.now() + DAY).toISOString();
const scope = { maxTier: 2, areas: null };

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const s = performance.now();
    await fn();
    out.push(performance.now() - s);
  }
  return out;
}
const pick = () => rng.pick(plates);
// A plate as a witness or a misread gives it: one digit wrong.
const misread = (p: string) => p.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));

const filter = (norms: string[]) => ({ from, to, plates: norms, cameraIds: null, areaId: null, types: null });
const oursExact = await time(async () => {
  const c = await resolvePlates(db, pick(), false);
  await selectSightings(db, scope, 'u', filter(c.map((x) => x.norm)), 500);
});
const baseExact = await time(() =>
  db.query(
    `SELECT e.* FROM analytics_events e WHERE regexp_replace(upper(e.plate), '[^0-9A-Z]', '', 'g') = $1
     AND e.ts >= $2 AND e.ts < $3 ORDER BY e.ts DESC LIMIT 500`,
    [normalizePlate(pick()), from, to],
  ),
);
const oursFuzzy = await time(async () => {
  const c = await resolvePlates(db, misread(pick()), true);
  await selectSightings(db, scope, 'u', filter(c.map((x) => x.norm)), 500);
});
const baseFuzzy = await time(async () => {
  const q = foldPlate(misread(pick()));
  const all = await db.query<{ plate: string }>(
    'SELECT DISTINCT plate FROM analytics_events WHERE plate IS NOT NULL',
  );
  const near = all.filter((r) => plateDistance(q, foldPlate(r.plate), 1) <= 1).map((r) => r.plate);
  await db.query(
    'SELECT e.* FROM analytics_events e WHERE e.plate = ANY($1::text[]) AND e.ts >= $2 AND e.ts < $3 ORDER BY e.ts DESC LIMIT 500',
    [near, from, to],
  );
});
await db.close();

const row = (name: string, ours: number[], base: number[]) => [
  name,
  fmt(percentile(ours, 50)),
  fmt(percentile(ours, 95)),
  fmt(percentile(base, 50)),
  fmt(percentile(base, 95)),
  ratio(percentile(base, 50), percentile(ours, 50)),
];
writeBenchSection({
  id: 'plate-search',
  title: 'Plate search (investigation)',
  command: 'node --import tsx apps/bff/bench/plate-search.bench.ts',
  body: [
    `${EVENTS.toLocaleString('en')} AI events with ${PLATES.toLocaleString('en')} distinct plates over 7 days on PGlite (in memory); seeding with the plate index written in the ingest transaction: ${fmt(seedMs / 1000)} s (${fmt(EVENTS / (seedMs / 1000), 0)} events/s). ${QUERIES} searches each, full search (plates resolved, sightings read, 500 rows at most). Baseline: no index (normalize every row; fuzzy by reading every distinct plate).`,
    '',
    table(
      [
        'search',
        'ours p50 ms',
        'ours p95 ms',
        'baseline p50 ms',
        'baseline p95 ms',
        'speed-up (baseline ÷ ours, p50)',
      ],
      [
        row('exact, any separators', oursExact, baseExact),
        row('fuzzy, one digit misread', oursFuzzy, baseFuzzy),
      ],
    ),
  ].join('\n'),
});
