import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('when the right password is given, then it verifies', async () => {
    const hash = await hashPassword('BacNinh@2026');
    expect(await verifyPassword('BacNinh@2026', hash)).toBe(true);
  });

  it('when a wrong password or a tampered hash is given, then it does not verify', async () => {
    const hash = await hashPassword('BacNinh@2026');
    expect(await verifyPassword('bacninh@2026', hash)).toBe(false);
    // One character of the key changed (inside it: the last base64 character also carries ignored bits).
    const i = hash.length - 10;
    const tampered = hash.slice(0, i) + (hash[i] === 'A' ? 'B' : 'A') + hash.slice(i + 1);
    expect(await verifyPassword('BacNinh@2026', tampered)).toBe(false);
    expect(await verifyPassword('BacNinh@2026', 'plain-text')).toBe(false);
  });

  it('when the same password is hashed twice, then the hashes differ (salted)', async () => {
    expect(await hashPassword('x-y-z-123')).not.toBe(await hashPassword('x-y-z-123'));
  });
});
