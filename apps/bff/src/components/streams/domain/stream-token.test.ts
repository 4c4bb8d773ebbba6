import { describe, expect, it } from 'vitest';
import { createStreamTokens } from './stream-token';

const claims = { sid: 'session-key-0123456789abcdef', uid: 'u1', cam: 'cam-0001' };

describe('stream tokens', () => {
  it('when a token is signed, then it verifies with its claims and its expiry', () => {
    const tokens = createStreamTokens('x'.repeat(32), () => 1_700_000_000_000);
    const claimsBack = tokens.verify(tokens.sign(claims, 120));
    expect(claimsBack).toEqual({ v: 1, ...claims, exp: 1_700_000_120 });
  });

  it('when the claims or the signature are altered, then it does not verify', () => {
    const tokens = createStreamTokens('x'.repeat(32));
    const token = tokens.sign(claims, 120);
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), cam: 'cam-0002' }),
    ).toString('base64url');
    expect(tokens.verify(`${forged}.${mac}`)).toBeNull();
    expect(tokens.verify(`${payload}.${mac!.slice(0, -2)}AA`)).toBeNull();
    expect(tokens.verify(`${payload}`)).toBeNull();
    expect(tokens.verify('')).toBeNull();
  });

  it('when a token was signed with another secret, then it does not verify', () => {
    const a = createStreamTokens('a'.repeat(32));
    const b = createStreamTokens('b'.repeat(32));
    expect(b.verify(a.sign(claims, 120))).toBeNull();
  });
});
