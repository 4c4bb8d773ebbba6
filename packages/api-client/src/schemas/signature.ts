import { z } from 'zod';
import { isoTime } from './common';

/**
 * A detached Ed25519 signature over the RFC 8785 canonical JSON of
 * `{ alg, body, keyId, purpose, signedAt }`: what was signed (`body`), for what (`purpose`, e.g.
 * `c2.violation.review/1`), by which key and when. `value` is base64url.
 */
export const signatureSchema = z.object({
  alg: z.literal('Ed25519'),
  keyId: z.string().min(1).max(128),
  signedAt: isoTime,
  value: z.string().min(1).max(256),
});
export type Signature = z.infer<typeof signatureSchema>;

/**
 * Whether a record shown in the console still matches its signature, checked by the BFF when it answers:
 * `verified` (signature valid over the record as stored), `not_verified` (the record or signature was altered, or
 * the key is unknown), `unsigned` (stored before signing existed).
 */
export const signatureCheckSchema = z.object({
  status: z.enum(['verified', 'not_verified', 'unsigned']),
  keyId: z.string().nullable(),
  signedAt: isoTime.nullable(),
});
export type SignatureCheck = z.infer<typeof signatureCheckSchema>;

/** A public key the center signs (or signed) with; old keys stay listed after a rotation so old records verify. */
export const publicKeySchema = z.object({
  keyId: z.string(),
  alg: z.literal('Ed25519'),
  /** SPKI PEM. */
  publicKeyPem: z.string(),
  createdAt: isoTime,
  active: z.boolean(),
});
export type PublicKey = z.infer<typeof publicKeySchema>;

/** The answer to "does this record verify?" for one AI event. */
export const recordVerificationSchema = z.object({
  kind: z.enum(['event', 'violation', 'review']),
  id: z.string(),
  signature: signatureCheckSchema,
});
export type RecordVerification = z.infer<typeof recordVerificationSchema>;
