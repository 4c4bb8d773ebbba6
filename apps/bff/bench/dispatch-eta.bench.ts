/**
 * Dispatch ranking: how long "nearest available units by ETA" takes for one incident when the province has many
 * units, on the simulated road network (Dijkstra on travel time from the scene, one search for all units) against
 * the baseline a system without a road network would use (great-circle estimate per unit), measured in the same
 * run. Run alone: `node --import tsx apps/bff/bench/dispatch-eta.bench.ts` (BENCH_QUICK=1: fewer incidents).
 */
import { createRng } from '../src/upstreams/sim-province/rng';
import { createSimWorld } from '../src/upstreams/sim-province/sim-world';
import { createSimRouting } from '../src/upstreams/units/sim/sim-routing';
import { createGreatCircleRouting } from '../src/upstreams/units/great-circle/great-circle-routing';
import type { Point, RoutingPort } from '../src/upstreams/units/routing-port';
import { fmt, percentile, ratio } from '@c2/bench-kit/stats';
import { table, writeBenchSection } from '@c2/bench-kit/report';

const QUICK = process.env.BENCH_QUICK === '1';
const INCIDENTS = QUICK ? 40 : 200;
const UNIT_COUNTS = [24, 500, 2000];

const world = createSimWorld('bac-ninh', 400);
const rng = createRng('bench|dispatch');
// Units and scenes on the network, as in the province: a random point along a random road.
const onRoad = (): Point => {
  const road = rng.pick(world.roads);
  const i = rng.int(1, road.coords.length - 1);
  const [a, b] = [road.coords[i - 1]!, road.coords[i]!];
  const f = rng.next();
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
};

async function run(routing: RoutingPort, units: Point[], scenes: Point[]): Promise<number[]> {
  const ms: number[] = [];
  for (const scene of scenes) {
    const t0 = performance.now();
    const estimates = await routing.estimateTo(scene, units);
    // Ranking is part of the answer.
    estimates.map((e, i) => [e.seconds, i] as const).sort((x, y) => x[0] - y[0]);
    ms.push(performance.now() - t0);
  }
  return ms;
}

const road = createSimRouting(world);
const crow = createGreatCircleRouting();
const rows: string[][] = [];
for (const n of UNIT_COUNTS) {
  const units = Array.from({ length: n }, onRoad);
  // A scene per incident; the road router caches a few searches, so distinct scenes measure the cold path.
  const scenes = Array.from({ length: INCIDENTS }, onRoad);
  await run(road, units, scenes.slice(0, 3)); // warm-up (JIT, graph build)
  const ours = await run(road, units, scenes);
  const base = await run(crow, units, scenes);
  const p50 = percentile(ours, 50);
  const p95 = percentile(ours, 95);
  const b50 = percentile(base, 50);
  rows.push([String(n), fmt(p50, 2), fmt(p95, 2), fmt(b50, 3), ratio(p50, b50)]);
  process.stdout.write(
    `${n} units: road p50 ${fmt(p50, 2)} ms p95 ${fmt(p95, 2)} ms, great-circle p50 ${fmt(b50, 3)} ms\n`,
  );
}

writeBenchSection({
  id: 'dispatch-eta',
  title: 'Dispatch: nearest units by ETA on the road network',
  command: 'node --import tsx apps/bff/bench/dispatch-eta.bench.ts',
  body: [
    `Time to estimate and rank every unit for one incident (${INCIDENTS} distinct scenes per row, cold search each).`,
    'Baseline: the great-circle estimate, what dispatch falls back to without a road network.',
    '',
    table(['units', 'road p50 ms', 'road p95 ms', 'great-circle p50 ms', 'road ÷ great-circle'], rows),
  ].join('\n'),
});
