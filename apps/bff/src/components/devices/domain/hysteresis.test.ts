import { describe, expect, it } from 'vitest';
import { FRESH, step, type KindState, type Transition } from './hysteresis';

function run(
  samples: boolean[],
  raiseAfter = 2,
  clearAfter = 3,
): { transitions: Transition[]; last: KindState } {
  let s = FRESH;
  const transitions: Transition[] = [];
  for (const bad of samples) {
    const r = step(s, bad, raiseAfter, clearAfter);
    s = r.next;
    if (r.transition) transitions.push(r.transition);
  }
  return { transitions, last: s };
}

describe('fault hysteresis', () => {
  it('when one bad check comes alone, then nothing is raised', () => {
    expect(run([false, true, false, false]).transitions).toEqual([]);
  });

  it('when bad checks persist, then one episode opens, and it clears only after enough good checks', () => {
    const { transitions, last } = run([true, true, true, true, false, false, false]);
    expect(transitions).toEqual(['opened', 'cleared']);
    expect(last).toMatchObject({ open: false, episode: 1 });
  });

  it('when a camera flaps bad/good fifty times while a fault is open, then it stays one episode', () => {
    const flapping = Array.from({ length: 100 }, (_, i) => i % 2 === 0);
    const { transitions, last } = run([true, true, ...flapping]);
    expect(transitions).toEqual(['opened']);
    expect(last.episode).toBe(1);
  });

  it('when a fault clears and comes back, then the second episode has the next number', () => {
    const { transitions, last } = run([true, true, false, false, false, true, true]);
    expect(transitions).toEqual(['opened', 'cleared', 'opened']);
    expect(last.episode).toBe(2);
  });
});
