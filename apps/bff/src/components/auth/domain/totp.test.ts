import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUrl, totpAt, verifyTotp } from './totp';

// RFC 6238 appendix B: the seed is the ASCII string "12345678901234567890" (SHA-1), 8-digit values.
const SEED = Buffer.from('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(VECTORS)('when the time is %i, then the RFC 6238 SHA-1 vector %s is produced', (t, expected) => {
    expect(hotp(SEED, BigInt(Math.floor(t / 30)), 8)).toBe(expected);
  });

  it('when the RFC 4226 HOTP vectors are computed, then they match (counter 0..3)', () => {
    expect([0n, 1n, 2n, 3n].map((c) => hotp(SEED, c))).toEqual(['755224', '287082', '359152', '969429']);
  });

  it('when a secret goes through base32 and back, then it is unchanged', () => {
    expect(base32Encode(SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').equals(SEED)).toBe(true);
    expect(base32Decode('gezd gnbv-gy3tqojqgezdgnbvgy3tqojq==').equals(SEED)).toBe(true);
  });

  it('when a code from the previous, current or next step is given, then its step is returned; others fail', () => {
    const secret = base32Encode(SEED);
    const now = 1_700_000_000;
    expect(verifyTotp(secret, totpAt(secret, now), now)).toBe(Math.floor(now / 30));
    expect(verifyTotp(secret, totpAt(secret, now - 30), now)).toBe(Math.floor(now / 30) - 1);
    expect(verifyTotp(secret, totpAt(secret, now + 30), now)).toBe(Math.floor(now / 30) + 1);
    expect(verifyTotp(secret, totpAt(secret, now - 90), now)).toBeNull();
    expect(verifyTotp(secret, '12345', now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('when an otpauth URI is made, then it names issuer, account and parameters', () => {
    const url = new URL(otpauthUrl('C2 Bắc Ninh', 'admin', 'ABC'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/C2 Bắc Ninh:admin');
    expect(url.searchParams.get('secret')).toBe('ABC');
    expect(url.searchParams.get('digits')).toBe('6');
  });
});
