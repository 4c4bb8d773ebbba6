import type { UnitStatus } from '@c2/api-client/schemas/unit';
import type { SimWorld } from '../../sim-province/sim-world';
import { createRng, type Rng } from '../../sim-province/rng';
import { measurePolyline, type LngLat, type MeasuredPolyline } from '../../sim-province/geo';
import { nearestWard } from '../../sim-province/wards';
import type { RoutingPort } from '../routing-port';
import type { GpsFix, StatusReport, UnitRoster, UnitTask, UnitsPort } from '../units-port';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thanh', 'Công', 'Ngọc'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
];
const RANKS = ['Thiếu úy', 'Trung úy', 'Thượng úy', 'Đại úy'];
const PATROL_METERS = 5000;

interface Driver {
  unitId: string;
  rng: Rng;
  /** Where the unit starts its shift and returns to. */
  home: LngLat;
  route: MeasuredPolyline;
  at: number;
  speedKmh: number;
  mode: 'patrol' | 'drive' | 'hold';
  /** Called once when a drive reaches its end. */
  onArrive: (() => void) | null;
  /** A simulated crew's pending action (accepting, leaving the scene). */
  timer: NodeJS.Timeout | null;
  /** Bumped by every task, so a route computed for an older task is dropped. */
  task: number;
  /** The last task applied: the console repeats it after unrelated changes (a note), which must not restart a drive. */
  last: string;
}

export interface SimUnitsOptions {
  count: number;
  routing: RoutingPort;
  /**
   * Simulated crews act for units nobody works in the field view: they take an assignment this long after it
   * arrives (0: never, the loop then waits for people), report on scene on arrival, and clear after `sceneSeconds`.
   */
  crewResponseSeconds: number;
  crewSceneSeconds: number;
  /** Drives this many times faster than real time (drills and tests). */
  speedup?: number;
  tickMs?: number;
  now?: () => number;
}

/**
 * Field units of the simulated province. Available units patrol the road network; an assigned unit holds until
 * its crew sets off, then drives the fastest road route to the scene, holds there, and drives home when it
 * clears. A simulated crew plays the units no person works in the field view, so the loop also closes unattended.
 */
export function createSimUnits(world: SimWorld, options: SimUnitsOptions): UnitsPort {
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 1000;
  const speedup = options.speedup ?? 1;
  const fixListeners = new Set<(fixes: GpsFix[]) => void>();
  const reportListeners = new Set<(report: StatusReport) => void>();
  const rng = createRng(`${world.seed}|units`);
  const drivers = new Map<string, Driver>();
  const roster: UnitRoster[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  const graph = () => world.graph();
  const positionOf = (d: Driver): LngLat => d.route.at(d.at).point;

  function patrolFrom(d: Driver, from: LngLat | null): void {
    const start = from ? graph().nearestNode(from) : undefined;
    const path = graph().randomRoute(d.rng, PATROL_METERS, start);
    d.route = measurePolyline(from ? [from, ...path] : path);
    d.at = 0;
    d.speedKmh = 30 + d.rng.next() * 40;
    d.mode = 'patrol';
    d.onArrive = null;
  }

  function holdAt(d: Driver, point: LngLat): void {
    d.route = measurePolyline([point]);
    d.at = 0;
    d.speedKmh = 0;
    d.mode = 'hold';
    d.onArrive = null;
  }

  function report(unitId: string, status: UnitStatus): void {
    for (const l of reportListeners) l({ unitId, status, at: new Date(now()), source: 'sim-crew' });
  }

  function later(d: Driver, seconds: number, fn: () => void): void {
    if (d.timer) clearTimeout(d.timer);
    d.timer = setTimeout(
      () => {
        d.timer = null;
        if (running) fn();
      },
      (seconds * 1000) / speedup,
    );
    d.timer.unref();
  }

  function driveTo(d: Driver, to: LngLat, onArrive: () => void): void {
    const task = d.task;
    const from = positionOf(d);
    // Hold while the route is computed; a newer task makes this one moot.
    holdAt(d, from);
    void options.routing.route(from, to).then(
      (r) => {
        if (d.task !== task) return;
        d.route = measurePolyline(r.path);
        d.at = 0;
        // Drive at the average speed the estimate assumed, so the unit arrives about when its ETA said.
        d.speedKmh = r.seconds > 0 ? Math.max(15, (r.meters / r.seconds) * 3.6) : 40;
        d.mode = 'drive';
        d.onArrive = onArrive;
      },
      () => {
        if (d.task !== task) return;
        d.route = measurePolyline([from, to]);
        d.at = 0;
        d.speedKmh = 40;
        d.mode = 'drive';
        d.onArrive = onArrive;
      },
    );
  }

  function applyTask(d: Driver, task: UnitTask): void {
    d.task++;
    if (d.timer) clearTimeout(d.timer);
    d.timer = null;
    const simCrew = task.kind === 'respond' && !task.crewActed && options.crewResponseSeconds > 0;
    switch (task.kind) {
      case 'patrol':
        if (d.mode !== 'patrol') patrolFrom(d, positionOf(d));
        return;
      case 'stand_down':
        holdAt(d, positionOf(d));
        return;
      case 'return':
        driveTo(d, d.home, () => {
          holdAt(d, d.home);
          // Back at base: the terminal's geofence reports the unit available.
          report(d.unitId, 'available');
        });
        return;
      case 'respond':
        if (task.stage === 'assigned') {
          holdAt(d, positionOf(d));
          if (simCrew) later(d, options.crewResponseSeconds, () => report(d.unitId, 'en_route'));
        } else if (task.stage === 'en_route') {
          driveTo(d, task.to, () => {
            holdAt(d, task.to);
            if (simCrew) report(d.unitId, 'on_scene');
          });
        } else {
          // The crew says it is there: the position agrees.
          holdAt(d, task.to);
          if (simCrew) later(d, options.crewSceneSeconds, () => report(d.unitId, 'returning'));
        }
    }
  }

  for (let i = 1; i <= options.count; i++) {
    const id = `unit-${String(i).padStart(3, '0')}`;
    const unitRng = rng.fork(id);
    const route = measurePolyline(graph().randomRoute(unitRng, PATROL_METERS));
    const start = route.at(0).point;
    const team = Math.ceil(i / 6);
    const motorbike = i % 3 === 0;
    roster.push({
      id,
      callSign: `CSGT-${String(i).padStart(2, '0')}`,
      name: `Tổ tuần tra ${String(i).padStart(2, '0')} – Đội CSGT số ${team}`,
      vehicle: motorbike
        ? `Mô tô tuần tra 99A1-${String(100 + i).padStart(3, '0')}.00`
        : `Ô tô tuần tra 99A-${String(200 + i)}.${String(10 + (i % 90))}`,
      members: Array.from(
        { length: motorbike ? 2 : 3 },
        () => `${unitRng.pick(RANKS)} ${unitRng.pick(FAMILY)} ${unitRng.pick(MIDDLE)} ${unitRng.pick(GIVEN)}`,
      ),
      areaId: nearestWard(start[0], start[1]).id,
    });
    drivers.set(id, {
      unitId: id,
      rng: unitRng,
      home: start,
      route,
      at: unitRng.next() * route.length,
      speedKmh: 30 + unitRng.next() * 40,
      mode: 'patrol',
      onArrive: null,
      timer: null,
      task: 0,
      last: JSON.stringify({ kind: 'patrol' }),
    });
  }

  function tick(): void {
    const ts = new Date(now());
    const fixes: GpsFix[] = [];
    for (const d of drivers.values()) {
      if (d.mode !== 'hold') {
        d.at += (d.speedKmh / 3.6) * (tickMs / 1000) * speedup;
        if (d.at >= d.route.length) {
          d.at = d.route.length;
          if (d.mode === 'patrol') patrolFrom(d, positionOf(d));
          else {
            const arrive = d.onArrive;
            holdAt(d, positionOf(d));
            arrive?.();
          }
        }
      }
      const { point, bearing } = d.route.at(d.at);
      fixes.push({
        unitId: d.unitId,
        lng: point[0],
        lat: point[1],
        heading: bearing,
        speedKmh: d.mode === 'hold' ? 0 : d.speedKmh,
        ts,
      });
    }
    if (fixes.length > 0) for (const l of fixListeners) l(fixes);
  }

  return {
    adapter: 'sim',
    async listUnits() {
      return roster;
    },
    onFixes(listener) {
      fixListeners.add(listener);
      return () => fixListeners.delete(listener);
    },
    onStatusReports(listener) {
      reportListeners.add(listener);
      return () => reportListeners.delete(listener);
    },
    sendTask(unitId, task) {
      const d = drivers.get(unitId);
      const key = JSON.stringify(task);
      if (!d || d.last === key) return;
      d.last = key;
      applyTask(d, task);
    },
    async start() {
      running = true;
      timer = setInterval(tick, tickMs);
      timer.unref();
    },
    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      for (const d of drivers.values()) if (d.timer) clearTimeout(d.timer);
    },
    async health() {
      return { ok: true, detail: `simulated field units, ${roster.length}` };
    },
  };
}
