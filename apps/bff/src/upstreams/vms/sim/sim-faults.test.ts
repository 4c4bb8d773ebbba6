import { describe, expect, it } from 'vitest';
import { simStatusAt } from './sim-faults';

const DAY = 24 * 3600_000;
const T0 = Date.UTC(2026, 10, 20);

describe('simulated camera faults', () => {
  it('when asked twice for the same seed, camera and time, then the answer is the same', () => {
    for (let i = 0; i < 50; i++) {
      const t = T0 + i * 37_000;
      expect(simStatusAt('s', `cam-${i}`, t)).toEqual(simStatusAt('s', `cam-${i}`, t));
    }
  });

  it('when a province is sampled over a day, then a few percent of cameras are down at a time, and faults end', () => {
    let down = 0;
    let samples = 0;
    const transitions = new Map<string, number>();
    for (let c = 0; c < 200; c++) {
      let prev = '';
      for (let t = T0; t < T0 + DAY; t += 60_000) {
        const s = simStatusAt('bac-ninh', `cam-${c}`, t);
        samples++;
        if (s.state !== 'online') down++;
        if (prev && s.state !== prev) transitions.set(`cam-${c}`, (transitions.get(`cam-${c}`) ?? 0) + 1);
        prev = s.state;
        expect(s.since).toBeLessThanOrEqual(t);
      }
    }
    const share = down / samples;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.12);
    expect(transitions.size).toBeGreaterThan(50); // faults come and go for many cameras, not a fixed few
  });

  it('when the seed differs, then the fault pattern differs', () => {
    const pattern = (seed: string) =>
      Array.from(
        { length: 300 },
        (_, i) => simStatusAt(seed, `cam-${i % 30}`, T0 + i * 600_000).state,
      ).join();
    expect(pattern('a')).not.toBe(pattern('b'));
  });
});
