import { describe, expect, it } from 'vitest';
import { signAckToken, verifyAckToken } from './ack-links';

const secret = 'k'.repeat(32);
describe('acknowledge links', () => {
  it('when a token is intact and in time, then it names its alert and user; tampered or expired, it is refused', () => {
    const token = signAckToken(secret, { alertId: 'a1', userId: 'u1', expiresAt: Date.now() + 60_000 });
    expect(verifyAckToken(secret, token)).toMatchObject({ alertId: 'a1', userId: 'u1' });
    expect(verifyAckToken('x'.repeat(32), token)).toBeNull();
    const [p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ a: 'a2', u: 'u1', e: 9e9 })).toString('base64url');
    expect(verifyAckToken(secret, `${forged}.${s}`)).toBeNull();
    expect(verifyAckToken(secret, `${p}.${s}`, Date.now() + 120_000)).toBeNull();
    expect(verifyAckToken(secret, 'garbage')).toBeNull();
  });
});
