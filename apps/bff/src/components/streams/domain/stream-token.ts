import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What a stream token says: this session (by its key, never its secret) may open this camera until `exp`. Handed to
 * the VMS in the HLS URL's query, checked by the BFF's authentication hook on every request MediaMTX makes for it.
 */
const claimsSchema = z.object({
  v: z.literal(1),
  /** Session key (SHA-256 of the session token). */
  sid: z.string().min(16).max(128),
  uid: z.string().min(1).max(128),
  cam: z.string().min(1).max(128),
  /** Expiry, Unix seconds. */
  exp: z.number().int().positive(),
});
export type StreamTokenClaims = z.infer<typeof claimsSchema>;

export interface StreamTokens {
  sign(claims: Omit<StreamTokenClaims, 'v' | 'exp'>, ttlSeconds: number): string;
  /** The token's claims when its signature holds (expiry is the caller's decision), else null. */
  verify(token: string): StreamTokenClaims | null;
}

/** HMAC-SHA256 tokens: `<base64url(claims)>.<base64url(mac)>`. Unset secret: a random one for this process. */
export function createStreamTokens(secret: string | undefined, now: () => number = Date.now): StreamTokens {
  const key = secret ? Buffer.from(secret) : randomBytes(32);
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(claims, ttlSeconds) {
      const full: StreamTokenClaims = { v: 1, ...claims, exp: Math.floor(now() / 1000) + ttlSeconds };
      const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(token) {
      if (token.length > 1024) return null;
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return null;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
