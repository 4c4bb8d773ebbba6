import { haversineMeters, type LngLat } from './geo';
import type { Road, RoadKind } from './roads';
import type { Rng } from './rng';

/** The simulated road network as a graph of vertices: junctions are vertices shared by several roads. */
export interface RoadGraph {
  nodeCount(): number;
  /** Index of the vertex nearest to a point. */
  nearestNode(point: LngLat): number;
  /** Where a vertex is. */
  point(node: number): LngLat;
  /** Vertices of the shortest path by distance (Dijkstra), or null when the two are not connected. */
  shortestPath(from: number, to: number): LngLat[] | null;
  /**
   * Travel times from one vertex to every other, with a speed per road kind (Dijkstra on time). The network is
   * undirected, so these are also the times *to* that vertex: one search ranks every unit heading for a scene.
   */
  fastestFrom(from: number, speedKmh: (kind: RoadKind) => number): FastestTree;
  /** A drive of at least `minMeters` through the network from a vertex (random if not given), chaining shortest paths. */
  randomRoute(rng: Rng, minMeters: number, start?: number): LngLat[];
}

/** Result of a time-weighted search from one vertex. */
export interface FastestTree {
  /** Seconds to the vertex (Infinity when not connected). */
  secondsTo(node: number): number;
  /** Road metres along the fastest path to the vertex. */
  metersTo(node: number): number;
  /** The fastest path's vertices from the vertex back to the origin of the search, or null when not connected. */
  pathFrom(node: number): LngLat[] | null;
}

interface Edge {
  to: number;
  meters: number;
  kind: RoadKind;
}

const keyOf = (p: LngLat): string => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;

/** Binary min-heap keyed by distance; small and allocation-light, enough for a few thousand vertices. */
class MinHeap {
  private items: Array<[number, number]> = [];
  get size(): number {
    return this.items.length;
  }
  push(node: number, dist: number): void {
    const a = this.items;
    a.push([dist, node]);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((a[parent] as [number, number])[0] <= dist) break;
      [a[i], a[parent]] = [a[parent] as [number, number], a[i] as [number, number]];
      i = parent;
    }
  }
  pop(): [number, number] | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && (a[l] as [number, number])[0] < (a[m] as [number, number])[0]) m = l;
        if (r < a.length && (a[r] as [number, number])[0] < (a[m] as [number, number])[0]) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as [number, number], a[i] as [number, number]];
        i = m;
      }
    }
    return top;
  }
}

export function buildRoadGraph(roads: readonly Road[]): RoadGraph {
  const points: LngLat[] = [];
  const index = new Map<string, number>();
  const edges: Edge[][] = [];

  const nodeFor = (p: LngLat): number => {
    const key = keyOf(p);
    let i = index.get(key);
    if (i === undefined) {
      i = points.length;
      index.set(key, i);
      points.push(p);
      edges.push([]);
    }
    return i;
  };

  for (const road of roads) {
    for (let i = 1; i < road.coords.length; i++) {
      const a = nodeFor(road.coords[i - 1] as LngLat);
      const b = nodeFor(road.coords[i] as LngLat);
      if (a === b) continue;
      const meters = haversineMeters(points[a] as LngLat, points[b] as LngLat);
      (edges[a] as Edge[]).push({ to: b, meters, kind: road.kind });
      (edges[b] as Edge[]).push({ to: a, meters, kind: road.kind });
    }
  }

  /**
   * Dijkstra from `from` by an edge cost; stops early once `to` is settled (when given). `meters` is the length of
   * the cheapest path found, carried along so callers ranking by time also get distances without walking paths.
   */
  function search(from: number, cost: (e: Edge) => number, to?: number) {
    const dist = new Float64Array(points.length).fill(Infinity);
    const meters = new Float64Array(points.length).fill(Infinity);
    const prev = new Int32Array(points.length).fill(-1);
    dist[from] = 0;
    meters[from] = 0;
    const heap = new MinHeap();
    heap.push(from, 0);
    while (heap.size > 0) {
      const [d, node] = heap.pop() as [number, number];
      if (node === to) break;
      if (d > (dist[node] as number)) continue;
      for (const e of edges[node] as Edge[]) {
        const nd = d + cost(e);
        if (nd < (dist[e.to] as number)) {
          dist[e.to] = nd;
          meters[e.to] = (meters[node] as number) + e.meters;
          prev[e.to] = node;
          heap.push(e.to, nd);
        }
      }
    }
    return { dist, meters, prev };
  }

  /** Vertices from `node` back along `prev` to the search origin. */
  function walkBack(prev: Int32Array, node: number): LngLat[] {
    const path: LngLat[] = [];
    for (let n = node; n !== -1; n = prev[n] as number) path.push(points[n] as LngLat);
    return path;
  }

  function shortestPath(from: number, to: number): LngLat[] | null {
    const { dist, prev } = search(from, (e) => e.meters, to);
    if (!Number.isFinite(dist[to] as number)) return null;
    return walkBack(prev, to).reverse();
  }

  return {
    nodeCount: () => points.length,
    point: (node) => points[node] as LngLat,
    nearestNode(point) {
      let best = 0;
      let bestD = Infinity;
      points.forEach((p, i) => {
        const d = haversineMeters(p, point);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      });
      return best;
    },
    shortestPath,
    fastestFrom(from, speedKmh) {
      const mps = new Map<RoadKind, number>();
      const { dist, meters, prev } = search(from, (e) => {
        let v = mps.get(e.kind);
        if (v === undefined) mps.set(e.kind, (v = speedKmh(e.kind) / 3.6));
        return e.meters / v;
      });
      return {
        secondsTo: (node) => dist[node] as number,
        metersTo: (node) => meters[node] as number,
        pathFrom: (node) => (Number.isFinite(dist[node] as number) ? walkBack(prev, node) : null),
      };
    },
    randomRoute(rng, minMeters, start) {
      if (points.length < 2) throw new Error('randomRoute: the road graph has fewer than two vertices');
      let current = start ?? rng.int(0, points.length - 1);
      const route: LngLat[] = [points[current] as LngLat];
      let meters = 0;
      for (let attempt = 0; attempt < 50 && meters < minMeters; attempt++) {
        const target = rng.int(0, points.length - 1);
        if (target === current) continue;
        const leg = shortestPath(current, target);
        if (!leg) continue;
        for (let i = 1; i < leg.length; i++) {
          meters += haversineMeters(route[route.length - 1] as LngLat, leg[i] as LngLat);
          route.push(leg[i] as LngLat);
        }
        current = target;
      }
      return route;
    },
  };
}
