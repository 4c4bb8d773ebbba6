import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226) with node:crypto: HMAC-SHA1, 6 digits, 30-second steps — what every
 * authenticator app (Google/Microsoft Authenticator, FreeOTP, Aegis) expects from an `otpauth://` QR code.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, without padding (authenticator apps accept either). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) throw new Error('not base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret (RFC 4226 recommends at least 128 bits; 160 matches SHA-1's block use). */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export type HashAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** HOTP value of one counter (RFC 4226 section 5.3, dynamic truncation). */
export function hotp(
  key: Buffer,
  counter: bigint,
  digits = TOTP_DIGITS,
  algorithm: HashAlgorithm = 'sha1',
): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function stepAt(unixSeconds: number, period = TOTP_PERIOD_SECONDS): number {
  return Math.floor(unixSeconds / period);
}

/** The code an authenticator shows at a time. */
export function totpAt(secretBase32: string, unixSeconds: number): string {
  return hotp(base32Decode(secretBase32), BigInt(stepAt(unixSeconds)));
}

/**
 * Checks a code against the steps around now (±`window`, for clocks a little apart) and returns the matching
 * step, or null. The caller refuses a step at or below the last one accepted, so a code works once.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  unixSeconds: number,
  window = 1,
): number | null {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const key = base32Decode(secretBase32);
  const now = stepAt(unixSeconds);
  let found: number | null = null;
  // Every step is compared (no early exit), in constant time, so timing tells nothing about which one matched.
  for (let step = now - window; step <= now + window; step++) {
    const expected = Buffer.from(hotp(key, BigInt(step)));
    if (timingSafeEqual(expected, Buffer.from(digits)) && found === null) found = step;
  }
  return found;
}

/** The `otpauth://` URI that authenticator apps read from the QR code (Key Uri Format). */
export function otpauthUrl(issuer: string, account: string, secretBase32: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
