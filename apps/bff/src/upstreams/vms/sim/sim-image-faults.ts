import { z } from 'zod';
import { createRng } from '../../sim-province/rng';

/**
 * What can go wrong with a simulated camera's picture while the camera itself still answers: a black image (IR
 * cut stuck, sensor failure), a frozen frame (encoder hung), a blurred image (focus lost, dew, dirt), a covered
 * lens (tarpaulin, leaves, vandalism), a moved view (camera knocked or turned), or a stream that cannot be read.
 */
export const simImageFaultSchema = z.enum(['black', 'frozen', 'blur', 'covered', 'moved', 'stream']);
export type SimImageFault = z.infer<typeof simImageFaultSchema>;

export interface SimImageFaultSpan {
  fault: SimImageFault;
  start: number;
  end: number;
  /** A reconnect clears it (hung encoder, stuck RTSP session); the others need someone on site. */
  healable: boolean;
}

const SLOT_MS = 30 * 60_000;
const WEIGHTS: ReadonlyArray<[SimImageFault, number]> = [
  ['frozen', 0.25],
  ['black', 0.15],
  ['blur', 0.25],
  ['covered', 0.1],
  ['moved', 0.1],
  ['stream', 0.15],
];

function pickFault(r: number): SimImageFault {
  let acc = 0;
  for (const [fault, w] of WEIGHTS) {
    acc += w;
    if (r < acc) return fault;
  }
  return 'blur';
}

function faultInSlot(seed: string, cameraId: string, slot: number): SimImageFaultSpan | null {
  const rng = createRng(`${seed}|image|${cameraId}|${slot}`);
  // About one camera in 250 per half hour: a province of 400 sees a few image faults an hour.
  if (!rng.chance(0.004)) return null;
  const fault = pickFault(rng.next());
  const start = slot * SLOT_MS + Math.floor(rng.next() * SLOT_MS);
  // Hung streams last until someone (or the self-healing) reconnects; on-site faults last hours.
  const minutes = fault === 'frozen' || fault === 'stream' || fault === 'black' ? 20 + rng.next() * 40 : 60;
  const healable = fault === 'frozen' || fault === 'stream' || (fault === 'black' && rng.chance(0.5));
  return { fault, start, end: start + Math.round(minutes * 60_000), healable };
}

/** The simulated image fault of a camera at `t`, deterministic for the seed (null: a good picture). */
export function simImageFaultAt(seed: string, cameraId: string, t: number): SimImageFaultSpan | null {
  const slot = Math.floor(t / SLOT_MS);
  for (let s = slot - 3; s <= slot; s++) {
    const f = faultInSlot(seed, cameraId, s);
    if (f && f.start <= t && t < f.end) return f;
  }
  return null;
}

/**
 * The image faults of a running simulation: the seeded ones (when faults are on), drills an administrator forces,
 * and faults a reconnect has cleared before their time.
 */
export function createSimImageFaults(seed: string, options: { faults: boolean; now: () => number }) {
  const forced = new Map<string, SimImageFaultSpan>();
  /** Seeded faults cleared by a reconnect: camera → end of the fault that was healed. */
  const healed = new Map<string, number>();

  return {
    at(cameraId: string, t = options.now()): SimImageFaultSpan | null {
      const f = forced.get(cameraId);
      if (f) {
        if (t < f.end) return f;
        forced.delete(cameraId);
      }
      if (!options.faults) return null;
      const seeded = simImageFaultAt(seed, cameraId, t);
      if (!seeded) return null;
      const healedUntil = healed.get(cameraId);
      if (healedUntil !== undefined && healedUntil >= seeded.end) return null;
      return seeded;
    },
    /** A drill: the fault holds for `seconds` and no reconnect clears it. `null` ends a forced fault. */
    force(cameraId: string, fault: SimImageFault | null, seconds: number): void {
      if (fault === null) {
        forced.delete(cameraId);
        return;
      }
      const t = options.now();
      forced.set(cameraId, { fault, start: t, end: t + seconds * 1000, healable: false });
    },
    /** A reconnect: clears the current fault if a reconnect can clear it; says whether it did. */
    heal(cameraId: string): boolean {
      const f = this.at(cameraId);
      if (!f?.healable) return false;
      healed.set(cameraId, f.end);
      return true;
    },
  };
}
export type SimImageFaults = ReturnType<typeof createSimImageFaults>;
