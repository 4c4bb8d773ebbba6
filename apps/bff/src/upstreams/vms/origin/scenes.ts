import { createRng } from '../../sim-province/rng';

/**
 * The scenes the simulated cameras show: synthetic traffic drawn by ffmpeg (lavfi `color` + `drawbox` with
 * time expressions), so the repository ships no video and every machine encodes the same pictures. Each vehicle
 * crosses the frame a whole number of times per clip, so a clip loops without a jump in the traffic.
 */
export interface Scene {
  id: string;
  /** ASCII label burnt into the picture (drawtext needs no font with Vietnamese glyphs then). */
  label: string;
  /** ffmpeg colour of the background (asphalt, night…). */
  background: string;
  /** `drawbox` filters, drawn in order, in the main variant's 1280×720 coordinates. */
  boxes: string[];
}

export const SCENE_WIDTH = 1280;
export const SCENE_HEIGHT = 720;
/** Seconds per clip: long enough to look like traffic, short enough to encode in a couple of seconds. */
export const CLIP_SECONDS = 12;

interface Lane {
  /** Horizontal lanes: y of the lane's centre; vertical lanes: x. */
  at: number;
  axis: 'h' | 'v';
  /** +1: left→right / top→bottom; −1: the other way. */
  dir: 1 | -1;
}

interface VehicleKind {
  length: number;
  width: number;
  colors: readonly string[];
}

const CAR: VehicleKind = { length: 110, width: 50, colors: ['0xe8e8e8', '0x2e5c9a', '0xb03030', '0x202020'] };
const TRUCK: VehicleKind = { length: 230, width: 66, colors: ['0xd9a400', '0x3d7a3d', '0x9a9a9a'] };
const BIKE: VehicleKind = { length: 44, width: 18, colors: ['0xf0f0f0', '0xc04040', '0x3050c0', '0x101010'] };

const box = (x: string, y: string, w: number | string, h: number | string, color: string, enable?: string) =>
  `drawbox=x='${x}':y='${y}':w=${w}:h=${h}:color=${color}:t=fill${enable ? `:enable='${enable}'` : ''}`;

/** A vehicle that crosses its lane `laps` times per clip, starting `phase` (0..1) of the way along. */
function vehicle(lane: Lane, kind: VehicleKind, color: string, laps: number, phase: number): string[] {
  const extent = lane.axis === 'h' ? SCENE_WIDTH : SCENE_HEIGHT;
  const span = extent + kind.length;
  const speed = (laps * span) / CLIP_SECONDS;
  // Position along the lane, from −length (entering) to the far edge (gone); commas escaped for the filtergraph.
  const along = `mod(t*${speed.toFixed(3)}+${Math.round(phase * span)}\\,${span})-${kind.length}`;
  const pos = lane.dir === 1 ? along : `${extent - kind.length}-(${along})`;
  const cross = String(Math.round(lane.at - kind.width / 2));
  return lane.axis === 'h'
    ? [box(pos, cross, kind.length, kind.width, color)]
    : [box(cross, pos, kind.width, kind.length, color)];
}

function traffic(seed: string, lanes: Lane[], perLane: number, kinds: VehicleKind[]): string[] {
  const rng = createRng(`scene|${seed}`);
  const out: string[] = [];
  for (const lane of lanes) {
    // One speed per lane, vehicles spread along it: they never drive through each other.
    const laps = rng.int(1, 3);
    for (let i = 0; i < perLane; i++) {
      const kind = rng.pick(kinds);
      out.push(...vehicle(lane, kind, rng.pick(kind.colors), laps, (i + rng.next() * 0.4) / perLane));
    }
  }
  return out;
}

/** Dashed lane lines along a horizontal road. */
function dashesH(y: number, color = 'white@0.7'): string[] {
  const out: string[] = [];
  for (let x = 20; x < SCENE_WIDTH; x += 120) out.push(box(String(x), String(y - 3), 60, 6, color));
  return out;
}
function dashesV(x: number, color = 'white@0.7'): string[] {
  const out: string[] = [];
  for (let y = 10; y < SCENE_HEIGHT; y += 100) out.push(box(String(x - 3), String(y), 6, 50, color));
  return out;
}

const h = (at: number, dir: 1 | -1): Lane => ({ at, axis: 'h', dir });
const v = (at: number, dir: 1 | -1): Lane => ({ at, axis: 'v', dir });

export const SCENES: readonly Scene[] = [
  {
    id: 'expressway',
    label: 'CAO TOC - EXPRESSWAY',
    background: '0x3a3d42',
    boxes: [
      box('0', '120', String(SCENE_WIDTH), 12, 'white@0.9'),
      box('0', '344', String(SCENE_WIDTH), 30, '0x4f6b3a'),
      box('0', '600', String(SCENE_WIDTH), 12, 'white@0.9'),
      ...dashesH(232),
      ...dashesH(488),
      ...traffic('expressway', [h(180, -1), h(290, -1), h(430, 1), h(545, 1)], 3, [CAR, CAR, TRUCK]),
    ],
  },
  {
    id: 'junction',
    label: 'NUT GIAO - JUNCTION',
    background: '0x5b6b4a',
    boxes: [
      box('0', '250', String(SCENE_WIDTH), 220, '0x34373c'),
      box('530', '0', '220', SCENE_HEIGHT, '0x34373c'),
      ...dashesH(360, 'yellow@0.8'),
      ...dashesV(640, 'yellow@0.8'),
      // The signal: green for half the cycle, red for the other half.
      box('780', '190', 40, 40, '0x20c040', 'lt(mod(t\\,12)\\,6)'),
      box('780', '190', 40, 40, '0xd03030', 'gte(mod(t\\,12)\\,6)'),
      ...traffic('junction-h', [h(305, 1), h(415, -1)], 3, [CAR, BIKE, BIKE, TRUCK]),
      ...traffic('junction-v', [v(585, 1), v(695, -1)], 2, [CAR, BIKE, BIKE]),
    ],
  },
  {
    id: 'urban',
    label: 'NOI THI - URBAN STREET',
    background: '0x6e6a63',
    boxes: [
      box('0', '170', String(SCENE_WIDTH), 380, '0x303338'),
      box('0', '356', String(SCENE_WIDTH), 8, 'white@0.8'),
      // Motorbikes dominate Vietnamese streets.
      ...traffic('urban', [h(205, -1), h(250, -1), h(300, -1), h(410, 1), h(460, 1), h(510, 1)], 4, [
        BIKE,
        BIKE,
        BIKE,
        CAR,
      ]),
    ],
  },
  {
    id: 'night',
    label: 'BAN DEM - NIGHT',
    background: '0x0b0d14',
    boxes: [
      box('0', '200', String(SCENE_WIDTH), 330, '0x15171c'),
      ...dashesH(365, 'white@0.25'),
      ...traffic('night', [h(260, 1), h(310, 1), h(420, -1), h(470, -1)], 3, [
        { length: 24, width: 14, colors: ['0xfff6c0', '0xffe890'] },
        { length: 18, width: 10, colors: ['0xff3030'] },
      ]),
    ],
  },
  {
    id: 'bridge',
    label: 'CAU - BRIDGE',
    background: '0x27506e',
    boxes: [
      box('380', '0', '520', SCENE_HEIGHT, '0x3b3e43'),
      box('372', '0', '8', SCENE_HEIGHT, '0xc0c0c0'),
      box('900', '0', '8', SCENE_HEIGHT, '0xc0c0c0'),
      ...dashesV(510),
      ...dashesV(640, 'yellow@0.8'),
      ...dashesV(770),
      ...traffic('bridge', [v(445, 1), v(575, 1), v(705, -1), v(835, -1)], 2, [CAR, CAR, TRUCK, BIKE]),
    ],
  },
];
