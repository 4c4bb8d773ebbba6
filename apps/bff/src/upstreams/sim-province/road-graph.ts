import { haversineMeters, type LngLat } from './geo';
import type { Road } from './roads';
import type { Rng } from './rng';

/** The simulated road network as a graph of vertices: junctions are vertices shared by several roads. */
export interface RoadGraph {
  nodeCount(): number;
  /** Index of the vertex nearest to a point. */
  nearestNode(point: LngLat): number;
  /** Vertices of the shortest path by distance (Dijkstra), or null when the two are not connected. */
  shortestPath(from: number, to: number): LngLat[] | null;
  /** A drive of at least `minMeters` through the network from a random vertex, chaining shortest paths. */
  randomRoute(rng: Rng, minMeters: number): LngLat[];
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
  const edges: Array<Array<{ to: number; meters: number }>> = [];

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
      (edges[a] as Array<{ to: number; meters: number }>).push({ to: b, meters });
      (edges[b] as Array<{ to: number; meters: number }>).push({ to: a, meters });
    }
  }

  function shortestPath(from: number, to: number): LngLat[] | null {
    const dist = new Float64Array(points.length).fill(Infinity);
    const prev = new Int32Array(points.length).fill(-1);
    dist[from] = 0;
    const heap = new MinHeap();
    heap.push(from, 0);
    while (heap.size > 0) {
      const [d, node] = heap.pop() as [number, number];
      if (node === to) break;
      if (d > (dist[node] as number)) continue;
      for (const e of edges[node] as Array<{ to: number; meters: number }>) {
        const nd = d + e.meters;
        if (nd < (dist[e.to] as number)) {
          dist[e.to] = nd;
          prev[e.to] = node;
          heap.push(e.to, nd);
        }
      }
    }
    if (!Number.isFinite(dist[to] as number)) return null;
    const path: LngLat[] = [];
    for (let n = to; n !== -1; n = prev[n] as number) path.push(points[n] as LngLat);
    return path.reverse();
  }

  return {
    nodeCount: () => points.length,
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
    randomRoute(rng, minMeters) {
      if (points.length < 2) throw new Error('randomRoute: the road graph has fewer than two vertices');
      let current = rng.int(0, points.length - 1);
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
