import sharp from 'sharp';
import { createRng } from '../../sim-province/rng';
import type { SimImageFaultSpan } from './sim-image-faults';

/** Snapshot size: enough for a person to judge the picture, small enough to render a few per second. */
export const SNAPSHOT_WIDTH = 480;
export const SNAPSHOT_HEIGHT = 270;
const W = SNAPSHOT_WIDTH;
const H = SNAPSHOT_HEIGHT;

/** The fixed look of one camera's view: where the road runs, how many lanes, what stands beside it. */
interface Scene {
  horizon: number;
  vanishX: number;
  roadHalf: number;
  lanes: number;
  grass: string;
  buildings: Array<{ x: number; w: number; h: number; shade: number }>;
  poles: number[];
  vehicles: Array<{
    lane: number;
    phase: number;
    speed: number;
    kind: 'car' | 'truck' | 'bike';
    color: string;
  }>;
  /** Vehicles in lanes below this index come towards the camera. */
  towards: number;
}

const COLORS = ['#e8e8e8', '#b9bec6', '#2b2e33', '#b3262d', '#2a4f9c', '#d9d2c0', '#5e6b75', '#7d1f1f'];

function sceneOf(seed: string, cameraId: string): Scene {
  const rng = createRng(`${seed}|scene|${cameraId}`);
  const lanes = rng.int(2, 4);
  const buildings = Array.from({ length: rng.int(3, 7) }, () => ({
    x: rng.int(-20, W),
    w: rng.int(24, 90),
    h: rng.int(20, 80),
    shade: rng.int(50, 110),
  }));
  const vehicles = Array.from({ length: rng.int(9, 16) }, () => {
    const r = rng.next();
    return {
      lane: rng.int(0, lanes * 2 - 1),
      phase: rng.next(),
      // Depth travelled per second: a vehicle crosses the view in 7–20 s.
      speed: 0.05 + rng.next() * 0.09,
      kind: r < 0.55 ? ('bike' as const) : r < 0.85 ? ('car' as const) : ('truck' as const),
      color: rng.pick(COLORS),
    };
  });
  return {
    horizon: Math.round(H * (0.3 + rng.next() * 0.14)),
    vanishX: Math.round(W * (0.38 + rng.next() * 0.24)),
    roadHalf: Math.round(W * (0.42 + rng.next() * 0.2)),
    lanes,
    grass: rng.pick(['#4c5a3a', '#56603f', '#4a5444', '#5b5a48']),
    buildings,
    poles: Array.from({ length: rng.int(2, 4) }, () => rng.next()),
    vehicles,
    towards: lanes,
  };
}

/** Local hour in the province (UTC+7), fractional. */
const localHour = (t: number) => (((t / 3_600_000 + 7) % 24) + 24) % 24;

/** 0 at night, 1 at full day, ramping at dawn (5–7h) and dusk (17–19h). */
function daylight(t: number): number {
  const h = localHour(t);
  if (h < 5 || h >= 19) return 0;
  if (h < 7) return (h - 5) / 2;
  if (h >= 17) return (19 - h) / 2;
  return 1;
}

function mix(a: [number, number, number], b: [number, number, number], k: number): string {
  const c = a.map((v, i) => Math.round(v + (b[i]! - v) * k));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** The camera's name burnt into the picture, as cameras do (a clock would make every background unique). */
function osd(code: string): string {
  return `<text x="8" y="${H - 8}" font-family="DejaVu Sans, sans-serif" font-size="11" fill="#f4f4f4" stroke="#000" stroke-width="0.4">${code}  CSGT BẮC NINH</text>`;
}

/** Road, lanes and roadside in the light of time `t` (the static part of the view; traffic is drawn per frame). */
function backgroundSvg(scene: Scene, t: number): string {
  const day = daylight(t);
  const sky = mix([14, 20, 34], [150, 176, 204], day);
  const skyLow = mix([40, 38, 46], [196, 208, 220], day);
  const light = 0.45 + 0.55 * day;
  const { horizon: hz, vanishX: vx, roadHalf } = scene;
  const leftBottom = vx - roadHalf;
  const rightBottom = vx + roadHalf;
  const laneCount = scene.lanes * 2;
  const parts: string[] = [
    `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${skyLow}"/></linearGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="${scene.grass}" opacity="${light.toFixed(2)}"/>`,
    `<rect width="${W}" height="${hz}" fill="url(#s)"/>`,
  ];
  for (const b of scene.buildings) {
    const s = Math.round(b.shade * light);
    parts.push(
      `<rect x="${b.x}" y="${hz - b.h}" width="${b.w}" height="${b.h}" fill="rgb(${s},${s},${s + 8})"/>`,
    );
    // Lights fade in and out with the daylight (not switched at once), as a scene changes over a dusk.
    if (day < 1) {
      for (let wy = hz - b.h + 6; wy < hz - 6; wy += 12)
        parts.push(
          `<rect x="${b.x + 5}" y="${wy}" width="${Math.max(4, b.w - 10)}" height="3" fill="#c9a35a" opacity="${(0.6 * (1 - day)).toFixed(2)}"/>`,
        );
    }
  }
  const asphalt = Math.round(88 * light);
  parts.push(
    `<polygon points="${vx - 6},${hz} ${vx + 6},${hz} ${rightBottom},${H} ${leftBottom},${H}" fill="rgb(${asphalt},${asphalt + 3},${asphalt + 8})"/>`,
  );
  // Lane lines: dashed, and the solid median in the middle.
  for (let i = 1; i < laneCount; i++) {
    const bx = leftBottom + ((rightBottom - leftBottom) * i) / laneCount;
    const tx = vx - 6 + (12 * i) / laneCount;
    const median = i === scene.lanes;
    parts.push(
      `<line x1="${tx.toFixed(1)}" y1="${hz}" x2="${bx.toFixed(1)}" y2="${H}" stroke="${median ? '#d8c34a' : '#d6d6d6'}" stroke-width="${median ? 3 : 2}" ${median ? '' : 'stroke-dasharray="14 12"'} opacity="${(0.5 + 0.4 * light).toFixed(2)}"/>`,
    );
  }
  for (const p of scene.poles) {
    const x = p < 0.5 ? leftBottom + p * 60 - 20 : rightBottom - (p - 0.5) * 60 + 20;
    parts.push(
      `<line x1="${x}" y1="${H}" x2="${x + (vx - x) * 0.15}" y2="${hz - 40}" stroke="#3a3f44" stroke-width="3"/>`,
    );
    if (day < 1)
      parts.push(
        `<circle cx="${x + (vx - x) * 0.15}" cy="${hz - 40}" r="5" fill="#ffd58a" opacity="${(1 - day).toFixed(2)}"/>`,
      );
  }
  return parts.join('');
}

const svgDoc = (body: string, background = '#000') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${background}"/>${body}</svg>`;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  rgb: [number, number, number];
}

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The traffic at time `t` as boxes (vehicles and their headlights), far to near so near ones cover far ones. */
function traffic(scene: Scene, t: number): Box[] {
  const day = daylight(t);
  const light = 0.55 + 0.45 * (0.45 + 0.55 * day);
  const { horizon: hz, vanishX: vx, roadHalf } = scene;
  const leftBottom = vx - roadHalf;
  const rightBottom = vx + roadHalf;
  const laneCount = scene.lanes * 2;
  const seconds = t / 1000;
  const placed = scene.vehicles.map((v) => {
    let z = (v.phase + seconds * v.speed) % 1;
    if (v.lane >= scene.towards) z = 1 - z;
    return { v, z };
  });
  placed.sort((a, b) => a.z - b.z);
  const boxes: Box[] = [];
  for (const { v, z } of placed) {
    const depth = 0.08 + z * z * 0.92;
    const y = hz + (H - hz) * depth;
    const roadL = vx - 6 + (leftBottom - (vx - 6)) * depth;
    const roadR = vx + 6 + (rightBottom - (vx + 6)) * depth;
    const cx = roadL + ((roadR - roadL) * (v.lane + 0.5)) / laneCount;
    const scale = depth * ((roadR - roadL) / laneCount) * 0.9;
    const [w, h] = v.kind === 'truck' ? [0.9, 1.1] : v.kind === 'car' ? [0.75, 0.55] : [0.22, 0.45];
    const vw = Math.max(2, scale * w);
    const vh = Math.max(2, scale * h);
    const [r, g, b] = hexRgb(v.color);
    boxes.push({ x: cx - vw / 2, y: y - vh, w: vw, h: vh, rgb: [r * light, g * light, b * light] });
    if (day < 1 && v.lane < scene.towards) {
      const size = Math.max(1.5, vw * 0.14);
      const k = 1 - day;
      const lamp = (dx: number) =>
        boxes.push({
          x: cx + dx - size / 2,
          y: y - vh * 0.35,
          w: size,
          h: size,
          rgb: [r * light * (1 - k) + 255 * k, g * light * (1 - k) + 246 * k, b * light * (1 - k) + 208 * k],
        });
      lamp(-vw * 0.3);
      if (v.kind !== 'bike') lamp(vw * 0.3);
    }
  }
  return boxes;
}

/** A camera knocked off its mount: the view turned, shifted and zoomed (the same transform as `MOVED`). */
const MOVED = { angle: (-32 * Math.PI) / 180, dx: 90, dy: 70, scale: 1.25 };
const MOVED_SVG = `rotate(-32 ${W / 2} ${H / 2}) translate(${MOVED.dx} ${MOVED.dy}) scale(${MOVED.scale})`;
function movedBoxes(boxes: Box[]): Box[] {
  const cos = Math.cos(MOVED.angle);
  const sin = Math.sin(MOVED.angle);
  return boxes.map((b) => {
    const px = (b.x + b.w / 2) * MOVED.scale + MOVED.dx - W / 2;
    const py = (b.y + b.h / 2) * MOVED.scale + MOVED.dy - H / 2;
    const w = b.w * MOVED.scale;
    const h = b.h * MOVED.scale;
    return { ...b, x: W / 2 + px * cos - py * sin - w / 2, y: H / 2 + px * sin + py * cos - h / 2, w, h };
  });
}

function drawBoxes(raw: Buffer, boxes: readonly Box[]): void {
  for (const b of boxes) {
    const x0 = Math.max(0, Math.round(b.x));
    const x1 = Math.min(W, Math.round(b.x + b.w));
    const y0 = Math.max(0, Math.round(b.y));
    const y1 = Math.min(H, Math.round(b.y + b.h));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const k = (y * W + x) * 3;
        raw[k] = b.rgb[0];
        raw[k + 1] = b.rgb[1];
        raw[k + 2] = b.rgb[2];
      }
    }
  }
}

/** A table of noise values read at a different offset each frame: cheaper than a generator per pixel. */
const NOISE = (() => {
  const rng = createRng('sim-sensor-noise');
  return Int8Array.from({ length: 1 << 16 }, () => rng.int(-4, 4));
})();

/** Sensor noise, so two frames of a static scene still differ a little (as a real camera's do). */
function addNoise(raw: Buffer, seed: number): void {
  const offset = Math.imul(seed, 7919) & 0xffff;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i]! + NOISE[(i + offset) & 0xffff]!;
    raw[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}

/** Lighting changes slowly: the static part of a view is drawn once per camera per ten minutes. */
const LIGHT_BUCKET_MS = 10 * 60_000;
/** Backgrounds kept (JPEG, about 20 KB each): a province of 400 fits; 10,000 cameras re-draw as they come round. */
const CACHE_ENTRIES = 1500;

/**
 * Renders simulated camera pictures: a procedural road scene per camera (its own layout, daylight that follows
 * the province's clock, traffic that moves, sensor noise) with the camera's image fault applied. A frozen camera
 * serves the same bytes again and again, as a hung encoder does.
 *
 * Cost matters (the image checks sample every camera around the clock): the static view is rasterised from SVG
 * once per lighting step and kept as a JPEG; each frame decodes it, draws the traffic into the pixels, adds noise
 * and encodes, a few milliseconds in all.
 */
export function createSimSnapshots(seed: string, codeOf: (cameraId: string) => string | undefined) {
  const scenes = new Map<string, Scene>();
  const frozen = new Map<string, { start: number; jpeg: Buffer }>();
  const backgrounds = new Map<string, Promise<Buffer>>();
  const scene = (id: string) => {
    let s = scenes.get(id);
    if (!s) scenes.set(id, (s = sceneOf(seed, id)));
    return s;
  };

  function background(key: string, svg: () => string): Promise<Buffer> {
    const hit = backgrounds.get(key);
    if (hit) {
      backgrounds.delete(key);
      backgrounds.set(key, hit);
      return hit;
    }
    const made = sharp(Buffer.from(svg())).jpeg({ quality: 90 }).toBuffer();
    made.catch(() => backgrounds.delete(key));
    backgrounds.set(key, made);
    if (backgrounds.size > CACHE_ENTRIES) backgrounds.delete(backgrounds.keys().next().value!);
    return made;
  }

  async function frame(bg: Buffer, boxes: readonly Box[], t: number, blurSigma = 0): Promise<Buffer> {
    const raw = await sharp(bg).removeAlpha().raw().toBuffer();
    drawBoxes(raw, boxes);
    addNoise(raw, Math.floor(t / 40));
    let img = sharp(raw, { raw: { width: W, height: H, channels: 3 } });
    if (blurSigma > 0) img = img.blur(blurSigma);
    return img.jpeg({ quality: 72 }).toBuffer();
  }

  function view(cameraId: string, code: string, t: number, moved = false): Promise<Buffer> {
    const bucket = Math.floor(t / LIGHT_BUCKET_MS);
    const lit = bucket * LIGHT_BUCKET_MS + LIGHT_BUCKET_MS / 2;
    const body = backgroundSvg(scene(cameraId), lit);
    return background(`${cameraId}|${moved ? 'moved' : 'view'}|${bucket}`, () =>
      moved
        ? svgDoc(`<g transform="${MOVED_SVG}">${body}</g>${osd(code)}`, '#56603f')
        : svgDoc(body + osd(code)),
    );
  }

  return {
    /** The picture of a camera at `t` with `fault` applied; null when the stream cannot be read. */
    async render(cameraId: string, t: number, fault: SimImageFaultSpan | null): Promise<Buffer | null> {
      const code = codeOf(cameraId);
      if (code === undefined) return null;
      switch (fault?.fault) {
        case undefined:
          frozen.delete(cameraId);
          return frame(await view(cameraId, code, t), traffic(scene(cameraId), t), t);
        case 'stream':
          return null;
        case 'black':
          return frame(await background(`black|${code}`, () => svgDoc(osd(code), '#050505')), [], t);
        case 'blur':
          return frame(await view(cameraId, code, t), traffic(scene(cameraId), t), t, 7);
        case 'covered':
          return frame(
            await background(`covered|${code}`, () =>
              svgDoc(
                `<defs><radialGradient id="c" cx="0.4" cy="0.45" r="0.8"><stop offset="0" stop-color="#4a3a2c"/><stop offset="1" stop-color="#2c241d"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#c)"/>${osd(code)}`,
              ),
            ),
            [],
            t,
          );
        case 'moved':
          return frame(await view(cameraId, code, t, true), movedBoxes(traffic(scene(cameraId), t)), t);
        case 'frozen': {
          const hit = frozen.get(cameraId);
          if (hit && hit.start === fault.start) return hit.jpeg;
          const jpeg = await frame(
            await view(cameraId, code, fault.start),
            traffic(scene(cameraId), fault.start),
            fault.start,
          );
          frozen.set(cameraId, { start: fault.start, jpeg });
          return jpeg;
        }
      }
    },
  };
}
export type SimSnapshots = ReturnType<typeof createSimSnapshots>;
