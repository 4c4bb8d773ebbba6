import type { CameraState } from '@c2/api-client/schemas/camera';
import type { DeviceMetrics } from '@c2/api-client/schemas/device';
import type { SimWorld } from '../../sim-province/sim-world';
import { createRng } from '../../sim-province/rng';
import type { SimImageFault } from '../../vms/sim/sim-image-faults';
import type { DeviceInfo, DevicesPort, HealthReading } from '../devices-port';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A smooth pseudo-random signal in [0, 1): values drawn at knots `period` apart, eased in between. */
function wave(key: string, t: number, period: number): number {
  const k = Math.floor(t / period);
  const f = t / period - k;
  const a = createRng(`${key}|${k}`).next();
  const b = createRng(`${key}|${k + 1}`).next();
  const e = f * f * (3 - 2 * f);
  return a + (b - a) * e;
}

/** Traffic (and so analytics load) over the day: peaks at the morning and evening rush, low at night. */
function load(t: number): number {
  const h = (((t / HOUR + 7) % 24) + 24) % 24;
  const rush = Math.exp(-((h - 7.5) ** 2) / 2) + Math.exp(-((h - 17.5) ** 2) / 2);
  const day = h >= 6 && h < 22 ? 0.45 : 0.15;
  return Math.min(1, day + 0.5 * rush);
}

/** Ambient temperature in the province: about 22 °C before dawn, 33 °C mid-afternoon. */
function ambient(t: number): number {
  const h = (((t / HOUR + 7) % 24) + 24) % 24;
  return 27.5 + 5.5 * Math.sin(((h - 9) / 24) * 2 * Math.PI);
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const NO_METRICS: DeviceMetrics = {
  cpuPct: null,
  memPct: null,
  tempC: null,
  storagePct: null,
  latencyMs: null,
  lossPct: null,
  bitrateKbps: null,
  fps: null,
};

interface Episode {
  kind: 'offline' | 'overheat' | 'network' | 'cpu';
  start: number;
  end: number;
}

/** Rare episodes of a box or server on a given day (deterministic for the seed). */
function episodeAt(
  seed: string,
  id: string,
  t: number,
  rates: Partial<Record<Episode['kind'], number>>,
): Episode | null {
  const day = Math.floor(t / DAY);
  for (const d of [day - 1, day]) {
    for (const [kind, p] of Object.entries(rates) as [Episode['kind'], number][]) {
      const rng = createRng(`${seed}|episode|${id}|${kind}|${d}`);
      if (!rng.chance(p)) continue;
      // Overheating happens in the afternoon heat; the rest at any hour.
      const start = d * DAY + (kind === 'overheat' ? (6 + rng.next() * 4) * HOUR : rng.next() * DAY);
      const minutes = kind === 'offline' ? 5 + rng.next() * 25 : 20 + rng.next() * 50;
      const end = start + minutes * 60_000;
      if (start <= t && t < end) return { kind, start, end };
    }
  }
  return null;
}

const SERVERS: ReadonlyArray<{
  id: string;
  code: string;
  name: string;
  model: string;
  role: 'vms' | 'ai' | 'db' | 'app' | 'nas';
}> = [
  {
    id: 'srv-vms-01',
    code: 'SRV-VMS-01',
    name: 'Máy chủ ghi hình VMS 01',
    model: 'Dell PowerEdge R750xs',
    role: 'vms',
  },
  {
    id: 'srv-vms-02',
    code: 'SRV-VMS-02',
    name: 'Máy chủ ghi hình VMS 02',
    model: 'Dell PowerEdge R750xs',
    role: 'vms',
  },
  {
    id: 'srv-vms-03',
    code: 'SRV-VMS-03',
    name: 'Máy chủ ghi hình VMS 03',
    model: 'Dell PowerEdge R750xs',
    role: 'vms',
  },
  {
    id: 'srv-ai-01',
    code: 'SRV-AI-01',
    name: 'Máy chủ phân tích AI 01',
    model: 'Supermicro SYS-420GP (4× L4)',
    role: 'ai',
  },
  {
    id: 'srv-ai-02',
    code: 'SRV-AI-02',
    name: 'Máy chủ phân tích AI 02',
    model: 'Supermicro SYS-420GP (4× L4)',
    role: 'ai',
  },
  {
    id: 'srv-db-01',
    code: 'SRV-DB-01',
    name: 'Máy chủ cơ sở dữ liệu',
    model: 'HPE ProLiant DL380 Gen11',
    role: 'db',
  },
  {
    id: 'srv-app-01',
    code: 'SRV-APP-01',
    name: 'Máy chủ ứng dụng trung tâm',
    model: 'HPE ProLiant DL360 Gen11',
    role: 'app',
  },
  {
    id: 'srv-nas-01',
    code: 'NAS-01',
    name: 'Hệ thống lưu trữ NAS 01',
    model: 'Synology SA6400',
    role: 'nas',
  },
];

const CAMERA_MODELS = {
  fixed: ['Hikvision DS-2CD2T47G2-L', 'Dahua IPC-HFW5442E-ZE', 'Hanwha XNO-6120R'],
  ptz: ['Hikvision DS-2DE7A432IW-AEB', 'Dahua SD6C3432XB-HNR'],
  speed: ['Jenoptik VECTOR SR', 'Hikvision iDS-TCM403-GIR'],
} as const;

/**
 * The simulated province's monitoring system: one edge AI box per ward with cameras, the center's servers, and
 * readings that follow the day (load at rush hour, heat in the afternoon), recording storage that fills until the
 * retention purge, and rare episodes (an edge box overheating or dropping off the network, a server pegged).
 * Camera readings follow the simulated VMS: an offline camera reads nothing, a frozen one a trickle of frames.
 */
export function createSimDevices(
  world: SimWorld,
  options: {
    cameraState: (cameraId: string) => CameraState | undefined;
    imageFault: (cameraId: string) => SimImageFault | null;
    faults: boolean;
    now?: () => number;
  },
): DevicesPort {
  const now = options.now ?? Date.now;
  const seed = world.seed;
  const wards = new Map<string, { id: string; name: string; cameras: number }>();
  for (const c of world.cameras) {
    const w = wards.get(c.wardId) ?? { id: c.wardId, name: c.wardName, cameras: 0 };
    w.cameras++;
    wards.set(c.wardId, w);
  }
  const boxes: DeviceInfo[] = [...wards.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((w, i) => ({
      id: `edge-${w.id}`,
      kind: 'edge_box',
      code: `EB-${String(i + 1).padStart(3, '0')}`,
      name: `Hộp AI biên ${w.name}`,
      model: 'NVIDIA Jetson Orin NX 16GB',
      areaId: w.id,
      areaName: w.name,
      parentId: null,
    }));
  const devices: DeviceInfo[] = [
    ...world.cameras.map((c): DeviceInfo => ({
      id: c.id,
      kind: 'camera',
      code: c.code,
      name: c.name,
      model: createRng(`${seed}|model|${c.id}`).pick(CAMERA_MODELS[c.kind]),
      areaId: c.wardId,
      areaName: c.wardName,
      parentId: `edge-${c.wardId}`,
    })),
    ...boxes,
    ...SERVERS.map((s): DeviceInfo => ({
      id: s.id,
      kind: 'server',
      code: s.code,
      name: s.name,
      model: s.model,
      areaId: null,
      areaName: null,
      parentId: null,
    })),
  ];

  function camera(id: string, t: number): HealthReading {
    const state = options.cameraState(id) ?? 'offline';
    const temp = round(ambient(t) + 8 + wave(`${seed}|ctemp|${id}`, t, HOUR) * 10);
    if (state === 'offline') return { deviceId: id, state, reason: null, metrics: { ...NO_METRICS } };
    const fault = options.imageFault(id);
    const degraded = state === 'degraded';
    const jitter = wave(`${seed}|cnet|${id}`, t, 10 * 60_000);
    const metrics: DeviceMetrics = {
      ...NO_METRICS,
      tempC: temp,
      latencyMs: round(degraded ? 250 + jitter * 400 : 20 + jitter * 60, 0),
      lossPct: round(degraded ? 3 + jitter * 7 : jitter * jitter * 0.6, 2),
      bitrateKbps: round(
        fault === 'stream'
          ? 0
          : fault === 'frozen'
            ? 60
            : fault === 'black'
              ? 350
              : degraded
                ? 700 + jitter * 500
                : 3400 + wave(`${seed}|cbit|${id}`, t, 5 * 60_000) * 1200,
        0,
      ),
      fps: fault === 'stream' ? 0 : fault === 'frozen' ? 1 : degraded ? round(8 + jitter * 7, 0) : 25,
    };
    return { deviceId: id, state, reason: null, metrics };
  }

  function box(d: DeviceInfo, t: number): HealthReading {
    const ep = options.faults
      ? episodeAt(seed, d.id, t, { offline: 0.04, overheat: 0.05, network: 0.05 })
      : null;
    if (ep?.kind === 'offline')
      return {
        deviceId: d.id,
        state: 'offline',
        reason: 'Mất kết nối mạng tới hộp AI biên',
        metrics: { ...NO_METRICS },
      };
    const l = load(t);
    const cpu = Math.min(99, 25 + l * 55 + wave(`${seed}|cpu|${d.id}`, t, 5 * 60_000) * 12);
    const overheat = ep?.kind === 'overheat' ? Math.min(1, (t - ep.start) / (10 * 60_000)) : 0;
    const net = ep?.kind === 'network';
    return {
      deviceId: d.id,
      state: net ? 'degraded' : 'online',
      reason: net ? 'Mất gói tin cao trên đường truyền' : null,
      metrics: {
        cpuPct: round(cpu),
        memPct: round(48 + l * 25 + wave(`${seed}|mem|${d.id}`, t, HOUR) * 8),
        tempC: round(ambient(t) + 18 + cpu * 0.22 + overheat * 22),
        storagePct: round(35 + wave(`${seed}|disk|${d.id}`, t, DAY) * 30),
        latencyMs: round(
          net
            ? 320 + wave(`${seed}|lat|${d.id}`, t, 60_000) * 300
            : 12 + wave(`${seed}|lat|${d.id}`, t, 60_000) * 25,
          0,
        ),
        lossPct: round(
          net
            ? 6 + wave(`${seed}|loss|${d.id}`, t, 60_000) * 8
            : wave(`${seed}|loss|${d.id}`, t, 60_000) * 0.4,
          2,
        ),
        bitrateKbps: null,
        fps: null,
      },
    };
  }

  function server(d: DeviceInfo, role: (typeof SERVERS)[number]['role'], t: number): HealthReading {
    const ep = options.faults ? episodeAt(seed, d.id, t, { cpu: 0.06 }) : null;
    const l = load(t);
    const base = { vms: 40, ai: 45, db: 20, app: 12, nas: 8 }[role];
    const swing = { vms: 25, ai: 45, db: 30, app: 20, nas: 10 }[role];
    const cpu =
      ep?.kind === 'cpu'
        ? 97 + wave(`${seed}|cpu|${d.id}`, t, 60_000) * 3
        : base + l * swing + wave(`${seed}|cpu|${d.id}`, t, 5 * 60_000) * 8;
    // Recording storage fills over five days, then the retention purge frees the oldest day.
    const cycle = ((t / DAY + createRng(`${seed}|phase|${d.id}`).next() * 5) % 5) / 5;
    const storage =
      role === 'vms' || role === 'nas' ? 72 + cycle * 21 : 40 + wave(`${seed}|disk|${d.id}`, t, DAY) * 10;
    return {
      deviceId: d.id,
      state: 'online',
      reason: null,
      metrics: {
        cpuPct: round(Math.min(100, cpu)),
        memPct: round(55 + l * 20 + wave(`${seed}|mem|${d.id}`, t, HOUR) * 10),
        tempC: round(24 + cpu * 0.35 + wave(`${seed}|temp|${d.id}`, t, HOUR) * 4),
        storagePct: round(storage),
        latencyMs: round(0.3 + wave(`${seed}|lat|${d.id}`, t, 60_000) * 0.8, 2),
        lossPct: 0,
        bitrateKbps: role === 'vms' ? round(120_000 + l * 200_000, 0) : null,
        fps: null,
      },
    };
  }

  const roles = new Map(SERVERS.map((s) => [s.id, s.role]));
  return {
    adapter: 'sim',
    async start() {},
    async stop() {},
    async health() {
      return { ok: true, detail: `simulated monitoring, ${devices.length} devices` };
    },
    async listDevices() {
      return devices;
    },
    async readHealth() {
      const t = now();
      return devices.map((d) => {
        if (d.kind === 'camera') return camera(d.id, t);
        if (d.kind === 'edge_box') return box(d, t);
        return server(d, roles.get(d.id) ?? 'app', t);
      });
    },
  };
}
