import type { Unit, UnitPositionFrame } from '@c2/api-client/schemas/unit';
import { UNIT_RGBA } from './colours';

/** A fix takes about this long to be replaced by the next one (units report at 1 Hz). */
const DEFAULT_GLIDE_MS = 1000;
const MAX_GLIDE_MS = 2500;

/** Shortest signed turn from a to b, in degrees. */
const turn = (a: number, b: number) => ((((b - a) % 360) + 540) % 360) - 180;

/**
 * Field units for the GPU, moving smoothly: each GPS fix starts a glide from where the unit is drawn now to the
 * fix, lasting as long as the gap between its last two fixes, so 1 Hz reports read as continuous motion instead
 * of jumps. Positions, headings and colours live in typed arrays written in place; a frame of the glide costs
 * one pass over 500 units and one small upload.
 */
export class UnitModel {
  units: Unit[] = [];
  readonly index = new Map<string, number>();
  positions = new Float64Array(0);
  /** deck.gl angles are counter-clockwise; headings are clockwise from north. */
  angles = new Float32Array(0);
  colors = new Uint8Array(0);
  /** 1 when the unit has a position to draw. */
  located = new Float32Array(0);
  layoutVersion = 0;
  positionVersion = 0;
  colorVersion = 0;
  private from = new Float64Array(0);
  private to = new Float64Array(0);
  private headingFrom = new Float32Array(0);
  private headingTo = new Float32Array(0);
  private start = new Float64Array(0);
  private glide = new Float64Array(0);
  private lastFix = new Float64Array(0);
  private moving = 0;

  get length(): number {
    return this.units.length;
  }

  /** Takes the unit list (roster and CAD status); positions already drawn are kept. */
  sync(list: readonly Unit[]): void {
    const same = list.length === this.units.length && list.every((u, i) => u.id === this.units[i]!.id);
    if (!same) {
      const old = { index: new Map(this.index), positions: this.positions, angles: this.angles };
      this.allocate(list.length);
      this.index.clear();
      list.forEach((u, i) => {
        this.index.set(u.id, i);
        const j = old.index.get(u.id);
        if (j !== undefined && old.positions[j * 2] !== 0) {
          this.place(i, old.positions[j * 2]!, old.positions[j * 2 + 1]!, -old.angles[j]!);
        } else if (u.position) this.place(i, u.position.lng, u.position.lat, u.position.heading);
      });
      this.layoutVersion++;
      this.positionVersion++;
    }
    let recoloured = !same;
    list.forEach((u, i) => {
      if (same && u.status === this.units[i]!.status) return;
      this.colors.set(UNIT_RGBA[u.status], i * 4);
      recoloured = true;
    });
    this.units = [...list];
    if (recoloured) this.colorVersion++;
  }

  /** Starts a glide to each fix; frames of units this console does not know are ignored. */
  applyFrames(frames: readonly UnitPositionFrame[], now: number): void {
    for (const [id, lng, lat, heading] of frames) {
      const i = this.index.get(id);
      if (i === undefined) continue;
      if (this.located[i] === 0) {
        this.place(i, lng, lat, heading);
        this.lastFix[i] = now;
        continue;
      }
      const gap = Number.isNaN(this.lastFix[i]!) ? DEFAULT_GLIDE_MS : now - this.lastFix[i]!;
      this.lastFix[i] = now;
      this.from[i * 2] = this.positions[i * 2]!;
      this.from[i * 2 + 1] = this.positions[i * 2 + 1]!;
      this.to[i * 2] = lng;
      this.to[i * 2 + 1] = lat;
      this.headingFrom[i] = -this.angles[i]!;
      this.headingTo[i] = heading;
      this.start[i] = now;
      this.glide[i] = Math.min(MAX_GLIDE_MS, Math.max(200, gap));
    }
    this.moving = frames.length;
    this.positionVersion++;
  }

  /** Advances every glide to `now`; true while any unit is still moving (the caller keeps animating). */
  step(now: number): boolean {
    if (this.moving === 0) return false;
    let moving = 0;
    for (let i = 0; i < this.units.length; i++) {
      const g = this.glide[i]!;
      if (g === 0) continue;
      const t = Math.min(1, (now - this.start[i]!) / g);
      const e = t; // linear: GPS fixes are already samples of continuous motion
      this.positions[i * 2] = this.from[i * 2]! + (this.to[i * 2]! - this.from[i * 2]!) * e;
      this.positions[i * 2 + 1] = this.from[i * 2 + 1]! + (this.to[i * 2 + 1]! - this.from[i * 2 + 1]!) * e;
      const h = this.headingFrom[i]! + turn(this.headingFrom[i]!, this.headingTo[i]!) * Math.min(1, t * 3);
      this.angles[i] = -h;
      if (t >= 1) this.glide[i] = 0;
      else moving++;
    }
    this.moving = moving;
    this.positionVersion++;
    return moving > 0;
  }

  /** Where a unit is drawn now. */
  positionOf(i: number): [number, number] {
    return [this.positions[i * 2]!, this.positions[i * 2 + 1]!];
  }

  private place(i: number, lng: number, lat: number, heading: number): void {
    this.positions[i * 2] = lng;
    this.positions[i * 2 + 1] = lat;
    this.angles[i] = -heading;
    this.located[i] = 1;
    this.glide[i] = 0;
  }

  private allocate(n: number): void {
    this.positions = new Float64Array(n * 2);
    this.angles = new Float32Array(n);
    this.colors = new Uint8Array(n * 4);
    this.located = new Float32Array(n);
    this.from = new Float64Array(n * 2);
    this.to = new Float64Array(n * 2);
    this.headingFrom = new Float32Array(n);
    this.headingTo = new Float32Array(n);
    this.start = new Float64Array(n);
    this.glide = new Float64Array(n);
    // NaN: no fix received yet (a glide then lasts the default).
    this.lastFix = new Float64Array(n).fill(Number.NaN);
  }
}
