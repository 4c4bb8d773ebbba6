import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Signature } from '@c2/api-client/schemas/signature';
import { canonicalJson } from './canonical-json';

/**
 * The bytes an Ed25519 signature covers: the canonical JSON (RFC 8785) of what was signed, what for, by which key
 * and when. Binding the purpose stops a signature made for one kind of record being replayed as another's.
 */
export function signedBytes(
  purpose: string,
  body: unknown,
  meta: { keyId: string; signedAt: string },
): Buffer {
  return Buffer.from(
    canonicalJson({ alg: 'Ed25519', body, keyId: meta.keyId, purpose, signedAt: meta.signedAt }),
    'utf8',
  );
}

export function signWith(
  privateKey: KeyObject,
  keyId: string,
  purpose: string,
  body: unknown,
  signedAt: string = new Date().toISOString(),
): Signature {
  const value = sign(null, signedBytes(purpose, body, { keyId, signedAt }), privateKey).toString('base64url');
  return { alg: 'Ed25519', keyId, signedAt, value };
}

/** True when `signature` is a valid Ed25519 signature by `publicKey` over `body` for `purpose`. */
export function verifyWith(
  publicKey: KeyObject,
  purpose: string,
  body: unknown,
  signature: Signature,
): boolean {
  try {
    return verify(
      null,
      signedBytes(purpose, body, signature),
      publicKey,
      Buffer.from(signature.value, 'base64url'),
    );
  } catch {
    // A body that cannot be canonicalized, or a malformed signature, does not verify.
    return false;
  }
}

/**
 * A key's id: `ed25519:` and the first 16 bytes of the SHA-256 of its raw public key, hex. Derived from the key
 * itself, so a package's verifier can check that the key it was given is the one the id names.
 */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'jwk' }).x;
  if (!raw) throw new Error('not an Ed25519 public key');
  return `ed25519:${createHash('sha256').update(Buffer.from(raw, 'base64url')).digest('hex').slice(0, 32)}`;
}

export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}
