import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPhotoStore, sniffPhoto } from './photo-store';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')]);

describe('photo store', () => {
  it('when bytes are sniffed, then the signature decides, not a name or a declared type', () => {
    expect(sniffPhoto(PNG)).toBe('image/png');
    expect(sniffPhoto(JPEG)).toBe('image/jpeg');
    expect(sniffPhoto(WEBP)).toBe('image/webp');
    expect(sniffPhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffPhoto(Buffer.from([0xff, 0xd8]))).toBeNull();
  });

  it('when a photo is saved, then it lands under the data directory by a generated name with its hash', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2-photos-'));
    try {
      const store = createPhotoStore(dir);
      const incident = '0b8f1f4e-6f5d-4d39-9a4e-0d8f3c2b1a00';
      const saved = await store.save(incident, 'image/png', PNG);
      expect(saved.path).toMatch(new RegExp(`^attachments/${incident}/[0-9a-f-]{36}\\.png$`));
      expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.read(saved.path)).toEqual(PNG);
      await expect(store.read('../../etc/passwd')).rejects.toThrow(/escapes/);
      await expect(store.save('../evil', 'image/png', PNG)).rejects.toThrow(/unexpected incident id/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
