import fs from 'node:fs';
import { z } from 'zod';
import {
  cameraKindSchema,
  classificationSchema,
  streamVariantSchema as sizeSchema,
} from '@c2/api-client/schemas/camera';
import { lngLat } from '@c2/api-client/schemas/common';

/**
 * The camera registry of a real deployment (VMS_CAMERAS_FILE): what MediaMTX cannot know about a path — where the
 * camera is, who owns it, its jurisdiction and classification. A path that is not registered is never shown: an
 * unclassified camera could be a secret one.
 */
export const registryCameraSchema = z.object({
  id: z.string().min(1).max(128),
  /** MediaMTX path of the main stream. */
  path: z.string().min(1).max(256),
  /** MediaMTX path of the sub stream; the main path when the camera has one stream. */
  subPath: z.string().min(1).max(256).optional(),
  code: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  kind: cameraKindSchema.default('fixed'),
  location: lngLat,
  bearing: z.number().min(0).max(360).default(0),
  roadId: z.string().nullable().default(null),
  roadName: z.string().nullable().default(null),
  areaId: z.string().min(1),
  areaName: z.string().min(1),
  owner: z.string().min(1),
  classification: classificationSchema,
  streams: z
    .object({ main: sizeSchema, sub: sizeSchema })
    .default({ main: { width: 1280, height: 720 }, sub: { width: 640, height: 360 } }),
});
export type RegistryCamera = z.infer<typeof registryCameraSchema>;

export const cameraRegistrySchema = z
  .object({ cameras: z.array(registryCameraSchema).max(100_000) })
  .refine((r) => new Set(r.cameras.map((c) => c.id)).size === r.cameras.length, {
    message: 'camera ids must be unique',
    path: ['cameras'],
  });

/** Reads and validates the registry (once, at start); a bad file stops the start with the fields that are wrong. */
export function loadCameraRegistry(file: string): RegistryCamera[] {
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const parsed = cameraRegistrySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`VMS_CAMERAS_FILE ${file} is not a valid camera registry: ${issues.join('; ')}`);
  }
  return parsed.data.cameras;
}
