import type { KeyObject } from 'node:crypto';
import type { PublicKey, Signature, SignatureCheck } from '@c2/api-client/schemas/signature';
import type { Db } from '../db';
import type { SigningKey } from './signing-keys';
import { publicKeyFromPem, signWith, verifyWith } from './signature';

interface KeyRow {
  key_id: string;
  public_key_pem: string;
  created_at: Date;
}

/**
 * Signs records with the active key and verifies them with any key the center ever signed with. Public halves
 * live in the database (`signing_keys`), written when a key is first used: after a rotation — or on another BFF
 * instance — old signatures still verify, and a key id nobody knows never verifies.
 */
export function createSigner(db: Db, key: SigningKey) {
  const known = new Map<string, KeyObject>([[key.keyId, key.publicKey]]);

  async function lookup(keyId: string): Promise<KeyObject | null> {
    const hit = known.get(keyId);
    if (hit) return hit;
    const rows = await db.query<KeyRow>('SELECT * FROM signing_keys WHERE key_id = $1', [keyId]);
    if (!rows[0]) return null;
    const publicKey = publicKeyFromPem(rows[0].public_key_pem);
    known.set(keyId, publicKey);
    return publicKey;
  }

  return {
    keyId: key.keyId,

    /** Records the active key's public half so that everything it signs stays verifiable. */
    async start(): Promise<void> {
      await db.query(
        'INSERT INTO signing_keys (key_id, public_key_pem) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING',
        [key.keyId, key.publicKeyPem],
      );
    },

    sign(purpose: string, body: unknown, signedAt?: string): Signature {
      return signWith(key.privateKey, key.keyId, purpose, body, signedAt);
    },

    async verify(purpose: string, body: unknown, signature: Signature): Promise<boolean> {
      const publicKey = await lookup(signature.keyId);
      return publicKey !== null && verifyWith(publicKey, purpose, body, signature);
    },

    /** The console's verified / not verified for one stored record (null signature: stored before signing). */
    async check(purpose: string, body: unknown, signature: Signature | null): Promise<SignatureCheck> {
      if (!signature) return { status: 'unsigned', keyId: null, signedAt: null };
      const ok = await this.verify(purpose, body, signature);
      return {
        status: ok ? 'verified' : 'not_verified',
        keyId: signature.keyId,
        signedAt: signature.signedAt,
      };
    },

    async publicKeys(): Promise<PublicKey[]> {
      const rows = await db.query<KeyRow>('SELECT * FROM signing_keys ORDER BY created_at');
      return rows.map((r) => ({
        keyId: r.key_id,
        alg: 'Ed25519' as const,
        publicKeyPem: r.public_key_pem,
        createdAt: new Date(r.created_at).toISOString(),
        active: r.key_id === key.keyId,
      }));
    },

    async publicKeyPem(keyId: string): Promise<string | null> {
      const rows = await db.query<KeyRow>('SELECT * FROM signing_keys WHERE key_id = $1', [keyId]);
      return rows[0]?.public_key_pem ?? null;
    },
  };
}
export type Signer = ReturnType<typeof createSigner>;

/** A stored signature's columns, back into the contract's shape (null when the record was never signed). */
export function signatureOf(row: {
  sig_key_id: string | null;
  sig_signed_at: Date | string | null;
  sig_value: string | null;
}): Signature | null {
  if (!row.sig_key_id || !row.sig_signed_at || !row.sig_value) return null;
  return {
    alg: 'Ed25519',
    keyId: row.sig_key_id,
    signedAt: new Date(row.sig_signed_at).toISOString(),
    value: row.sig_value,
  };
}
