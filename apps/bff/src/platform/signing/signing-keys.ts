import fs from 'node:fs/promises';
import path from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { keyIdOf } from './signature';

/** The center's active signing key. */
export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
}

export interface SigningKeySource {
  /** PKCS#8 PEM of an Ed25519 private key, or that PEM base64-encoded (production: from a secret store). */
  pem?: string | undefined;
  /** A file holding the PEM (production: a mounted secret). */
  file?: string | undefined;
  /** Embedded mode: where the key is generated on first start and kept (DATA_DIR/keys). */
  dir: string;
}

export const ACTIVE_KEY_FILE = 'signing-key.pem';
export const RETIRED_DIR = 'retired';

function fromPem(pem: string): SigningKey {
  const text = pem.includes('-----BEGIN') ? pem : Buffer.from(pem, 'base64').toString('utf8');
  const privateKey = createPrivateKey(text);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function generatePem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * Loads the signing key: from the PEM given (env), else from the file given, else from the data directory,
 * creating it there on first start (embedded mode). Created with `wx` so two processes starting at once on one
 * data directory end up with one key, not two.
 */
export async function loadSigningKey(source: SigningKeySource): Promise<SigningKey> {
  if (source.pem) return fromPem(source.pem);
  if (source.file) return fromPem(await fs.readFile(source.file, 'utf8'));
  const file = path.join(source.dir, ACTIVE_KEY_FILE);
  await fs.mkdir(source.dir, { recursive: true, mode: 0o700 });
  try {
    await fs.writeFile(file, generatePem(), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return fromPem(await fs.readFile(file, 'utf8'));
}

/**
 * Embedded-mode rotation: the active key moves to `retired/<key id>.pem` and a new one takes its place. Records
 * signed with the old key keep verifying, because every key's public half is kept in the database
 * (`signing_keys`) from the first time it signed.
 */
export async function rotateSigningKey(dir: string): Promise<{ retired: string | null; active: string }> {
  const file = path.join(dir, ACTIVE_KEY_FILE);
  let retired: string | null = null;
  try {
    const old = fromPem(await fs.readFile(file, 'utf8'));
    await fs.mkdir(path.join(dir, RETIRED_DIR), { recursive: true, mode: 0o700 });
    await fs.rename(file, path.join(dir, RETIRED_DIR, `${old.keyId.replace(':', '-')}.pem`));
    retired = old.keyId;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const next = await loadSigningKey({ dir });
  return { retired, active: next.keyId };
}
