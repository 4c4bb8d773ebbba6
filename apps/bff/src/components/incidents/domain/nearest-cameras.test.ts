import { describe, expect, it } from 'vitest';
import type { Camera } from '@c2/api-client/schemas/camera';
import { metersBetween, nearestCameras } from './nearest-cameras';

function camera(id: string, lng: number, lat: number, state: Camera['status']['state'] = 'online'): Camera {
  return {
    id,
    code: id,
    name: id,
    kind: 'fixed',
    location: { lng, lat },
    bearing: 0,
    roadId: null,
    roadName: null,
    areaId: 'a',
    areaName: 'A',
    owner: 'PC08',
    classification: 'public',
    streams: { main: { width: 1920, height: 1080 }, sub: { width: 640, height: 360 } },
    status: { cameraId: id, state, since: '2026-04-12T08:00:00.000Z', reason: null },
  };
}

describe('nearest cameras', () => {
  const scene = { lng: 106.07, lat: 21.18 };
  // ~111 m per 0.001° of latitude.
  const cams = [
    camera('far', 106.07, 21.2),
    camera('near', 106.07, 21.1803),
    camera('mid', 106.07, 21.182),
    camera('dead-near', 106.07, 21.1802, 'offline'),
    camera('out-of-range', 106.2, 21.3),
  ];

  it('when asked for the nearest, then they come nearest first within range, with distances', () => {
    const got = nearestCameras(cams, scene, 10);
    expect(got.map((c) => c.camera.id)).toEqual(['near', 'dead-near', 'mid', 'far']);
    expect(got[0]!.distanceMeters).toBeGreaterThan(25);
    expect(got[0]!.distanceMeters).toBeLessThan(40);
    expect(nearestCameras(cams, scene, 2)).toHaveLength(2);
  });

  it('when a live camera is within the same 100 m as an offline one, then the live one comes first', () => {
    expect(nearestCameras(cams, scene, 2).map((c) => c.camera.id)).toEqual(['near', 'dead-near']);
    const offlineCloser = [camera('live', 106.07, 21.1808), camera('dead', 106.07, 21.1801, 'offline')];
    expect(nearestCameras(offlineCloser, scene, 2).map((c) => c.camera.id)).toEqual(['live', 'dead']);
  });

  it('when measuring, then a degree of latitude is about 111 km', () => {
    expect(metersBetween({ lng: 106, lat: 21 }, { lng: 106, lat: 22 })).toBeCloseTo(111_195, -2);
  });
});
