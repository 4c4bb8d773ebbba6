import { describe, expect, it } from 'vitest';
import type { EscalationStep } from '@c2/api-client/schemas/alert';
import { decide, firstFiring, levelOf, nextEffectiveFiring, nextFiring, plan } from './escalation-timing';

const step = (
  waitSeconds: number,
  repeat = 0,
  condition: EscalationStep['condition'] = 'not_acknowledged',
): Pick<EscalationStep, 'waitSeconds' | 'repeat' | 'condition'> => ({ waitSeconds, repeat, condition });

const T0 = Date.parse('2026-05-01T08:00:00Z');
const at = (s: number) => T0 + s * 1000;

describe('escalation timing', () => {
  it('when a policy has repeats, then the step fires again after each wait before the next step', () => {
    const steps = [step(60, 2), step(120), step(300, 0, 'not_resolved')];
    expect(plan(steps, T0).map((f) => [f.step, f.repeat, (f.dueAt - T0) / 1000])).toEqual([
      [0, 0, 0],
      [0, 1, 60],
      [0, 2, 120],
      [1, 0, 180],
      [2, 0, 300],
    ]);
  });

  it('when the last step has fired, then the chain ends whatever its wait', () => {
    const steps = [step(10), step(20)];
    expect(nextFiring(steps, { step: 1, repeat: 0 }, at(10))).toBeNull();
    expect(nextFiring(steps, { step: 5, repeat: 0 }, at(10))).toBeNull();
  });

  it('when the first step is due, then it is due at once and is level 1', () => {
    expect(firstFiring(T0)).toEqual({ step: 0, repeat: 0, dueAt: T0 });
    expect(levelOf({ step: 0, repeat: 2 })).toBe(1);
    expect(levelOf({ step: 2, repeat: 0 })).toBe(3);
  });

  it('when someone acknowledges in the middle of a wait, then the unacknowledged steps are skipped and a not-resolved step keeps its time (60+60+120 s)', () => {
    const steps = [step(60, 1), step(120), step(300, 0, 'not_resolved'), step(60)];
    // Step 0 fired at 0; acknowledged at 30 s while waiting for its repeat at 60 s.
    const pending = nextFiring(steps, { step: 0, repeat: 0 }, T0)!;
    expect(pending).toEqual({ step: 0, repeat: 1, dueAt: at(60) });
    const acked = { acknowledged: true, closed: false };
    // The repeat (60 s) and step 1 (120 s) would only chase an acknowledgement: skipped, times kept.
    expect(nextEffectiveFiring(steps, pending, acked)).toEqual({ step: 2, repeat: 0, dueAt: at(240) });
    // After the not-resolved step fires, the remaining not-acknowledged step never notifies: nothing is left.
    expect(nextEffectiveFiring(steps, nextFiring(steps, { step: 2, repeat: 0 }, at(240)), acked)).toBeNull();
  });

  it('when nobody acknowledges, then every firing notifies; when the alert closes, the chain stops', () => {
    const steps = [step(30), step(30, 0, 'not_resolved')];
    const open = { acknowledged: false, closed: false };
    const first = nextEffectiveFiring(steps, firstFiring(T0), open);
    expect(first).toEqual({ step: 0, repeat: 0, dueAt: T0 });
    expect(nextEffectiveFiring(steps, nextFiring(steps, first!, first!.dueAt), open)).toEqual({
      step: 1,
      repeat: 0,
      dueAt: at(30),
    });
    expect(nextEffectiveFiring(steps, first, { acknowledged: true, closed: true })).toBeNull();
  });

  it('decides per condition: not-acknowledged steps skip once acknowledged, not-resolved steps notify until closed', () => {
    expect(decide({ condition: 'not_acknowledged' }, { acknowledged: false, closed: false })).toBe('notify');
    expect(decide({ condition: 'not_acknowledged' }, { acknowledged: true, closed: false })).toBe('skip');
    expect(decide({ condition: 'not_resolved' }, { acknowledged: true, closed: false })).toBe('notify');
    expect(decide({ condition: 'not_resolved' }, { acknowledged: true, closed: true })).toBe('stop');
  });

  it('when an acknowledgement comes after a repeat already fired, then the remaining repeats are skipped too', () => {
    const steps = [step(10, 3), step(10, 0, 'not_resolved')];
    const afterSecondRepeat = nextFiring(steps, { step: 0, repeat: 2 }, at(20))!;
    expect(afterSecondRepeat).toEqual({ step: 0, repeat: 3, dueAt: at(30) });
    expect(nextEffectiveFiring(steps, afterSecondRepeat, { acknowledged: true, closed: false })).toEqual({
      step: 1,
      repeat: 0,
      dueAt: at(40),
    });
  });
});
