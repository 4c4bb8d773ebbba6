import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const claimsSchema = z.object({
  a: z.string().min(1).max(64),
  u: z.string().min(1).max(64),
  e: z.number().int(),
});
export type AckClaims = { alertId: string; userId: string; expiresAt: number };

const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/**
 * The one-click acknowledge link carried by every message: it names the alert and the recipient and expires.
 * HMAC-signed with a key every instance shares (kept in the database), so any instance honours it.
 */
export function signAckToken(secret: string, claims: AckClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ a: claims.alertId, u: claims.userId, e: Math.floor(claims.expiresAt / 1000) }),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The claims of a token that is intact and not expired, else null (never throws on garbage). */
export function verifyAckToken(secret: string, token: string, now = Date.now()): AckClaims | null {
  if (token.length > 512) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const claims = claimsSchema.safeParse(json);
  if (!claims.success || claims.data.e * 1000 < now) return null;
  return { alertId: claims.data.a, userId: claims.data.u, expiresAt: claims.data.e * 1000 };
}
