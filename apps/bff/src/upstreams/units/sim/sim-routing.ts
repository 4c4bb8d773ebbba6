import { haversineMeters, pointAlong, type LngLat } from '../../sim-province/geo';
import { buildRoadGraph, type FastestTree, type RoadGraph } from '../../sim-province/road-graph';
import type { Road, RoadKind } from '../../sim-province/roads';
import type { SimWorld } from '../../sim-province/sim-world';
import { greatCircleEstimate } from '../great-circle/great-circle-routing';
import type { Point, Route, RoutingPort, TravelEstimate } from '../routing-port';

/** Response speeds with lights and siren, by road class (below the posted limits: traffic, junctions, turns). */
export const RESPONSE_SPEED_KMH: Readonly<Record<RoadKind, number>> = {
  expressway: 90,
  national: 60,
  ring: 55,
  provincial: 45,
};
/** Speed of the leg between a point and the road network (a side street, a car park). */
const ACCESS_SPEED_KMH = 25;
/** Farther than this from any road of the network, a point is "off the graph": estimate on the great circle. */
export const OFF_GRAPH_METERS = 1500;
/** Road polylines are split into pieces no longer than this, so a unit mid-road is near a vertex. */
const DENSIFY_METERS = 200;
const CELL_DEG = 0.02;

/** Splits every segment longer than `step` metres; junction vertices stay shared, so roads still connect. */
export function densify(roads: readonly Road[], step: number): Road[] {
  return roads.map((road) => {
    const coords: LngLat[] = [road.coords[0] as LngLat];
    for (let i = 1; i < road.coords.length; i++) {
      const a = road.coords[i - 1] as LngLat;
      const b = road.coords[i] as LngLat;
      const pieces = Math.ceil(haversineMeters(a, b) / step);
      for (let k = 1; k < pieces; k++) coords.push(pointAlong(a, b, k / pieces));
      coords.push(b);
    }
    return { ...road, coords };
  });
}

/** Vertices bucketed in a coarse grid, so "nearest vertex" looks at a few cells instead of every vertex. */
function vertexIndex(graph: RoadGraph) {
  const cells = new Map<string, number[]>();
  const cellOf = (p: LngLat) => [Math.floor(p[0] / CELL_DEG), Math.floor(p[1] / CELL_DEG)] as const;
  for (let i = 0; i < graph.nodeCount(); i++) {
    const [x, y] = cellOf(graph.point(i));
    const key = `${x},${y}`;
    let list = cells.get(key);
    if (!list) cells.set(key, (list = []));
    list.push(i);
  }
  return (p: LngLat): { node: number; meters: number } => {
    const [cx, cy] = cellOf(p);
    // Ranking neighbours this close needs no trigonometry: squared equirectangular distance, haversine once.
    const k = Math.cos((p[1] * Math.PI) / 180) ** 2;
    let best = -1;
    let bestD = Infinity;
    // A ring of cells around the point covers OFF_GRAPH_METERS (a cell is ~2 km); farther means off the graph.
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const i of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const q = graph.point(i);
          const d = (q[0] - p[0]) ** 2 * k + (q[1] - p[1]) ** 2;
          if (d < bestD) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best < 0
      ? { node: graph.nearestNode(p), meters: Infinity }
      : { node: best, meters: haversineMeters(p, graph.point(best)) };
  };
}

const accessSeconds = (meters: number) => meters / (ACCESS_SPEED_KMH / 3.6);

/**
 * Routing on the simulated province's roads: Dijkstra on travel time with a speed per road class, plus short
 * access legs at either end. A point farther than OFF_GRAPH_METERS from the network, or a pair the network does
 * not connect, falls back to the great-circle estimate. The simulated network carries only the major roads, so
 * where it detours far around (two points either side of an expressway with no junction between them) the local
 * streets it lacks would be quicker: the great-circle estimate, which stands for them, then wins.
 */
export function createSimRouting(world: SimWorld): RoutingPort {
  const graph = buildRoadGraph(densify(world.roads, DENSIFY_METERS));
  const nearest = vertexIndex(graph);
  const speedOf = (kind: RoadKind) => RESPONSE_SPEED_KMH[kind];
  // Scenes are few and units ask repeatedly (every suggestion, every drive): keep the last few searches.
  const trees = new Map<number, FastestTree>();
  const treeTo = (node: number): FastestTree => {
    let tree = trees.get(node);
    if (!tree) {
      tree = graph.fastestFrom(node, speedOf);
      trees.set(node, tree);
      if (trees.size > 32) trees.delete(trees.keys().next().value as number);
    }
    return tree;
  };

  /** Estimate from one origin to a destination whose search tree is ready; `fromNode` is -1 off the graph. */
  function estimate(
    to: Point,
    end: { node: number; meters: number; tree: FastestTree },
    from: Point,
  ): TravelEstimate & { fromNode: number } {
    const start = nearest(from);
    const roadSeconds = end.tree.secondsTo(start.node);
    const crow = { ...greatCircleEstimate(from, to), fromNode: -1 };
    if (start.meters > OFF_GRAPH_METERS || end.meters > OFF_GRAPH_METERS || !Number.isFinite(roadSeconds))
      return crow;
    const seconds = roadSeconds + accessSeconds(start.meters) + accessSeconds(end.meters);
    if (crow.seconds < seconds) return crow;
    return {
      seconds,
      meters: end.tree.metersTo(start.node) + start.meters + end.meters,
      method: 'road',
      fromNode: start.node,
    };
  }
  const endOf = (to: Point) => {
    const end = nearest(to);
    return { ...end, tree: treeTo(end.node) };
  };

  return {
    adapter: 'sim-roads',
    async estimateTo(to, origins) {
      const end = endOf(to);
      return origins.map((o) => {
        const { seconds, meters, method } = estimate(to, end, o);
        return { seconds, meters, method };
      });
    },
    async route(from, to): Promise<Route> {
      const e = estimate(to, endOf(to), from);
      const { seconds, meters, method } = e;
      if (e.fromNode < 0) return { seconds, meters, method, path: [from, to] };
      const along = endOf(to).tree.pathFrom(e.fromNode) ?? [];
      return { seconds, meters, method, path: [from, ...along, to] };
    },
  };
}
