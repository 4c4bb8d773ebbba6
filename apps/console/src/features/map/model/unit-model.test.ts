import { describe, expect, it } from 'vitest';
import type { Unit } from '@c2/api-client/schemas/unit';
import { UnitModel } from './unit-model';
import { UNIT_RGBA } from './colours';

const unit = (id: string, status: Unit['status'] = 'available'): Unit => ({
  id,
  callSign: id.toUpperCase(),
  name: id,
  vehicle: 'car',
  members: [],
  areaId: 'a',
  incidentId: null,
  lastUpdateAt: '2026-11-22T00:00:00.000Z',
  status,
  statusSince: '2026-01-01T00:00:00.000Z',
  position: { lng: 106, lat: 21, heading: 90, speedKmh: 40, ts: '2026-01-01T00:00:00.000Z' },
});

describe('unit model', () => {
  it('when a fix arrives, then the unit glides from where it is drawn to the fix over the gap between fixes', () => {
    const m = new UnitModel();
    m.sync([unit('u1'), unit('u2')]);
    expect(m.positionOf(0)).toEqual([106, 21]);
    m.applyFrames([['u1', 106.01, 21, 90, 40]], 0);
    expect(m.step(500)).toBe(true);
    expect(m.positionOf(0)[0]).toBeCloseTo(106.005, 6);
    expect(m.positionOf(1)).toEqual([106, 21]);
    expect(m.step(1000)).toBe(false);
    expect(m.positionOf(0)[0]).toBeCloseTo(106.01, 6);
    // The next fix 2 s later glides for 2 s.
    m.applyFrames([['u1', 106.02, 21, 90, 40]], 2000);
    m.step(3000);
    expect(m.positionOf(0)[0]).toBeCloseTo(106.015, 6);
  });

  it('when the heading wraps past north, then the unit turns the short way', () => {
    const m = new UnitModel();
    m.sync([{ ...unit('u1'), position: { ...unit('u1').position!, heading: 350 } }]);
    m.applyFrames([['u1', 106, 21.001, 10, 40]], 0);
    m.step(100);
    const heading = -m.angles[0]!;
    expect(heading > 350 || heading < 10).toBe(true);
  });

  it('when a unit changes CAD status, then only colours move, and positions are kept across a new roster', () => {
    const m = new UnitModel();
    m.sync([unit('u1'), unit('u2')]);
    const layout = m.layoutVersion;
    m.sync([unit('u1', 'en_route'), unit('u2')]);
    expect(m.layoutVersion).toBe(layout);
    expect([...m.colors.subarray(0, 4)]).toEqual(UNIT_RGBA.en_route);
    m.applyFrames([['u2', 106.5, 21.5, 0, 0]], 0);
    m.step(5000);
    m.sync([unit('u2'), unit('u3')]);
    expect(m.positionOf(0)).toEqual([106.5, 21.5]);
    expect(m.positionOf(1)).toEqual([106, 21]);
  });

  it('when frames name units this console does not know, then they are ignored', () => {
    const m = new UnitModel();
    m.sync([unit('u1')]);
    m.applyFrames([['elsewhere', 1, 1, 0, 0]], 0);
    expect(m.positionOf(0)).toEqual([106, 21]);
  });
});
