import { layoutCameras, type SimCameraSpec } from './camera-layout';
import { ROADS, type Road } from './roads';
import { WARDS, type Ward } from './wards';
import { buildRoadGraph, type RoadGraph } from './road-graph';

/**
 * The simulated province that every `sim` adapter shares: the same cameras, roads and wards for the VMS, the AI
 * analytics, the violation service and the field units. Deterministic for (seed, camera count).
 */
export interface SimWorld {
  seed: string;
  cameras: readonly SimCameraSpec[];
  roads: readonly Road[];
  wards: readonly Ward[];
  graph(): RoadGraph;
}

export function createSimWorld(seed: string, cameraCount: number): SimWorld {
  let graph: RoadGraph | null = null;
  return {
    seed,
    cameras: layoutCameras(cameraCount, seed),
    roads: ROADS,
    wards: WARDS,
    graph: () => (graph ??= buildRoadGraph(ROADS)),
  };
}
