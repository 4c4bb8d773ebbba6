import type { EtaMethod } from '@c2/api-client/schemas/incident';
import type { Upstream } from '../upstream-health';

/** Longitude, latitude (GeoJSON order). */
export type Point = [number, number];

/** How long a drive takes and how far it is, and whether it was routed on roads or guessed as the crow flies. */
export interface TravelEstimate {
  seconds: number;
  meters: number;
  method: EtaMethod;
}

/** A drive: the polyline to follow and its estimate. */
export interface Route extends TravelEstimate {
  path: Point[];
}

/**
 * Travel times for dispatch. A deployment with a routing service (OSRM, Valhalla, a GIS) plugs in here; the
 * simulated province routes on its own road network; without either, times are estimated on the great circle.
 */
export interface RoutingPort extends Pick<Upstream, 'adapter'> {
  /** Estimates from several origins to one destination (one search serves every unit heading for a scene). */
  estimateTo(destination: Point, origins: readonly Point[]): Promise<TravelEstimate[]>;
  /** The path a unit would drive. */
  route(from: Point, to: Point): Promise<Route>;
}
