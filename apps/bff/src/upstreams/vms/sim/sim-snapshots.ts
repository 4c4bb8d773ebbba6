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

function osd(code: string, t: number): string {
  const d = new Date(t + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const text = `${code}  ${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return `<text x="8" y="${H - 8}" font-family="DejaVu Sans, sans-serif" font-size="11" fill="#f4f4f4" stroke="#000" stroke-width="0.4">${text}</text>`;
}

/** Road, lanes, roadside and traffic at time `t`: vehicles move along their lanes, so two samples differ. */
function sceneSvg(scene: Scene, t: number): string {
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
  // Traffic, far to near so near vehicles cover far ones.
  const seconds = t / 1000;
  const placed = scene.vehicles.map((v) => {
    let z = (v.phase + seconds * v.speed) % 1;
    if (v.lane >= scene.towards) z = 1 - z;
    return { v, z };
  });
  placed.sort((a, b) => a.z - b.z);
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
    parts.push(
      `<rect x="${(cx - vw / 2).toFixed(1)}" y="${(y - vh).toFixed(1)}" width="${vw.toFixed(1)}" height="${vh.toFixed(1)}" rx="${(vw * 0.12).toFixed(1)}" fill="${v.color}" opacity="${(0.55 + 0.45 * light).toFixed(2)}"/>`,
    );
    if (day < 1 && v.lane < scene.towards) {
      const lamp = (dx: number) =>
        `<circle cx="${(cx + dx).toFixed(1)}" cy="${(y - vh * 0.3).toFixed(1)}" r="${Math.max(1, vw * 0.08).toFixed(1)}" fill="#fff6d0" opacity="${(1 - day).toFixed(2)}"/>`;
      parts.push(lamp(-vw * 0.3));
      if (v.kind !== 'bike') parts.push(lamp(vw * 0.3));
    }
  }
  return parts.join('');
}

const svgDoc = (body: string, background = '#000') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${background}"/>${body}</svg>`;

/** Sensor noise, so two frames of a static scene still differ a little (as a real camera's do). */
function addNoise(raw: Buffer, seed: number, amplitude: number): void {
  let s = seed >>> 0 || 1;
  for (let i = 0; i < raw.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const n = ((s >>> 0) % (2 * amplitude + 1)) - amplitude;
    const v = raw[i]! + n;
    raw[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}

async function encode(svg: string, t: number, blurSigma = 0): Promise<Buffer> {
  const raw = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  addNoise(raw, Math.floor(t / 40), 4);
  let img = sharp(raw, { raw: { width: W, height: H, channels: 3 } });
  if (blurSigma > 0) img = img.blur(blurSigma);
  return img.jpeg({ quality: 72, mozjpeg: false }).toBuffer();
}

/**
 * Renders simulated camera pictures: a procedural road scene per camera (its own layout, daylight that follows
 * the province's clock, traffic that moves) with the camera's image fault applied. A frozen camera serves the same
 * bytes again and again, as a hung encoder does.
 */
export function createSimSnapshots(seed: string, codeOf: (cameraId: string) => string | undefined) {
  const scenes = new Map<string, Scene>();
  const frozen = new Map<string, { start: number; jpeg: Buffer }>();
  const scene = (id: string) => {
    let s = scenes.get(id);
    if (!s) scenes.set(id, (s = sceneOf(seed, id)));
    return s;
  };

  return {
    /** The picture of a camera at `t` with `fault` applied; null when the stream cannot be read. */
    async render(cameraId: string, t: number, fault: SimImageFaultSpan | null): Promise<Buffer | null> {
      const code = codeOf(cameraId);
      if (code === undefined) return null;
      const label = osd(code, t);
      switch (fault?.fault) {
        case undefined:
          frozen.delete(cameraId);
          return encode(svgDoc(sceneSvg(scene(cameraId), t) + label), t);
        case 'stream':
          return null;
        case 'black':
          return encode(svgDoc(label, '#050505'), t);
        case 'blur':
          return encode(svgDoc(sceneSvg(scene(cameraId), t)), t, 7).then(async (jpeg) =>
            // The OSD is drawn by the camera after the optics, so it stays sharp over a blurred picture.
            sharp(jpeg)
              .composite([
                {
                  input: Buffer.from(
                    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${label}</svg>`,
                  ),
                },
              ])
              .jpeg({ quality: 72 })
              .toBuffer(),
          );
        case 'covered':
          return encode(
            svgDoc(
              `<defs><radialGradient id="c" cx="0.4" cy="0.45" r="0.8"><stop offset="0" stop-color="#4a3a2c"/><stop offset="1" stop-color="#2c241d"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#c)"/>${label}`,
            ),
            t,
          );
        case 'moved':
          return encode(
            svgDoc(
              `<g transform="rotate(-32 ${W / 2} ${H / 2}) translate(90 70) scale(1.25)">${sceneSvg(scene(cameraId), t)}</g>${label}`,
              '#56603f',
            ),
            t,
          );
        case 'frozen': {
          const hit = frozen.get(cameraId);
          if (hit && hit.start === fault.start) return hit.jpeg;
          const jpeg = await encode(
            svgDoc(sceneSvg(scene(cameraId), fault.start) + osd(code, fault.start)),
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
