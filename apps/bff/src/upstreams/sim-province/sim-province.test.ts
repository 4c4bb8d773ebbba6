import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { bearingDeg, haversineMeters, measurePolyline } from './geo';
import { ROADS } from './roads';
import { WARDS, nearestWard } from './wards';
import { buildRoadGraph } from './road-graph';
import { layoutCameras } from './camera-layout';

describe('the simulated province', () => {
  it('when seeded twice with the same seed, then the rng repeats and forks are independent of the parent', () => {
    const a = createRng('x');
    const b = createRng('x');
    expect([a.next(), a.next(), a.int(1, 6)]).toEqual([b.next(), b.next(), b.int(1, 6)]);
    const before = createRng('y');
    before.fork('child');
    expect(before.next()).toBe(createRng('y').next());
    expect(createRng('x').next()).not.toBe(createRng('z').next());
  });

  it('when measuring Bắc Ninh to Bắc Giang, then distance and bearing match the map', () => {
    const d = haversineMeters([106.07, 21.18], [106.195, 21.28]);
    expect(d).toBeGreaterThan(16_000);
    expect(d).toBeLessThan(18_000);
    expect(bearingDeg([0, 0], [0, 1])).toBeCloseTo(0);
    expect(bearingDeg([0, 0], [1, 0])).toBeCloseTo(90);
    const line = measurePolyline([
      [0, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(line.at(line.length / 4).point[0]).toBeCloseTo(0);
    expect(line.at(line.length * 10).point).toEqual([1, 1]);
  });

  it('when routing between any two vertices, then the network is connected', () => {
    const graph = buildRoadGraph(ROADS);
    const from = graph.nearestNode([105.87, 21.215]);
    for (let to = 0; to < graph.nodeCount(); to++)
      expect(graph.shortestPath(from, to), `vertex ${to}`).not.toBeNull();
    const route = graph.randomRoute(createRng('route'), 20_000);
    expect(measurePolyline(route).length).toBeGreaterThanOrEqual(20_000);
  });

  it('when laying out 400 cameras, then the mix of kinds and classifications is the province plan', () => {
    const cams = layoutCameras(400, 'bac-ninh');
    expect(cams).toEqual(layoutCameras(400, 'bac-ninh'));
    expect(new Set(cams.map((c) => c.id)).size).toBe(400);
    expect(cams.filter((c) => c.kind === 'speed')).toHaveLength(20);
    const ptz = cams.filter((c) => c.kind === 'ptz').length;
    expect(ptz).toBeGreaterThan(30);
    expect(ptz).toBeLessThan(90);
    for (const c of cams.filter((x) => x.kind === 'speed')) {
      expect(['expressway', 'national']).toContain(ROADS.find((r) => r.id === c.roadId)?.kind);
    }
    const secret = cams.filter((c) => c.classification === 'secret').length;
    expect(secret).toBeGreaterThan(5);
    expect(secret).toBeLessThan(40);
    for (const c of cams) {
      expect(c.lng).toBeGreaterThan(105.85);
      expect(c.lng).toBeLessThan(106.95);
      expect(c.lat).toBeGreaterThan(20.95);
      expect(c.lat).toBeLessThan(21.6);
    }
    expect(new Set(cams.map((c) => c.wardId)).size).toBeGreaterThan(30);
  });

  it('when asked for the ward of a point, then it names the nearest centre', () => {
    expect(WARDS.length).toBeGreaterThan(30);
    expect(new Set(WARDS.map((w) => w.id)).size).toBe(WARDS.length);
    expect(nearestWard(106.195, 21.276).name).toBe('Phường Bắc Giang');
  });
});
