/**
 * The map's pictograms, drawn once on a canvas at start (no image file to fetch, nothing leaves the origin). They
 * are white masks: deck.gl tints them per object (status, unit state), so one icon serves every colour.
 */
export type IconName = 'fixed' | 'ptz' | 'speed' | 'unit' | 'alert';

const SIZE = 64;
const ORDER: IconName[] = ['fixed', 'ptz', 'speed', 'unit', 'alert'];

export interface IconAtlas {
  canvas: HTMLCanvasElement;
  mapping: Record<
    IconName,
    { x: number; y: number; width: number; height: number; mask: true; anchorY?: number }
  >;
}

let atlas: IconAtlas | null = null;

export function iconAtlas(): IconAtlas {
  if (atlas) return atlas;
  const canvas = document.createElement('canvas');
  canvas.width = SIZE * ORDER.length;
  canvas.height = SIZE;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  g.strokeStyle = '#fff';
  g.lineCap = 'round';
  g.lineJoin = 'round';
  ORDER.forEach((name, i) => {
    g.save();
    g.translate(i * SIZE, 0);
    DRAW[name](g);
    g.restore();
  });
  const mapping = Object.fromEntries(
    ORDER.map((name, i) => [name, { x: i * SIZE, y: 0, width: SIZE, height: SIZE, mask: true as const }]),
  ) as IconAtlas['mapping'];
  atlas = { canvas, mapping };
  return atlas;
}

const DRAW: Record<IconName, (g: CanvasRenderingContext2D) => void> = {
  // A bullet camera on its bracket.
  fixed(g) {
    g.beginPath();
    g.roundRect(12, 18, 32, 20, 4);
    g.fill();
    g.beginPath();
    g.moveTo(44, 22);
    g.lineTo(54, 16);
    g.lineTo(54, 40);
    g.lineTo(44, 34);
    g.closePath();
    g.fill();
    g.lineWidth = 5;
    g.beginPath();
    g.moveTo(24, 38);
    g.lineTo(24, 50);
    g.lineTo(14, 50);
    g.stroke();
  },
  // A dome on its ceiling plate.
  ptz(g) {
    g.beginPath();
    g.roundRect(10, 14, 44, 8, 3);
    g.fill();
    g.beginPath();
    g.arc(32, 24, 18, 0, Math.PI);
    g.fill();
    g.globalCompositeOperation = 'destination-out';
    g.beginPath();
    g.arc(32, 33, 5, 0, Math.PI * 2);
    g.fill();
    g.globalCompositeOperation = 'source-over';
  },
  // A speed gauge: dial and needle.
  speed(g) {
    g.lineWidth = 6;
    g.beginPath();
    g.arc(32, 38, 20, Math.PI, 0);
    g.stroke();
    g.lineWidth = 5;
    g.beginPath();
    g.moveTo(32, 38);
    g.lineTo(46, 24);
    g.stroke();
    g.beginPath();
    g.arc(32, 38, 5, 0, Math.PI * 2);
    g.fill();
  },
  // A heading arrow pointing north (rotated by the unit's heading).
  unit(g) {
    g.beginPath();
    g.moveTo(32, 4);
    g.lineTo(56, 58);
    g.lineTo(32, 46);
    g.lineTo(8, 58);
    g.closePath();
    g.fill();
  },
  // A warning triangle with its exclamation mark cut out.
  alert(g) {
    g.beginPath();
    g.moveTo(32, 4);
    g.lineTo(61, 56);
    g.lineTo(3, 56);
    g.closePath();
    g.fill();
    g.globalCompositeOperation = 'destination-out';
    g.fillRect(29, 20, 6, 20);
    g.beginPath();
    g.arc(32, 47, 3.5, 0, Math.PI * 2);
    g.fill();
    g.globalCompositeOperation = 'source-over';
  },
};
