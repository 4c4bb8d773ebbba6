import type { MapContext } from '@c2/api-client/schemas/map';
import type { SimWorld } from '../../sim-province/sim-world';
import type { GeoPort } from '../geo-port';

/** Basemap data of the simulated province: its roads and wards, framed on Bắc Ninh. */
export function createSimGeo(world: SimWorld): GeoPort {
  const names = new Map(world.wards.map((w) => [w.id, w.name]));
  let lngMin = Infinity,
    lngMax = -Infinity,
    latMin = Infinity,
    latMax = -Infinity;
  for (const r of world.roads) {
    for (const [lng, lat] of r.coords) {
      lngMin = Math.min(lngMin, lng);
      lngMax = Math.max(lngMax, lng);
      latMin = Math.min(latMin, lat);
      latMax = Math.max(latMax, lat);
    }
  }
  const context: Omit<MapContext, 'styleUrl'> = {
    province: 'Bắc Ninh',
    center: [(lngMin + lngMax) / 2, (latMin + latMax) / 2],
    zoom: 9.6,
    bounds: [lngMin, latMin, lngMax, latMax],
    roads: world.roads.map((r) => ({ id: r.id, ref: r.ref, name: r.name, kind: r.kind, coords: r.coords })),
    areas: world.wards.map((w) => ({ id: w.id, name: w.name, center: w.center, kind: w.kind })),
  };
  return {
    mapContext: () => ({ ...context, styleUrl: null }),
    areaName: (id) => names.get(id),
  };
}
