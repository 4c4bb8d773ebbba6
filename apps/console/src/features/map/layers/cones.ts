import type { Camera, CameraKind } from '@c2/api-client/schemas/camera';

/** Typical field of view (degrees) and useful range (metres) per kind: a fixed view, a PTZ at mid zoom, a radar. */
const VIEW: Record<CameraKind, { fov: number; range: number }> = {
  fixed: { fov: 62, range: 90 },
  ptz: { fov: 48, range: 160 },
  speed: { fov: 16, range: 130 },
};
const STEPS = 10;
const cache = new WeakMap<Camera, [number, number][]>();

/** The sector a camera sees, as a polygon in lng/lat (cached per camera object). */
export function coneOf(camera: Camera): [number, number][] {
  const hit = cache.get(camera);
  if (hit) return hit;
  const { fov, range } = VIEW[camera.kind];
  const { lng, lat } = camera.location;
  const mPerDegLat = 111_320;
  const mPerDegLng = 111_320 * Math.cos((lat * Math.PI) / 180);
  const ring: [number, number][] = [[lng, lat]];
  for (let k = 0; k <= STEPS; k++) {
    const a = ((camera.bearing - fov / 2 + (fov * k) / STEPS) * Math.PI) / 180;
    ring.push([lng + (Math.sin(a) * range) / mPerDegLng, lat + (Math.cos(a) * range) / mPerDegLat]);
  }
  ring.push([lng, lat]);
  cache.set(camera, ring);
  return ring;
}
