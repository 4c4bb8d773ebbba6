import sharp from 'sharp';
import { type IMAGE_FAULT_KINDS } from '@c2/api-client/schemas/device';

export type ImageFaultKind = (typeof IMAGE_FAULT_KINDS)[number];

/** Analysis size: large enough that focus loss shows in the Laplacian, small enough to cost about a millisecond. */
const AW = 240;
const AH = 135;
/** Signature size: what is kept between samples (motion, scene reference); 2,304 bytes per camera. */
export const SIG_W = 64;
export const SIG_H = 36;

/** What one snapshot measures. */
export interface FrameStats {
  /** Mean luminance 0–255. */
  brightness: number;
  /** 5th and 95th percentile of luminance: robust to the few bright pixels of an on-screen clock. */
  p5: number;
  p95: number;
  /** p95 − p5: how much the picture varies at all (a covered lens hardly does). */
  contrast: number;
  /**
   * Variance of the Laplacian, the 75th percentile over an 8×6 grid of blocks: the textbook focus measure, taken
   * per block so that the sharp OSD text a camera burns in over a blurred picture (a few blocks) cannot pass for
   * focus, and high enough that a night view (mostly dark, flat blocks) is judged by its lit, textured ones.
   */
  sharpness: number;
  /** Mean edge strength of the downscaled picture: the layout of the view, which a blur keeps and a cover hides. */
  structure: number;
  /** Downscaled grey picture, for motion against the previous sample and matching against the reference view. */
  signature: Uint8Array;
}

/** Decodes a snapshot to grey and measures it. Throws when the bytes are not an image. */
export async function measureFrame(image: Buffer): Promise<FrameStats> {
  const grey = await sharp(image, { failOn: 'error' })
    .resize(AW, AH, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer();
  const hist = new Uint32Array(256);
  let sum = 0;
  for (let i = 0; i < grey.length; i++) {
    hist[grey[i]!]!++;
    sum += grey[i]!;
  }
  const percentile = (p: number) => {
    const target = grey.length * p;
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (acc >= target) return v;
    }
    return 255;
  };
  const signature = downscale(grey, AW, AH, SIG_W, SIG_H);
  const p5 = percentile(0.05);
  const p95 = percentile(0.95);
  return {
    brightness: sum / grey.length,
    p5,
    p95,
    contrast: p95 - p5,
    sharpness: blockLaplacianVariance(grey, AW, AH, 8, 6),
    structure: meanOf(edges(signature)),
    signature,
  };
}

function blockLaplacianVariance(px: Uint8Array, w: number, h: number, bx: number, by: number): number {
  const bw = Math.floor(w / bx);
  const bh = Math.floor(h / by);
  const values: number[] = [];
  for (let j = 0; j < by; j++) {
    for (let i = 0; i < bx; i++) {
      let n = 0;
      let s = 0;
      let s2 = 0;
      const x0 = Math.max(1, i * bw);
      const x1 = Math.min(w - 1, (i + 1) * bw);
      const y0 = Math.max(1, j * bh);
      const y1 = Math.min(h - 1, (j + 1) * bh);
      for (let y = y0; y < y1; y++) {
        const row = y * w;
        for (let x = x0; x < x1; x++) {
          const k = row + x;
          const lap = px[k - 1]! + px[k + 1]! + px[k - w]! + px[k + w]! - 4 * px[k]!;
          s += lap;
          s2 += lap * lap;
          n++;
        }
      }
      const mean = s / n;
      values.push(s2 / n - mean * mean);
    }
  }
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length * 0.75)]!;
}

function downscale(px: Uint8Array, w: number, h: number, tw: number, th: number): Uint8Array {
  const out = new Uint8Array(tw * th);
  const fx = w / tw;
  const fy = h / th;
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      let s = 0;
      let n = 0;
      for (let y = Math.floor(ty * fy); y < Math.floor((ty + 1) * fy); y++)
        for (let x = Math.floor(tx * fx); x < Math.floor((tx + 1) * fx); x++) {
          s += px[y * w + x]!;
          n++;
        }
      out[ty * tw + tx] = Math.round(s / n);
    }
  }
  return out;
}

function meanOf(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s / a.length;
}

/** Mean absolute difference of two signatures, 0–255: 0 for the very same frame served again. */
export function motionBetween(a: Uint8Array, b: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
}

/** Gradient magnitude of a signature: edges (road borders, lane lines, buildings) rather than light levels. */
function edges(sig: Uint8Array): Float64Array {
  const out = new Float64Array(SIG_W * SIG_H);
  for (let y = 1; y < SIG_H - 1; y++) {
    for (let x = 1; x < SIG_W - 1; x++) {
      const k = y * SIG_W + x;
      const gx = sig[k + 1]! - sig[k - 1]!;
      const gy = sig[k + SIG_W]! - sig[k - SIG_W]!;
      out[k] = Math.sqrt(gx * gx + gy * gy);
    }
  }
  return out;
}

function correlation(a: Float64Array, b: Float64Array): number {
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < a.length; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= a.length;
  mb /= b.length;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/**
 * How well a picture matches the camera's reference view, −1…1: edge maps (road borders, lane lines, buildings)
 * are correlated block by block and the median block is the answer. Light levels hardly move edges, and passing
 * traffic or headlights disturb a minority of blocks; a camera turned or knocked off its mount disturbs them all.
 */
export function sceneMatch(reference: Uint8Array, sig: Uint8Array): number {
  const a = edges(reference);
  const b = edges(sig);
  const BW = 8;
  const BH = 6;
  const scores: number[] = [];
  for (let by = 0; by < SIG_H; by += BH) {
    for (let bx = 0; bx < SIG_W; bx += BW) {
      const xa: number[] = [];
      const xb: number[] = [];
      let energy = 0;
      for (let y = by; y < by + BH; y++)
        for (let x = bx; x < bx + BW; x++) {
          xa.push(a[y * SIG_W + x]!);
          xb.push(b[y * SIG_W + x]!);
          energy += a[y * SIG_W + x]!;
        }
      // Blocks the reference shows no structure in (sky, a blank wall) say nothing about a move.
      if (energy / (BW * BH) < 2) continue;
      scores.push(correlation(Float64Array.from(xa), Float64Array.from(xb)));
    }
  }
  if (scores.length < 6) return correlation(a, b);
  scores.sort((x, y) => x - y);
  return scores[Math.floor(scores.length / 2)]!;
}

/** Blends a new good picture into the reference view, slowly, so lighting drift is learned and a move is not. */
export function blendReference(reference: Uint8Array, sig: Uint8Array, weight: number): Uint8Array {
  const out = new Uint8Array(reference.length);
  for (let i = 0; i < reference.length; i++)
    out[i] = Math.round(reference[i]! * (1 - weight) + sig[i]! * weight);
  return out;
}

export interface QualityThresholds {
  /** Black: even the 95th percentile of luminance is below this. */
  blackP95: number;
  /** Covered: the picture varies less than this (p95 − p5) while not black… */
  coveredContrast: number;
  /** …and shows less layout than this (a blurred view keeps its road and skyline at low resolution). */
  coveredStructure: number;
  /** Frozen: the mean change from the previous sample is below this. */
  frozenMotion: number;
  /** Blurred: sharpness below this… */
  blurAbsolute: number;
  /** …or below this share of the camera's own learned sharpness. */
  blurRelative: number;
  /** Scene change: edge correlation with the reference below this. */
  sceneMatch: number;
}

/** Calibrated on the simulator's scenes and the test images (see image-quality.test.ts). */
export const DEFAULT_THRESHOLDS: QualityThresholds = {
  blackP95: 32,
  coveredContrast: 30,
  // Sensor noise alone reads about 1.7; the blurriest dusk view still shows 4.5 and more.
  coveredStructure: 3,
  // The very same frame scores 0; re-encoded by a VMS about 0.2; a live picture's sensor noise alone 0.3 and up.
  frozenMotion: 0.25,
  blurAbsolute: 20,
  // A simulated day never takes a good view below half its learned sharpness; a lost focus divides it by 50+.
  blurRelative: 0.1,
  // Passing traffic keeps a good view's edge match above about 0.5; a turned camera falls near 0.
  sceneMatch: 0.3,
};

/** What the camera's history tells the judgement of one sample. */
export interface JudgeContext {
  previous: Uint8Array | null;
  reference: Uint8Array | null;
  /** The camera's usual sharpness (learned), null until known. */
  sharpnessBaseline: number | null;
  /** PTZ cameras are turned on purpose: a changed scene is no fault there. */
  checkScene: boolean;
}

export interface Judgement {
  /** The faults this one sample shows (before hysteresis). The most fundamental hides those it implies. */
  detected: ImageFaultKind[];
  motion: number | null;
  sceneMatch: number | null;
}

/**
 * Judges one sample. A black picture is also frozen and blurred and changed; only the most fundamental fault is
 * reported, in this order: black, covered, frozen, blurred, scene change.
 */
export function judgeFrame(
  stats: FrameStats,
  ctx: JudgeContext,
  th: QualityThresholds = DEFAULT_THRESHOLDS,
): Judgement {
  const motion = ctx.previous ? motionBetween(ctx.previous, stats.signature) : null;
  const match = ctx.reference ? sceneMatch(ctx.reference, stats.signature) : null;
  const detected: ImageFaultKind[] = [];
  const floor = Math.max(
    th.blurAbsolute,
    ctx.sharpnessBaseline === null ? 0 : ctx.sharpnessBaseline * th.blurRelative,
  );
  const soft = stats.sharpness < floor;
  if (stats.p95 < th.blackP95) detected.push('image_black');
  // Flat *and* without layout: a dark scene at dusk is flat too, and a blurred one soft, but both keep their road.
  else if (stats.contrast < th.coveredContrast && stats.structure < th.coveredStructure)
    detected.push('camera_covered');
  else {
    if (motion !== null && motion < th.frozenMotion) detected.push('image_frozen');
    if (soft) detected.push('image_blur');
    else if (ctx.checkScene && match !== null && match < th.sceneMatch) detected.push('scene_change');
  }
  return { detected, motion, sceneMatch: match };
}
