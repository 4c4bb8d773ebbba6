import { describe, expect, it } from 'vitest';
import type { Camera, CameraState } from '@c2/api-client/schemas/camera';
import type { MapFilters } from '../stores/map-store';
import { CameraModel } from './camera-model';
import { STATE_RGBA } from './colours';

const none: MapFilters = { states: new Set(), kinds: new Set(), areas: new Set(), owners: new Set() };

function camera(i: number, state: CameraState = 'online'): Camera {
  return {
    id: `cam-${i}`,
    code: `C-${i}`,
    name: `Camera ${i}`,
    kind: i % 3 === 0 ? 'ptz' : 'fixed',
    location: { lng: 106 + (i % 10) * 0.001, lat: 21 + Math.floor(i / 10) * 0.001 },
    bearing: 0,
    roadId: null,
    roadName: null,
    areaId: i % 2 === 0 ? 'a-even' : 'a-odd',
    areaName: 'Area',
    owner: 'Owner',
    classification: 'public',
    streams: { main: { width: 1920, height: 1080 }, sub: { width: 640, height: 360 } },
    status: { cameraId: `cam-${i}`, state, since: '2026-01-01T00:00:00.000Z', reason: null },
  };
}

const withState = (c: Camera, state: CameraState): Camera => ({
  ...c,
  status: { ...c.status, state, since: '2026-01-01T00:01:00.000Z' },
});

describe('camera model', () => {
  it('when a list arrives, then every camera has its row: position, status colour and filter flag', () => {
    const m = new CameraModel();
    const list = Array.from({ length: 100 }, (_, i) => camera(i, i === 7 ? 'offline' : 'online'));
    expect(m.sync(list, none)).toBe(100);
    expect(m.length).toBe(100);
    expect([...m.positions.subarray(14, 16)]).toEqual([list[7]!.location.lng, list[7]!.location.lat]);
    expect([...m.colors.subarray(28, 32)]).toEqual(STATE_RGBA.offline);
    expect(m.visible.every((v) => v === 1)).toBe(true);
  });

  it('when one camera changes state, then only its row is written and the columns move version, not the layout', () => {
    const m = new CameraModel();
    const list = Array.from({ length: 50 }, (_, i) => camera(i));
    m.sync(list, none);
    const { layoutVersion, colorVersion } = m;
    const colorsBefore = m.colors;
    const next = list.map((c, i) => (i === 20 ? withState(c, 'degraded') : c));
    expect(m.sync(next, none)).toBe(1);
    expect(m.layoutVersion).toBe(layoutVersion);
    expect(m.colorVersion).toBe(colorVersion + 1);
    expect(m.colors).toBe(colorsBefore); // written in place
    expect([...m.colors.subarray(80, 84)]).toEqual(STATE_RGBA.degraded);
    expect([...m.colors.subarray(84, 88)]).toEqual(STATE_RGBA.online);
  });

  it('when the same list comes back refetched (new objects, same states), then nothing is counted as changed', () => {
    const m = new CameraModel();
    const list = Array.from({ length: 10 }, (_, i) => camera(i));
    m.sync(list, none);
    const version = m.colorVersion;
    expect(
      m.sync(
        list.map((c) => ({ ...c, status: { ...c.status } })),
        none,
      ),
    ).toBe(0);
    expect(m.colorVersion).toBe(version);
  });

  it('when filters are set, then only matching cameras stay visible, and a status change re-judges the camera', () => {
    const m = new CameraModel();
    const list = Array.from({ length: 20 }, (_, i) => camera(i));
    m.sync(list, none);
    const offlineOnly: MapFilters = { ...none, states: new Set(['offline']) };
    m.setFilters(offlineOnly);
    expect(m.visible.reduce((a, b) => a + b, 0)).toBe(0);
    m.sync(
      list.map((c, i) => (i === 3 ? withState(c, 'offline') : c)),
      offlineOnly,
    );
    expect(m.visible[3]).toBe(1);
    expect(m.visible.reduce((a, b) => a + b, 0)).toBe(1);
    m.setFilters({ ...none, areas: new Set(['a-even']), kinds: new Set(['ptz']) });
    const shown = [...m.visible].flatMap((v, i) => (v ? [i] : []));
    expect(shown).toEqual([0, 6, 12, 18]);
  });

  it('when zoomed out, then clusters count the visible cameras by state and follow status changes', () => {
    const m = new CameraModel();
    const list = Array.from({ length: 100 }, (_, i) => camera(i));
    m.sync(list, none);
    const total = (z: number) =>
      m
        .clustersAt(z)!
        .reduce((n, c) => [n[0]! + c.counts[0], n[1]! + c.counts[1], n[2]! + c.counts[2]], [0, 0, 0]);
    expect(total(8)).toEqual([100, 0, 0]);
    // At zoom 8 the 100 cameras (a ~1 km square) fall in one or two cells.
    expect(m.clustersAt(8)!.length).toBeLessThanOrEqual(4);
    m.sync(
      list.map((c, i) => (i < 3 ? withState(c, 'offline') : c)),
      none,
    );
    expect(total(8)).toEqual([97, 0, 3]);
    expect(total(12)).toEqual([97, 0, 3]);
    m.setFilters({ ...none, states: new Set(['offline']) });
    expect(total(8)).toEqual([0, 0, 3]);
    expect(m.clustersAt(13.5)).toBeNull();
  });
});
