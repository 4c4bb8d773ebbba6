import { describe, expect, it } from 'vitest';
import { createSimWorld } from '../../sim-province/sim-world';
import { haversineMeters } from '../../sim-province/geo';
import { GREAT_CIRCLE_DETOUR } from '../great-circle/great-circle-routing';
import { createSimRouting, densify, OFF_GRAPH_METERS } from './sim-routing';

const world = createSimWorld('bac-ninh', 10);
const routing = createSimRouting(world);
const bacNinh: [number, number] = [106.07, 21.18];
const tuSon: [number, number] = [105.963, 21.118];
// On CT.01 2 km from the centre, but the expressway has no junction there: 28 km round by the network.
const acrossTheExpressway: [number, number] = [106.085, 21.165];

describe('simulated routing', () => {
  it('when a unit is on the road network, then its ETA follows the roads and is longer than the straight line', async () => {
    const [e] = await routing.estimateTo(bacNinh, [tuSon]);
    expect(e!.method).toBe('road');
    const straight = haversineMeters(bacNinh, tuSon);
    expect(e!.meters).toBeGreaterThan(straight);
    expect(e!.meters).toBeLessThan(straight * 1.6);
    // Between 45 and 90 km/h on average.
    expect(e!.seconds).toBeGreaterThan(e!.meters / (90 / 3.6));
    expect(e!.seconds).toBeLessThan(e!.meters / (40 / 3.6));
  });

  it('when the network detours far round a nearby unit, then the local-streets estimate is used and ranks it first', async () => {
    const [near, far] = await routing.estimateTo(bacNinh, [acrossTheExpressway, tuSon]);
    expect(near!.method).toBe('great_circle');
    expect(near!.seconds).toBeLessThan(300);
    expect(far!.method).toBe('road');
    expect(near!.seconds).toBeLessThan(far!.seconds);
  });

  it('when a point is off the network, then the estimate falls back to the great circle', async () => {
    const inTheFields: [number, number] = [106.6, 21.05];
    const [e] = await routing.estimateTo(bacNinh, [inTheFields]);
    expect(e!.method).toBe('great_circle');
    expect(e!.meters).toBeCloseTo(haversineMeters(bacNinh, inTheFields) * GREAT_CIRCLE_DETOUR, 0);
    expect(OFF_GRAPH_METERS).toBeLessThan(haversineMeters(inTheFields, [106.57, 21.37]));
  });

  it('when a route is asked for, then it starts at the unit, ends at the scene and matches its estimate', async () => {
    const r = await routing.route(tuSon, bacNinh);
    expect(r.path[0]).toEqual(tuSon);
    expect(r.path[r.path.length - 1]).toEqual(bacNinh);
    const [e] = await routing.estimateTo(bacNinh, [tuSon]);
    expect(r.seconds).toBeCloseTo(e!.seconds, 6);
  });

  it('when roads are densified, then junctions stay shared and no piece is longer than the step', () => {
    const dense = densify(world.roads, 200);
    for (const road of dense)
      for (let i = 1; i < road.coords.length; i++)
        expect(haversineMeters(road.coords[i - 1]!, road.coords[i]!)).toBeLessThanOrEqual(201);
    expect(dense[0]!.coords[0]).toEqual(world.roads[0]!.coords[0]);
  });
});
