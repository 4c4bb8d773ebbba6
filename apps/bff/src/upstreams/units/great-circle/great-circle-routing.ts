import { haversineMeters } from '../../sim-province/geo';
import type { Point, Route, RoutingPort, TravelEstimate } from '../routing-port';

/**
 * Roads are longer than the straight line between two points: 1.3 is the usual circuity of a rural-suburban
 * network, and 40 km/h an average response speed across it. Good enough to rank units when nothing better exists.
 */
export const GREAT_CIRCLE_DETOUR = 1.3;
export const GREAT_CIRCLE_SPEED_KMH = 40;

export function greatCircleEstimate(from: Point, to: Point): TravelEstimate {
  const meters = haversineMeters(from, to) * GREAT_CIRCLE_DETOUR;
  return { meters, seconds: meters / (GREAT_CIRCLE_SPEED_KMH / 3.6), method: 'great_circle' };
}

/** Routing without a road network: the fallback for deployments that have no routing service. */
export function createGreatCircleRouting(): RoutingPort {
  return {
    adapter: 'great-circle',
    async estimateTo(destination, origins) {
      return origins.map((o) => greatCircleEstimate(o, destination));
    },
    async route(from, to): Promise<Route> {
      return { ...greatCircleEstimate(from, to), path: [from, to] };
    },
  };
}
