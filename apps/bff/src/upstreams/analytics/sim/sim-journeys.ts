import type { AnalyticsEventInput } from '@c2/api-client/schemas/event';
import type { ViolationType } from '@c2/api-client/schemas/violation';
import type { SimWorld } from '../../sim-province/sim-world';
import type { SimCameraSpec } from '../../sim-province/camera-layout';
import { createRng, type Rng } from '../../sim-province/rng';
import { randomPlate } from '../../sim-province/sim-plates';
import type { AnalyticsMessage, AnalyticsPort } from '../analytics-port';
import { profileAt } from './sim-analytics';

/** Vehicles that use the province's roads again and again (commuters, trucks on a corridor). */
const POOL = 300;

interface Sighting {
  camera: SimCameraSpec;
  at: number;
  event: AnalyticsEventInput;
}

export interface JourneyDrill {
  plate?: string | undefined;
  /** Cameras passed, 2–12. */
  sightings?: number | undefined;
  /** A violation raised at the last camera passed. */
  violation?: ViolationType | undefined;
}

export interface SimJourneys extends AnalyticsPort {
  /**
   * Drill: one vehicle that has just driven past consecutive cameras of a road, its last sighting now. Resolves
   * when every listener (the ingest) has taken the events in.
   */
  drive(drill: JourneyDrill): Promise<{ plate: string; events: AnalyticsEventInput[] }>;
}

/**
 * Plate reads (ANPR) of vehicles driving the simulated province: a vehicle from a fixed pool enters a road,
 * passes its cameras in order at a plausible speed, and each camera reports the plate as an `object` event. Now and
 * then a pass is a violation (speeding at a speed camera, or a lane violation). This is what lets an investigator
 * follow one plate across cameras; the per-camera random events of the AI simulator never repeat a plate.
 */
export function createSimJourneys(
  world: SimWorld,
  options: { perMinute: number; isOnline: (cameraId: string) => boolean; now?: () => number },
): SimJourneys {
  const now = options.now ?? Date.now;
  const rng = createRng(`${world.seed}|journeys`);
  const poolRng = createRng(`${world.seed}|journey-pool`);
  const pool = Array.from({ length: POOL }, (_, i) => ({
    plate: randomPlate(poolRng, i % 3 === 0 ? 'motorbike' : 'car'),
    motorbike: i % 3 === 0,
  }));
  const roadCameras = new Map<string, SimCameraSpec[]>();
  for (const c of world.cameras) {
    const list = roadCameras.get(c.roadId) ?? [];
    list.push(c);
    roadCameras.set(c.roadId, list);
  }
  for (const list of roadCameras.values()) list.sort((a, b) => a.km - b.km);
  const roads = new Map(world.roads.map((r) => [r.id, r]));
  const usable = [...roadCameras.entries()].filter(([, list]) => list.length >= 3);
  const listeners = new Set<(message: AnalyticsMessage) => Promise<unknown>>();
  const runId = now().toString(36);
  let counter = 0;
  let pending: Sighting[] = [];
  let timer: NodeJS.Timeout | null = null;

  function plan(r: Rng, drill: JourneyDrill, endAt: number | null): Sighting[] {
    if (usable.length === 0) return [];
    const [roadId, cameras] = r.pick(usable);
    const road = roads.get(roadId);
    const vehicle = drill.plate
      ? { plate: drill.plate, motorbike: /^\d{2}[A-Z]{1,2}\d-/.test(drill.plate) }
      : r.pick(pool);
    const count = Math.min(cameras.length, Math.max(2, drill.sightings ?? r.int(3, 7)));
    const forward = r.chance(0.5);
    const start = r.int(0, cameras.length - count);
    const passed = cameras.slice(start, start + count);
    if (!forward) passed.reverse();
    const limit = road?.speedLimitKmh ?? 60;
    const speedKmh = limit * (vehicle.motorbike ? 0.7 : 0.85) + r.next() * limit * 0.3;
    const offsets = [0];
    for (let i = 1; i < passed.length; i++) {
      const km = Math.abs(passed[i]!.km - passed[i - 1]!.km);
      offsets.push(offsets[i - 1]! + Math.max(20_000, (km / speedKmh) * 3_600_000));
    }
    const t0 = endAt === null ? now() : endAt - offsets[offsets.length - 1]!;
    return passed.map((camera, i) => {
      const last = i === passed.length - 1;
      const violation: ViolationType | null =
        drill.violation && last
          ? drill.violation
          : !drill.plate && camera.kind === 'speed' && r.chance(0.15)
            ? 'speeding'
            : null;
      const at = t0 + offsets[i]!;
      const measured =
        violation === 'speeding' ? Math.round(limit * (1.1 + r.next() * 0.35)) : Math.round(speedKmh);
      const metadata: Record<string, unknown> = {
        model: 'sim-anpr-v3',
        site: camera.wardId,
        anpr: true,
        direction: forward ? 'increasing_km' : 'decreasing_km',
      };
      if (camera.kind === 'speed' || violation === 'speeding') {
        metadata.speedKmh = measured;
        metadata.limitKmh = limit;
      }
      return {
        camera,
        at,
        event: {
          id: `jr-${runId}-${++counter}`,
          cameraId: camera.id,
          type: violation ?? 'object',
          severity: violation ? (violation === 'wrong_way' ? 'critical' : 'minor') : 'info',
          ts: new Date(at).toISOString(),
          objects: [
            {
              label: vehicle.motorbike ? 'motorbike' : 'car',
              confidence: Math.round((0.8 + r.next() * 0.19) * 100) / 100,
              box: [0.3 + r.next() * 0.3, 0.45 + r.next() * 0.2, 0.15, 0.2],
            },
          ],
          plate: vehicle.plate,
          snapshot: null,
          metadata,
        },
      };
    });
  }

  async function emit(sightings: readonly Sighting[]): Promise<void> {
    const deliveries: Promise<unknown>[] = [];
    for (const s of sightings) {
      if (!options.isOnline(s.camera.id)) continue;
      for (const l of listeners)
        deliveries.push(
          l({ format: 'native', source: `sim:${s.camera.wardId}`, body: { decoded: s.event } }),
        );
    }
    await Promise.allSettled(deliveries);
  }

  function tick(): void {
    const t = now();
    const mean = (options.perMinute / 60) * profileAt(t);
    if (rng.next() < mean) pending.push(...plan(rng, {}, null));
    const due = pending.filter((s) => s.at <= t);
    if (due.length === 0) return;
    pending = pending.filter((s) => s.at > t);
    void emit(due);
  }

  return {
    adapter: 'sim',
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async drive(drill) {
      const sightings = plan(rng.fork(`drill-${++counter}`), drill, now());
      await emit(sightings);
      return { plate: sightings[0]?.event.plate ?? drill.plate ?? '', events: sightings.map((s) => s.event) };
    },
    async start() {
      if (options.perMinute <= 0) return;
      timer = setInterval(tick, 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
    },
    async health() {
      return { ok: true, detail: `simulated plate readers, ${pending.length} sightings ahead` };
    },
  };
}
