import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSigningKey, rotateSigningKey } from './signing-keys';
import { signWith, verifyWith } from './signature';

let dir: string;
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe('signing keys', () => {
  it('when started twice on one data directory, then the same key is used; after a rotation a new one, the old kept', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2-keys-'));
    const [a, b] = await Promise.all([loadSigningKey({ dir }), loadSigningKey({ dir })]);
    expect(a.keyId).toBe(b.keyId);
    expect(a.keyId).toMatch(/^ed25519:[0-9a-f]{32}$/);
    const sig = signWith(a.privateKey, a.keyId, 'test/1', { n: 1 });
    const { retired, active } = await rotateSigningKey(dir);
    expect(retired).toBe(a.keyId);
    expect(active).not.toBe(a.keyId);
    expect((await loadSigningKey({ dir })).keyId).toBe(active);
    expect(await fs.readdir(path.join(dir, 'retired'))).toHaveLength(1);
    expect(verifyWith(a.publicKey, 'test/1', { n: 1 }, sig)).toBe(true);
    expect(verifyWith(a.publicKey, 'test/2', { n: 1 }, sig)).toBe(false);
    expect(verifyWith(a.publicKey, 'test/1', { n: 2 }, sig)).toBe(false);
  });

  it('when a key comes from the environment as base64 of its PEM, then it loads; a non-Ed25519 key is refused', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2-keys-'));
    const made = await loadSigningKey({ dir });
    const pem = await fs.readFile(path.join(dir, 'signing-key.pem'), 'utf8');
    expect(
      (await loadSigningKey({ dir: '/nonexistent', pem: Buffer.from(pem).toString('base64') })).keyId,
    ).toBe(made.keyId);
    const { generateKeyPairSync } = await import('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expect(loadSigningKey({ dir, pem: rsa })).rejects.toThrow(/Ed25519/);
  });
});
