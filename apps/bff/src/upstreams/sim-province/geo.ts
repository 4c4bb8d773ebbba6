/** Small spherical-earth helpers for the simulator (metres and degrees; good to well under 1% at this scale). */
export type LngLat = [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number): number => (d * Math.PI) / 180;
const deg = (r: number): number => (r * 180) / Math.PI;

export function haversineMeters(a: LngLat, b: LngLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial bearing from a to b, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: LngLat, b: LngLat): number {
  const y = Math.sin(rad(b[0] - a[0])) * Math.cos(rad(b[1]));
  const x =
    Math.cos(rad(a[1])) * Math.sin(rad(b[1])) -
    Math.sin(rad(a[1])) * Math.cos(rad(b[1])) * Math.cos(rad(b[0] - a[0]));
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

export function polylineLengthMeters(coords: readonly LngLat[]): number {
  let total = 0;
  for (let i = 1; i < coords.length; i++)
    total += haversineMeters(coords[i - 1] as LngLat, coords[i] as LngLat);
  return total;
}

/** Linear interpolation between two points (fine for segments of a few km). */
export function pointAlong(a: LngLat, b: LngLat, fraction: number): LngLat {
  return [a[0] + (b[0] - a[0]) * fraction, a[1] + (b[1] - a[1]) * fraction];
}

export interface MeasuredPolyline {
  length: number;
  /** The point `meters` along the line (clamped to its ends) and the direction of travel there. */
  at(meters: number): { point: LngLat; bearing: number };
}

/** Pre-computes cumulative lengths so `at()` is a binary search, cheap enough for hundreds of units per second. */
export function measurePolyline(coords: readonly LngLat[]): MeasuredPolyline {
  if (coords.length === 0) throw new Error('measurePolyline: empty polyline');
  const cumulative = [0];
  for (let i = 1; i < coords.length; i++) {
    cumulative.push(
      (cumulative[i - 1] as number) + haversineMeters(coords[i - 1] as LngLat, coords[i] as LngLat),
    );
  }
  const length = cumulative[cumulative.length - 1] as number;
  return {
    length,
    at(meters) {
      if (coords.length === 1) return { point: [...(coords[0] as LngLat)], bearing: 0 };
      const m = Math.max(0, Math.min(length, meters));
      let lo = 0;
      let hi = cumulative.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) <= m) lo = mid;
        else hi = mid;
      }
      const a = coords[lo] as LngLat;
      const b = coords[hi] as LngLat;
      const span = (cumulative[hi] as number) - (cumulative[lo] as number);
      return {
        point: pointAlong(a, b, span > 0 ? (m - (cumulative[lo] as number)) / span : 0),
        bearing: bearingDeg(a, b),
      };
    },
  };
}
