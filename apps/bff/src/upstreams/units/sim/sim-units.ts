import type { SimWorld } from '../../sim-province/sim-world';
import { createRng, type Rng } from '../../sim-province/rng';
import { measurePolyline } from '../../sim-province/geo';
import { nearestWard } from '../../sim-province/wards';
import type { GpsFix, UnitRoster, UnitsPort } from '../units-port';

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

interface Driver {
  unitId: string;
  rng: Rng;
  route: ReturnType<typeof measurePolyline>;
  at: number;
  speedKmh: number;
}

/** Field units of the simulated province, driving the road network at patrol speeds. */
export function createSimUnits(
  world: SimWorld,
  options: { count: number; tickMs?: number; now?: () => number },
): UnitsPort {
  const now = options.now ?? Date.now;
  const tickMs = options.tickMs ?? 1000;
  const listeners = new Set<(fixes: GpsFix[]) => void>();
  const rng = createRng(`${world.seed}|units`);
  const drivers: Driver[] = [];
  const roster: UnitRoster[] = [];
  let timer: NodeJS.Timeout | null = null;

  function newRoute(d: { rng: Rng }) {
    return measurePolyline(world.graph().randomRoute(d.rng, 5000));
  }

  for (let i = 1; i <= options.count; i++) {
    const id = `unit-${String(i).padStart(3, '0')}`;
    const d = { rng: rng.fork(id) };
    const route = newRoute(d);
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
        () => `${d.rng.pick(RANKS)} ${d.rng.pick(FAMILY)} ${d.rng.pick(MIDDLE)} ${d.rng.pick(GIVEN)}`,
      ),
      areaId: nearestWard(start[0], start[1]).id,
    });
    drivers.push({
      unitId: id,
      rng: d.rng,
      route,
      at: d.rng.next() * route.length,
      speedKmh: 30 + d.rng.next() * 40,
    });
  }

  function tick(): void {
    const ts = new Date(now());
    const fixes: GpsFix[] = [];
    for (const d of drivers) {
      d.at += (d.speedKmh / 3.6) * (tickMs / 1000);
      if (d.at >= d.route.length) {
        d.route = newRoute(d);
        d.at = 0;
        d.speedKmh = 30 + d.rng.next() * 40;
      }
      const { point, bearing } = d.route.at(d.at);
      fixes.push({
        unitId: d.unitId,
        lng: point[0],
        lat: point[1],
        heading: bearing,
        speedKmh: d.speedKmh,
        ts,
      });
    }
    if (fixes.length > 0) for (const l of listeners) l(fixes);
  }

  return {
    adapter: 'sim',
    async listUnits() {
      return roster;
    },
    onFixes(listener) {
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
      return { ok: true, detail: `simulated field units, ${roster.length}` };
    },
  };
}
