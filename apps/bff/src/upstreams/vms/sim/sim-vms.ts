import type { CameraState, CameraStatus } from '@c2/api-client/schemas/camera';
import type { SimWorld } from '../../sim-province/sim-world';
import type { VmsCamera, VmsPort } from '../vms-port';
import { simStatusAt } from './sim-faults';
import { createSimImageFaults, type SimImageFault } from './sim-image-faults';
import { createSimSnapshots } from './sim-snapshots';
import { createSimDiagnostics } from './sim-diagnostics';

/** Status faults a reconnect clears (a stuck session or a hung device); power, network or broken hardware do not. */
const HEALABLE_REASONS = new Set(['Mất tín hiệu RTSP', 'Thiết bị không phản hồi', 'Tốc độ bit thấp']);

export interface SimVmsOptions {
  faults: boolean;
  tickMs?: number;
  now?: () => number;
}

/** A VMS for the simulated province: its cameras, faults that come and go, and manual faults for drills/tests. */
export function createSimVms(
  world: SimWorld,
  options: SimVmsOptions,
): VmsPort & {
  /** Forces a camera into a state for some seconds (drills, tests); state 'online' clears a forced fault. */
  force(cameraId: string, state: CameraState, seconds: number): boolean;
  /** The state last reported for a camera. */
  stateOf(cameraId: string): CameraState | undefined;
  /** The image fault a camera shows now (null: a good picture). */
  imageFaultOf(cameraId: string): SimImageFault | null;
  /** Forces an image fault for some seconds (drills, tests); null clears it. */
  forceImage(cameraId: string, fault: SimImageFault | null, seconds: number): boolean;
} {
  const now = options.now ?? Date.now;
  const listeners = new Set<(changes: CameraStatus[]) => void>();
  const forced = new Map<string, { state: CameraState; since: number; until: number }>();
  const last = new Map<string, CameraState>();
  /** Seeded status faults a reconnect cleared: camera → start of the healed fault and when it was healed. */
  const healed = new Map<string, { faultSince: number; at: number }>();
  let timer: NodeJS.Timeout | null = null;

  const cameras: VmsCamera[] = world.cameras.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    location: { lng: c.lng, lat: c.lat },
    bearing: c.bearing,
    roadId: c.roadId,
    roadName: c.roadName,
    areaId: c.wardId,
    areaName: c.wardName,
    owner: c.owner,
    classification: c.classification,
    streams: { main: { width: 1280, height: 720 }, sub: { width: 640, height: 360 } },
  }));

  const known = new Set(cameras.map((c) => c.id));

  function statusOf(id: string, t: number): CameraStatus {
    const f = forced.get(id);
    if (f && t < f.until) {
      return {
        cameraId: id,
        state: f.state,
        since: new Date(f.since).toISOString(),
        reason: f.state === 'online' ? null : 'Sự cố do người vận hành tạo (diễn tập)',
      };
    }
    if (!options.faults)
      return {
        cameraId: id,
        state: 'online',
        since: new Date(t - (t % 86_400_000)).toISOString(),
        reason: null,
      };
    const s = simStatusAt(world.seed, id, t);
    const h = healed.get(id);
    if (h && s.state !== 'online' && h.faultSince === s.since)
      return { cameraId: id, state: 'online', since: new Date(h.at).toISOString(), reason: null };
    return { cameraId: id, state: s.state, since: new Date(s.since).toISOString(), reason: s.reason };
  }

  function tick(): void {
    const t = now();
    const changes: CameraStatus[] = [];
    for (const [id, f] of forced) if (t >= f.until) forced.delete(id);
    for (const cam of cameras) {
      const s = statusOf(cam.id, t);
      if (last.get(cam.id) !== s.state) {
        if (last.has(cam.id)) changes.push(s);
        last.set(cam.id, s.state);
      }
    }
    if (changes.length > 0) for (const l of listeners) l(changes);
  }

  const images = createSimImageFaults(world.seed, { faults: options.faults, now });
  const codes = new Map(cameras.map((c) => [c.id, c.code]));
  const diagnostics = createSimDiagnostics({
    stateOf: (id) => last.get(id),
    healStatus(id) {
      const t = now();
      if (forced.has(id) || !options.faults) return false;
      const s = simStatusAt(world.seed, id, t);
      if (s.state === 'online' || !s.reason || !HEALABLE_REASONS.has(s.reason)) return false;
      healed.set(id, { faultSince: s.since, at: t });
      tick();
      return true;
    },
    images,
    snapshots: createSimSnapshots(world.seed, (id) => codes.get(id)),
    now,
  });

  return {
    adapter: 'sim',
    ...diagnostics,
    async listCameras() {
      return cameras;
    },
    async currentStatuses() {
      const t = now();
      return cameras.map((c) => statusOf(c.id, t));
    },
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      const t = now();
      for (const c of cameras) last.set(c.id, statusOf(c.id, t).state);
      timer = setInterval(tick, options.tickMs ?? 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
    },
    async health() {
      return { ok: true, detail: `simulated VMS, ${cameras.length} cameras` };
    },
    // The simulated cameras' video is served by the BFF's built-in HLS origin.
    streamSource: (cameraId) => (known.has(cameraId) ? { kind: 'origin' } : null),
    stateOf: (cameraId) => last.get(cameraId),
    imageFaultOf: (cameraId) => images.at(cameraId)?.fault ?? null,
    forceImage(cameraId, fault, seconds) {
      if (!codes.has(cameraId)) return false;
      images.force(cameraId, fault, seconds);
      return true;
    },
    force(cameraId, state, seconds) {
      if (!cameras.some((c) => c.id === cameraId)) return false;
      const t = now();
      forced.set(cameraId, { state, since: t, until: t + seconds * 1000 });
      tick();
      return true;
    },
  };
}
export type SimVms = ReturnType<typeof createSimVms>;
