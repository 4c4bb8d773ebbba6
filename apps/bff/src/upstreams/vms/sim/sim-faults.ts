import type { CameraState } from '@c2/api-client/schemas/camera';
import { createRng } from '../../sim-province/rng';

/** Faults are drawn per camera per slot; the slot's draw is a pure function of (seed, camera, slot). */
const SLOT_MS = 20 * 60_000;
const DAY_MS = 24 * 3600_000;

export interface SimFault {
  state: Exclude<CameraState, 'online' | 'unknown'>;
  start: number;
  end: number;
  reason: string;
}

const REASONS: Record<SimFault['state'], string[]> = {
  offline: ['Mất tín hiệu RTSP', 'Mất kết nối mạng', 'Mất nguồn điện', 'Thiết bị không phản hồi'],
  degraded: ['Tốc độ bit thấp', 'Mất gói tin cao', 'Hình ảnh mờ', 'Độ trễ cao'],
};

function faultInSlot(seed: string, cameraId: string, slot: number): SimFault | null {
  const cam = createRng(`${seed}|flaky|${cameraId}`);
  // Most cameras are reliable; a few are flaky. Chance of a fault per 20-minute slot: 1%–12%.
  const flakiness = cam.chance(0.15) ? 0.06 + cam.next() * 0.06 : 0.01 + cam.next() * 0.02;
  const rng = createRng(`${seed}|fault|${cameraId}|${slot}`);
  if (!rng.chance(flakiness)) return null;
  const start = slot * SLOT_MS + Math.floor(rng.next() * SLOT_MS);
  const minutes = Math.min(30, 0.5 - Math.log(1 - rng.next()) * 4); // exponential, mean ≈ 4.5 min
  const state = rng.chance(0.6) ? 'offline' : 'degraded';
  return { state, start, end: start + Math.round(minutes * 60_000), reason: rng.pick(REASONS[state]) };
}

/** A long outage (a broken camera waiting for maintenance): about 1 camera in 100 on a given day. */
function outageOnDay(seed: string, cameraId: string, day: number): SimFault | null {
  const rng = createRng(`${seed}|outage|${cameraId}|${day}`);
  if (!rng.chance(0.01)) return null;
  const start = day * DAY_MS + Math.floor(rng.next() * DAY_MS);
  const hours = 2 + rng.next() * 10;
  return {
    state: 'offline',
    start,
    end: start + Math.round(hours * 3600_000),
    reason: 'Hỏng thiết bị, chờ bảo trì',
  };
}

/**
 * The simulated status of a camera at time `t` (ms): deterministic for the seed, so a restarted BFF sees the same
 * province it left, and tests can reason about it.
 */
export function simStatusAt(
  seed: string,
  cameraId: string,
  t: number,
): { state: CameraState; since: number; reason: string | null } {
  const day = Math.floor(t / DAY_MS);
  for (const d of [day, day - 1]) {
    const o = outageOnDay(seed, cameraId, d);
    if (o && o.start <= t && t < o.end) return { state: o.state, since: o.start, reason: o.reason };
  }
  const slot = Math.floor(t / SLOT_MS);
  let lastEnd = (slot - 1) * SLOT_MS;
  for (const s of [slot - 2, slot - 1, slot]) {
    const f = faultInSlot(seed, cameraId, s);
    if (!f) continue;
    if (f.start <= t && t < f.end) return { state: f.state, since: f.start, reason: f.reason };
    if (f.end <= t) lastEnd = Math.max(lastEnd, f.end);
  }
  return { state: 'online', since: lastEnd, reason: null };
}
