import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { ServiceViolation } from '@c2/api-client/schemas/violation-service';
import type { ViolationType } from '@c2/api-client/schemas/violation';
import { createRng, type Rng } from '../../sim-province/rng';

/** What the data bar of a roadside enforcement camera prints besides the record itself. */
export interface CameraCaption {
  code: string;
  name: string;
  roadName: string;
}

const W = 1280;
const H = 720;
const HORIZON = 250;
const BAR = 64;

const TYPE_LABEL: Record<ViolationType, string> = {
  red_light: 'VƯỢT ĐÈN ĐỎ',
  speeding: 'QUÁ TỐC ĐỘ',
  wrong_way: 'ĐI NGƯỢC CHIỀU',
  no_helmet: 'KHÔNG ĐỘI MŨ BẢO HIỂM',
  lane_violation: 'LẤN LÀN',
  illegal_parking: 'ĐỖ SAI QUY ĐỊNH',
};

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "2026-03-01 07:45:12.345" in Vietnam time, as camera data bars print it. */
function vnTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

function hourVn(iso: string): number {
  return new Date(Date.parse(iso) + 7 * 3600_000).getUTCHours();
}

const isMotorbike = (v: ServiceViolation) => v.type === 'no_helmet' || /^\d{2}[A-Z]{1,2}\d-/.test(v.plate);

/** Where the offending vehicle sits in the overview (its box), chosen per record so scenes differ. */
function vehicleBox(v: ServiceViolation, rng: Rng): { x: number; y: number; w: number; h: number } {
  const bike = isMotorbike(v);
  const w = bike ? 120 : 250;
  const h = bike ? 210 : 190;
  const laneX = v.type === 'lane_violation' ? 640 : rng.pick([420, 640, 860]);
  const y = v.type === 'red_light' ? 420 : 380 + rng.int(0, 60);
  return { x: laneX - w / 2 + rng.int(-30, 30), y, w, h };
}

function plateLines(plate: string): [string, string | null] {
  // Motorbike plates are written on two lines: series over number (98-H1 / 234.56).
  const m = /^(\d{2})([A-Z]{1,2}\d)-(.+)$/.exec(plate);
  if (m) return [`${m[1]}-${m[2]}`, m[3]!];
  return [plate, null];
}

/** The plate as a physical plate: white, black border, embossed-looking black characters. */
function plateSvg(plate: string, width: number, height: number): string {
  const [top, bottom] = plateLines(plate);
  const border = Math.max(2, Math.round(height * 0.05));
  const text = bottom
    ? `<text x="${width / 2}" y="${height * 0.43}" font-size="${height * 0.33}" text-anchor="middle" textLength="${width * 0.7}" lengthAdjust="spacingAndGlyphs" font-family="DejaVu Sans" font-weight="bold" fill="#111">${esc(top)}</text>
       <text x="${width / 2}" y="${height * 0.86}" font-size="${height * 0.33}" text-anchor="middle" textLength="${width * 0.82}" lengthAdjust="spacingAndGlyphs" font-family="DejaVu Sans" font-weight="bold" fill="#111">${esc(bottom)}</text>`
    : `<text x="${width / 2}" y="${height * 0.74}" font-size="${height * 0.6}" text-anchor="middle" textLength="${width * 0.88}" lengthAdjust="spacingAndGlyphs" font-family="DejaVu Sans Condensed, DejaVu Sans" font-weight="bold" fill="#111">${esc(top)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect x="${border / 2}" y="${border / 2}" width="${width - border}" height="${height - border}" rx="${border * 2}" fill="#f4f4ef" stroke="#151515" stroke-width="${border}"/>
    ${text}</svg>`;
}

/** A car seen from behind (or a motorbike with its rider), with its plate, drawn into a w×h box. */
function vehicleSvg(v: ServiceViolation, w: number, h: number, rng: Rng): string {
  const color = rng.pick(['#d8d8d8', '#1c1c1c', '#9aa3ad', '#a31d1d', '#1f4f8f', '#f2f2f2']);
  if (isMotorbike(v)) {
    const helmet =
      v.type === 'no_helmet'
        ? ''
        : `<ellipse cx="${w / 2}" cy="${h * 0.13}" rx="${w * 0.2}" ry="${h * 0.09}" fill="${rng.pick(['#e0b000', '#c02020', '#ffffff', '#202060'])}"/>`;
    const plateW = w * 0.52;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
      <circle cx="${w / 2}" cy="${h * 0.14}" r="${w * 0.14}" fill="#c9956b"/>
      <rect x="${w / 2 - w * 0.06}" y="${h * 0.1}" width="${w * 0.12}" height="${h * 0.06}" fill="#2b1a10"/>
      ${helmet}
      <rect x="${w * 0.22}" y="${h * 0.24}" width="${w * 0.56}" height="${h * 0.34}" rx="10" fill="${rng.pick(['#2c4a7a', '#5a5a5a', '#7a2c2c', '#2c6a4a'])}"/>
      <rect x="${w * 0.3}" y="${h * 0.55}" width="${w * 0.4}" height="${h * 0.18}" rx="6" fill="${color}"/>
      <rect x="${w * 0.42}" y="${h * 0.72}" width="${w * 0.16}" height="${h * 0.26}" rx="5" fill="#111"/>
      <rect x="${w * 0.36}" y="${h * 0.58}" width="${w * 0.28}" height="${h * 0.05}" fill="#ff3b2f"/>
      <g transform="translate(${(w - plateW) / 2},${h * 0.64})">${plateSvg(v.plate, plateW, plateW * 0.72).replace(/^<svg[^>]*>|<\/svg>$/g, '')}</g>
    </svg>`;
  }
  const plateW = w * 0.36;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect x="${w * 0.04}" y="${h * 0.82}" width="${w * 0.14}" height="${h * 0.17}" rx="6" fill="#0c0c0c"/>
    <rect x="${w * 0.82}" y="${h * 0.82}" width="${w * 0.14}" height="${h * 0.17}" rx="6" fill="#0c0c0c"/>
    <path d="M${w * 0.16},${h * 0.36} L${w * 0.26},${h * 0.06} L${w * 0.74},${h * 0.06} L${w * 0.84},${h * 0.36} Z" fill="${color}"/>
    <path d="M${w * 0.22},${h * 0.34} L${w * 0.3},${h * 0.12} L${w * 0.7},${h * 0.12} L${w * 0.78},${h * 0.34} Z" fill="#1d2a38" opacity="0.9"/>
    <rect x="${w * 0.02}" y="${h * 0.34}" width="${w * 0.96}" height="${h * 0.5}" rx="14" fill="${color}"/>
    <rect x="${w * 0.06}" y="${h * 0.42}" width="${w * 0.17}" height="${h * 0.1}" rx="4" fill="#ff2a1f"/>
    <rect x="${w * 0.77}" y="${h * 0.42}" width="${w * 0.17}" height="${h * 0.1}" rx="4" fill="#ff2a1f"/>
    <rect x="${w * 0.04}" y="${h * 0.72}" width="${w * 0.92}" height="${h * 0.08}" rx="4" fill="#222"/>
    <g transform="translate(${(w - plateW) / 2},${h * 0.55})">${plateSvg(v.plate, plateW, plateW * 0.22).replace(/^<svg[^>]*>|<\/svg>$/g, '')}</g>
  </svg>`;
}

/** The road scene without the vehicle: sky and town, the carriageway in perspective, signs of the violation. */
function sceneSvg(v: ServiceViolation, camera: CameraCaption, rng: Rng): string {
  const h = hourVn(v.ts);
  const night = h < 6 || h >= 18;
  const sky = night ? ['#0b1020', '#1b2440'] : ['#8fb3d9', '#d9e6f2'];
  const buildings = Array.from({ length: 14 }, (_, i) => {
    const bw = 60 + rng.int(0, 70);
    const bh = 40 + rng.int(0, 130);
    const x = i * 95 - 20 + rng.int(-10, 10);
    const lit = night
      ? Array.from(
          { length: 4 },
          () =>
            `<rect x="${x + rng.int(6, bw - 14)}" y="${HORIZON - bh + rng.int(8, bh - 14)}" width="6" height="8" fill="#f6d27a"/>`,
        ).join('')
      : '';
    return `<rect x="${x}" y="${HORIZON - bh}" width="${bw}" height="${bh}" fill="${night ? '#151b2b' : rng.pick(['#b9b2a6', '#cfc7b8', '#a9b4bf', '#d8cfc0'])}"/>${lit}`;
  }).join('');
  const lanes = [-1, 1]
    .map((side) => {
      const x0 = 640 + side * 40;
      const x1 = 640 + side * 430;
      return Array.from({ length: 7 }, (_, i) => {
        const t0 = i / 7;
        const t1 = t0 + 0.07;
        const y0 = HORIZON + (H - HORIZON) * t0 * t0;
        const y1 = HORIZON + (H - HORIZON) * t1 * t1;
        const solid = v.type === 'lane_violation' && side === 1;
        const yEnd = solid ? HORIZON + (H - HORIZON) * ((i + 1) / 7) ** 2 : y1;
        return `<line x1="${x0 + (x1 - x0) * t0 * t0}" y1="${y0}" x2="${x0 + (x1 - x0) * (solid ? ((i + 1) / 7) ** 2 : t1 * t1)}" y2="${yEnd}" stroke="#f0f0f0" stroke-width="${2 + 8 * t0}"/>`;
      }).join('');
    })
    .join('');
  const extras: string[] = [];
  if (v.type === 'red_light') {
    extras.push(`<rect x="0" y="600" width="${W}" height="14" fill="#f4f4f4"/>
      <rect x="1110" y="120" width="16" height="420" fill="#555"/>
      <rect x="1082" y="110" width="72" height="190" rx="10" fill="#1a1a1a"/>
      <circle cx="1118" cy="148" r="24" fill="#ff2a1f"/><circle cx="1118" cy="205" r="22" fill="#3a3000"/><circle cx="1118" cy="262" r="22" fill="#06300f"/>
      <text x="1118" y="330" font-size="22" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" fill="#ff5f57">ĐỎ</text>`);
  }
  if (v.type === 'speeding' || v.type === 'lane_violation') {
    const limit = v.limitKmh ?? 60;
    extras.push(`<rect x="1140" y="230" width="10" height="200" fill="#777"/>
      <circle cx="1145" cy="215" r="48" fill="#fff" stroke="#d0201a" stroke-width="12"/>
      <text x="1145" y="232" font-size="44" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" fill="#111">${limit}</text>`);
  }
  if (v.type === 'illegal_parking') {
    extras.push(`<rect x="1120" y="220" width="10" height="220" fill="#777"/>
      <circle cx="1125" cy="205" r="46" fill="#1f5fbf" stroke="#d0201a" stroke-width="10"/>
      <line x1="1093" y1="173" x2="1157" y2="237" stroke="#d0201a" stroke-width="10"/>
      <line x1="1157" y1="173" x2="1093" y2="237" stroke="#d0201a" stroke-width="10"/>
      <path d="M${640 + 430},${H} L${640 + 40},${HORIZON}" stroke="#f7c600" stroke-width="10"/>`);
  }
  if (v.type === 'wrong_way') {
    extras.push(
      [0.35, 0.6, 0.85]
        .map((t) => {
          const y = HORIZON + (H - HORIZON) * t * t;
          const s = 0.4 + t;
          return `<path transform="translate(${640 - 230 * t * t},${y}) scale(${s})" d="M0,-40 L22,0 L8,0 L8,40 L-8,40 L-8,0 L-22,0 Z" fill="#f0f0f0"/>`;
        })
        .join(''),
    );
  }
  const data = [
    `${camera.code} · ${camera.name}`,
    `${vnTime(v.ts)} (GMT+7) · ${TYPE_LABEL[v.type]}${v.speedKmh !== null ? ` · ${v.speedKmh}/${v.limitKmh ?? '–'} km/h` : ''} · BS: ${v.plate}`,
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
    <rect width="${W}" height="${HORIZON}" fill="url(#sky)"/>
    ${buildings}
    <rect y="${HORIZON}" width="${W}" height="${H - HORIZON}" fill="${night ? '#2a2d33' : '#8d8f8a'}"/>
    <path d="M${640 - 60},${HORIZON} L${640 + 60},${HORIZON} L${W + 260},${H} L${-260},${H} Z" fill="${night ? '#24272d' : '#4a4e55'}"/>
    ${lanes}
    ${extras.join('')}
    <rect y="${H - BAR}" width="${W}" height="${BAR}" fill="#000" opacity="0.78"/>
    <text x="16" y="${H - BAR + 26}" font-size="20" font-family="DejaVu Sans" fill="#ffffff">${esc(data[0]!)}</text>
    <text x="16" y="${H - BAR + 52}" font-size="20" font-family="DejaVu Sans" fill="#ffd43b">${esc(data[1]!)}</text>
    <text x="${W - 16}" y="${H - BAR + 26}" font-size="16" text-anchor="end" font-family="DejaVu Sans" fill="#cfd8e3">${esc(camera.roadName)}</text>
  </svg>`;
}

function detectionBoxSvg(box: { x: number; y: number; w: number; h: number }, label: string): string {
  const pad = 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <rect x="${box.x - pad}" y="${box.y - pad}" width="${box.w + pad * 2}" height="${box.h + pad * 2}" fill="none" stroke="#ff3b2f" stroke-width="4"/>
    <rect x="${box.x - pad}" y="${box.y - pad - 30}" width="${Math.max(box.w + pad * 2, label.length * 12.5 + 16)}" height="30" fill="#ff3b2f"/>
    <text x="${box.x - pad + 8}" y="${box.y - pad - 9}" font-size="18" font-family="DejaVu Sans" font-weight="bold" fill="#fff">${esc(label)}</text>
  </svg>`;
}

interface Rendered {
  scene: Buffer;
  sprite: Buffer;
  box: { x: number; y: number; w: number; h: number };
}

// The overview, the close-up and the clip are drawn from the same parts: keep the last few records' parts.
const recentParts = new Map<string, Promise<Rendered>>();

function partsOf(v: ServiceViolation, camera: CameraCaption): Promise<Rendered> {
  let parts = recentParts.get(v.id);
  if (!parts) {
    parts = renderParts(v, camera);
    recentParts.set(v.id, parts);
    parts.catch(() => recentParts.delete(v.id));
    if (recentParts.size > 8) recentParts.delete(recentParts.keys().next().value!);
  }
  return parts;
}

async function renderParts(v: ServiceViolation, camera: CameraCaption): Promise<Rendered> {
  const rng = createRng(`evidence|${v.id}`);
  const box = vehicleBox(v, rng.fork('box'));
  const [scene, sprite] = await Promise.all([
    sharp(Buffer.from(sceneSvg(v, camera, rng.fork('scene'))))
      .png()
      .toBuffer(),
    sharp(Buffer.from(vehicleSvg(v, box.w, box.h, rng.fork('vehicle'))))
      .png()
      .toBuffer(),
  ]);
  return { scene, sprite, box };
}

/**
 * Renders one evidence file of a simulated violation: the overview (scene, vehicle, detection box, data bar), the
 * vehicle close-up (a crop of the overview), the plate crop, or a 4-second clip of the vehicle passing (ffmpeg).
 * Deterministic per record, so a regenerated file is the file the center sealed.
 */
export async function renderEvidence(
  v: ServiceViolation,
  camera: CameraCaption,
  name: string,
  tools: { workDir: string; ffmpeg: string | null },
): Promise<Buffer | null> {
  if (name === 'plate.jpg') {
    const [, second] = plateLines(v.plate);
    const svg = second ? plateSvg(v.plate, 380, 280) : plateSvg(v.plate, 520, 112);
    return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
  }
  if (name !== 'overview.jpg' && name !== 'vehicle.jpg' && name !== 'clip.mp4') return null;
  const parts = await partsOf(v, camera);
  const conf = Math.round(v.plateConfidence * 100);
  const overview = await sharp(parts.scene)
    .composite([
      { input: parts.sprite, left: Math.round(parts.box.x), top: Math.round(parts.box.y) },
      { input: Buffer.from(detectionBoxSvg(parts.box, `${TYPE_LABEL[v.type]} ${conf}%`)), left: 0, top: 0 },
    ])
    .png()
    .toBuffer();
  if (name === 'overview.jpg') return sharp(overview).jpeg({ quality: 84 }).toBuffer();
  if (name === 'vehicle.jpg') {
    const cx = parts.box.x + parts.box.w / 2;
    const cy = parts.box.y + parts.box.h / 2;
    const cw = Math.min(W, Math.max(parts.box.w * 1.8, 360));
    const ch = Math.round((cw * 3) / 4);
    const left = Math.round(Math.min(Math.max(cx - cw / 2, 0), W - cw));
    const top = Math.round(Math.min(Math.max(cy - ch / 2, 0), H - BAR - ch));
    return sharp(overview)
      .extract({ left, top, width: Math.round(cw), height: ch })
      .resize(640, 480)
      .jpeg({ quality: 86 })
      .toBuffer();
  }
  return tools.ffmpeg ? renderClip(parts, tools.workDir, tools.ffmpeg) : null;
}

/** The vehicle drives into its final position over 3 s and on for 1 s more: one ffmpeg, no temporary frames. */
async function renderClip(parts: Rendered, workDir: string, ffmpeg: string): Promise<Buffer> {
  await fs.mkdir(workDir, { recursive: true });
  const bg = path.join(workDir, 'scene.png');
  const car = path.join(workDir, 'vehicle.png');
  const out = path.join(workDir, 'clip.mp4');
  await Promise.all([fs.writeFile(bg, parts.scene), fs.writeFile(car, parts.sprite)]);
  const { x, y } = parts.box;
  const x0 = 640 - parts.box.w / 2;
  const y0 = HORIZON + 20;
  // Position at time t: from (x0, y0) to (x, y) by t = 3 s, then 25% further along the same line.
  const px = `${x0}+(${x - x0})*t/3`;
  const py = `${y0}+(${y - y0})*t/3`;
  await run(ffmpeg, [
    '-v',
    'error',
    '-y',
    '-loop',
    '1',
    '-framerate',
    '10',
    '-i',
    bg,
    '-loop',
    '1',
    '-framerate',
    '10',
    '-i',
    car,
    '-filter_complex',
    `[0:v][1:v]overlay=x='${px}':y='${py}':eval=frame,scale=640:360,format=yuv420p`,
    '-t',
    '4',
    '-r',
    '10',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '30',
    '-threads',
    '1',
    '-movflags',
    '+faststart',
    '-an',
    out,
  ]);
  const bytes = await fs.readFile(out);
  await fs.rm(workDir, { recursive: true, force: true });
  return bytes;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${stderr.trim()}`)),
    );
  });
}
