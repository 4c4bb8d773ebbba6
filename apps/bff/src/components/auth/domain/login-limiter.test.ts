import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from './login-limiter';

describe('login limiter', () => {
  it('when a user fails maxFailures times, then login is refused until the window passes', () => {
    let t = 1_000_000;
    const limiter = createLoginLimiter({ maxFailures: 3, lockSeconds: 60, now: () => t });
    for (let i = 0; i < 3; i++) limiter.fail('operator', '1.2.3.4');
    expect(limiter.retryAfter('Operator', '1.2.3.4')).toBe(60);
    expect(limiter.retryAfter('operator', '5.6.7.8')).toBe(0);
    t += 61_000;
    expect(limiter.retryAfter('operator', '1.2.3.4')).toBe(0);
  });

  it("when a login succeeds, then that user's failures are forgotten", () => {
    const limiter = createLoginLimiter({ maxFailures: 2, lockSeconds: 60 });
    limiter.fail('leader', 'ip');
    limiter.succeed('leader', 'ip');
    limiter.fail('leader', 'ip');
    expect(limiter.retryAfter('leader', 'ip')).toBe(0);
  });

  it('when one address sprays many usernames, then the address is refused', () => {
    const limiter = createLoginLimiter({ maxFailures: 2, lockSeconds: 60 });
    for (let i = 0; i < 8; i++) limiter.fail(`user${i}`, 'ip');
    expect(limiter.retryAfter('someone-new', 'ip')).toBeGreaterThan(0);
  });
});
