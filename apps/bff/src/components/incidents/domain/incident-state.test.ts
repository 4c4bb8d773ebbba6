import { describe, expect, it } from 'vitest';
import { derive, measuresOf, refuseAction } from './incident-state';

const at = (s: number) => new Date(Date.UTC(2026, 3, 12, 8, 0, s));

describe('incident state', () => {
  it('when units come and go, then the state follows the assignments', () => {
    const assigned = { active: true, onSceneAt: null, endReason: null };
    const onScene = { active: true, onSceneAt: at(300), endReason: null };
    expect(derive('acknowledged', [assigned])).toBe('dispatched');
    expect(derive('dispatched', [assigned, onScene])).toBe('on_scene');
    expect(derive('on_scene', [{ active: false, onSceneAt: at(300), endReason: 'completed' }])).toBe(
      'resolved',
    );
    expect(derive('dispatched', [{ active: false, onSceneAt: null, endReason: 'released' }])).toBe(
      'acknowledged',
    );
    expect(derive('open', [])).toBe('open');
    expect(derive('closed', [assigned])).toBe('closed');
    expect(derive('resolved', [assigned])).toBe('resolved');
  });

  it('when an action does not fit the state, then the refusal says why', () => {
    expect(refuseAction('acknowledge', 'open')).toBeNull();
    expect(refuseAction('acknowledge', 'dispatched')).toMatch(/already acknowledged/);
    expect(refuseAction('dispatch', 'closed')).toMatch(/closed/);
    expect(refuseAction('resolve', 'resolved')).toMatch(/resolved/);
    expect(refuseAction('close', 'resolved')).toBeNull();
  });

  it('when an accident is reached in 11 minutes, then the response is flagged; in 9 it is not', () => {
    const base = {
      detectedAt: at(0),
      acknowledgedAt: at(20),
      dispatchedAt: at(60),
      resolvedAt: null,
      closedAt: null,
      responseTargetSeconds: 600,
    };
    const late = measuresOf({ ...base, arrivedAt: new Date(at(0).getTime() + 660_000) }, at(0));
    expect(late).toMatchObject({
      acknowledgeSeconds: 20,
      dispatchSeconds: 60,
      arriveSeconds: 660,
      responseBreached: true,
    });
    const fast = measuresOf({ ...base, arrivedAt: new Date(at(0).getTime() + 540_000) }, at(0));
    expect(fast.responseBreached).toBe(false);
    // Nobody there yet: flagged once the target has passed, not before.
    expect(
      measuresOf({ ...base, arrivedAt: null }, new Date(at(0).getTime() + 599_000)).responseBreached,
    ).toBe(false);
    expect(
      measuresOf({ ...base, arrivedAt: null }, new Date(at(0).getTime() + 601_000)).responseBreached,
    ).toBe(true);
    // A false alarm closed before anyone went is not a response at all.
    expect(measuresOf({ ...base, arrivedAt: null, closedAt: at(90) }, at(0)).responseBreached).toBeNull();
    expect(
      measuresOf({ ...base, arrivedAt: null, responseTargetSeconds: null }, at(0)).responseBreached,
    ).toBeNull();
  });
});
