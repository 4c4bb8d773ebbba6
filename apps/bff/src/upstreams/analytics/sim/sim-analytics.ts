import type { AnalyticsEventInput, EventType, Severity } from '@c2/api-client/schemas/event';
import type { SimWorld } from '../../sim-province/sim-world';
import type { SimCameraSpec } from '../../sim-province/camera-layout';
import { createRng, type Rng } from '../../sim-province/rng';
import { randomPlate } from '../../sim-province/sim-plates';
import type { AnalyticsMessage, AnalyticsPort } from '../analytics-port';

/**
 * Relative traffic by hour of day (Vietnam time): low at night, peaks 7–8 and 17–18, a dip at noon. The
 * simulated AI event rate follows it, so dashboards show the daily rhythm a real province has.
 */
export const HOURLY_PROFILE = [
  0.08, 0.05, 0.04, 0.04, 0.08, 0.25, 0.6, 1.0, 0.95, 0.7, 0.6, 0.6, 0.5, 0.55, 0.6, 0.65, 0.8, 1.0, 0.95,
  0.7, 0.5, 0.35, 0.22, 0.12,
] as const;

export function profileAt(t: number): number {
  const hourVn = new Date(t + 7 * 3600_000).getUTCHours();
  return HOURLY_PROFILE[hourVn] ?? 0.5;
}

interface TypeChoice {
  type: EventType;
  weight: number;
}
const SPEED_TYPES: TypeChoice[] = [
  { type: 'speeding', weight: 80 },
  { type: 'lane_violation', weight: 10 },
  { type: 'wrong_way', weight: 2 },
  { type: 'stalled_vehicle', weight: 5 },
  { type: 'accident', weight: 1 },
  { type: 'congestion', weight: 2 },
];
const EXPRESSWAY_TYPES: TypeChoice[] = [
  { type: 'lane_violation', weight: 30 },
  { type: 'illegal_parking', weight: 10 },
  { type: 'stalled_vehicle', weight: 15 },
  { type: 'wrong_way', weight: 4 },
  { type: 'pedestrian_on_expressway', weight: 4 },
  { type: 'congestion', weight: 12 },
  { type: 'accident', weight: 2 },
  { type: 'object', weight: 20 },
];
const URBAN_TYPES: TypeChoice[] = [
  { type: 'red_light', weight: 30 },
  { type: 'no_helmet', weight: 25 },
  { type: 'lane_violation', weight: 15 },
  { type: 'illegal_parking', weight: 12 },
  { type: 'wrong_way', weight: 4 },
  { type: 'congestion', weight: 6 },
  { type: 'crowd', weight: 2 },
  { type: 'accident', weight: 1.5 },
  { type: 'fire_smoke', weight: 0.3 },
  { type: 'object', weight: 5 },
];

const SEVERITY: Record<EventType, Severity> = {
  accident: 'critical',
  wrong_way: 'critical',
  fire_smoke: 'critical',
  pedestrian_on_expressway: 'major',
  stalled_vehicle: 'major',
  congestion: 'major',
  crowd: 'minor',
  red_light: 'minor',
  speeding: 'minor',
  no_helmet: 'minor',
  illegal_parking: 'minor',
  lane_violation: 'minor',
  object: 'info',
  camera_offline: 'major',
  stream_failure: 'major',
  image_black: 'major',
  image_frozen: 'major',
  image_blur: 'minor',
  camera_covered: 'major',
  scene_change: 'minor',
};
const PLATED = new Set<EventType>([
  'red_light',
  'speeding',
  'no_helmet',
  'illegal_parking',
  'lane_violation',
  'wrong_way',
]);

function pickWeighted(rng: Rng, choices: readonly TypeChoice[]): EventType {
  const total = choices.reduce((s, c) => s + c.weight, 0);
  let x = rng.next() * total;
  for (const c of choices) if ((x -= c.weight) < 0) return c.type;
  return choices[choices.length - 1]!.type;
}

/** Builds one simulated event at a camera, in our native ingestion format. */
export function simEvent(
  rng: Rng,
  camera: SimCameraSpec,
  id: string,
  t: number,
  road: { kind: string; speedLimitKmh: number } | undefined,
): AnalyticsEventInput {
  const speedLimitKmh = road?.speedLimitKmh ?? 60;
  const choices =
    camera.kind === 'speed' ? SPEED_TYPES : road?.kind === 'expressway' ? EXPRESSWAY_TYPES : URBAN_TYPES;
  const type = pickWeighted(rng, choices);
  const motorbike = type === 'no_helmet' || (type !== 'speeding' && rng.chance(0.5));
  const plate = PLATED.has(type) ? randomPlate(rng, motorbike ? 'motorbike' : 'car') : null;
  const label = motorbike ? 'motorbike' : rng.pick(['car', 'car', 'truck', 'bus']);
  const metadata: Record<string, unknown> = { model: 'sim-yolo-v8', site: camera.wardId };
  if (type === 'speeding') {
    metadata.limitKmh = speedLimitKmh;
    metadata.speedKmh = Math.round(speedLimitKmh * (1.08 + rng.next() * 0.45));
  }
  return {
    id,
    cameraId: camera.id,
    type,
    severity: SEVERITY[type],
    ts: new Date(t).toISOString(),
    objects: [
      {
        label: type === 'pedestrian_on_expressway' ? 'person' : label,
        confidence: Math.round((0.62 + rng.next() * 0.37) * 100) / 100,
        box: [rng.next() * 0.6, rng.next() * 0.6, 0.1 + rng.next() * 0.25, 0.1 + rng.next() * 0.25],
      },
    ],
    plate,
    snapshot: null,
    metadata,
  };
}

/** Edge AI for the simulated province: a Poisson stream of events following the daily rhythm. */
export function createSimAnalytics(
  world: SimWorld,
  options: {
    peakPerMinute: number;
    isOnline: (cameraId: string) => boolean;
    tickMs?: number;
    now?: () => number;
  },
): AnalyticsPort {
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 250;
  const listeners = new Set<(message: AnalyticsMessage) => Promise<unknown>>();
  const rng = createRng(`${world.seed}|analytics`);
  const roads = new Map(world.roads.map((r) => [r.id, r]));
  const runId = now().toString(36);
  let counter = 0;
  let timer: NodeJS.Timeout | null = null;

  function poisson(mean: number): number {
    // Knuth for small means, normal approximation above; enough for a simulator.
    if (mean > 30) return Math.max(0, Math.round(rng.normal(mean, Math.sqrt(mean))));
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= rng.next();
    } while (p > l);
    return k - 1;
  }

  function tick(): void {
    const t = now();
    const mean = (options.peakPerMinute / 60) * (tickMs / 1000) * profileAt(t);
    const n = poisson(mean);
    for (let i = 0; i < n; i++) {
      const camera = rng.pick(world.cameras);
      if (!options.isOnline(camera.id)) continue;
      const event = simEvent(rng, camera, `sim-${runId}-${++counter}`, t, roads.get(camera.roadId));
      for (const l of listeners) {
        // The simulator has nobody to acknowledge to; a failed write is logged by the ingest.
        l({ format: 'native', source: `sim:${camera.wardId}`, body: { decoded: event } }).catch(() => undefined);
      }
    }
  }

  return {
    adapter: 'sim',
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      timer = setInterval(tick, tickMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
    },
    async health() {
      return { ok: true, detail: `simulated edge AI, peak ${options.peakPerMinute}/min` };
    },
  };
}
