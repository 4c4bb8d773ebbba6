import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PHOTO_TYPES } from '@c2/api-client/schemas/incident';

export type PhotoType = (typeof PHOTO_TYPES)[number];
const EXTENSION: Record<PhotoType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** What the bytes are, by their signature (never by the declared type or a file name); null if none of ours. */
export function sniffPhoto(bytes: Uint8Array): PhotoType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (bytes.length >= 3 && starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 8 && starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (bytes.length >= 12 && starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  return null;
}

export interface StoredPhoto {
  id: string;
  /** Relative to the data directory. */
  path: string;
  contentType: PhotoType;
  bytes: number;
  sha256: string;
}

/**
 * Photos of incidents under `<dataDir>/attachments/<incident>/<generated id>.<ext>`: the uploader chooses nothing
 * of the path. The SHA-256 is kept with the record so a photo can later be shown to be the one uploaded.
 */
export function createPhotoStore(dataDir: string) {
  const root = path.resolve(dataDir);
  const inside = (relative: string) => {
    const full = path.resolve(root, relative);
    if (!full.startsWith(root + path.sep))
      throw new Error(`attachment path escapes the data directory: ${relative}`);
    return full;
  };
  return {
    async save(incidentId: string, type: PhotoType, data: Buffer): Promise<StoredPhoto> {
      if (!/^[0-9a-f-]{36}$/.test(incidentId)) throw new Error(`unexpected incident id ${incidentId}`);
      const id = randomUUID();
      const relative = path.join('attachments', incidentId, `${id}.${EXTENSION[type]}`);
      const full = inside(relative);
      await fs.mkdir(path.dirname(full), { recursive: true });
      await fs.writeFile(full, data, { flag: 'wx' });
      return {
        id,
        path: relative,
        contentType: type,
        bytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
      };
    },
    async read(relative: string): Promise<Buffer> {
      return fs.readFile(inside(relative));
    },
    async remove(relative: string): Promise<void> {
      await fs.rm(inside(relative), { force: true });
    },
  };
}
export type PhotoStore = ReturnType<typeof createPhotoStore>;
