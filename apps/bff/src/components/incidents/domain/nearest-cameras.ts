import type { Camera } from '@c2/api-client/schemas/camera';
import type { LngLat } from '@c2/api-client/schemas/common';
import type { NearbyCamera } from '@c2/api-client/schemas/incident';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function metersBetween(a: LngLat, b: LngLat): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The cameras nearest a point, nearest first, within `maxMeters`. Offline cameras are kept (an operator may still
 * want to know one is there) but ranked after working ones at the same distance band of 100 m, since a dead
 * camera next to the scene helps less than a live one a little farther.
 */
export function nearestCameras(
  cameras: readonly Camera[],
  at: LngLat,
  limit: number,
  maxMeters = 5000,
): NearbyCamera[] {
  const band = (c: NearbyCamera) =>
    Math.floor(c.distanceMeters / 100) * 2 + (c.camera.status.state === 'offline' ? 1 : 0);
  return cameras
    .map((camera) => ({ camera, distanceMeters: metersBetween(camera.location, at) }))
    .filter((c) => c.distanceMeters <= maxMeters)
    .sort((a, b) => band(a) - band(b) || a.distanceMeters - b.distanceMeters)
    .slice(0, limit);
}
