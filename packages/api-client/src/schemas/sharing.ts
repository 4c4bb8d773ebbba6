import { z } from 'zod';
import { isoTime, lngLat } from './common';
import { cameraStateSchema, cameraKindSchema, streamVariantSchema } from './camera';

/** What a partner key may read: public cameras (status, location, streams) and aggregated statistics. */
export const sharingScopeSchema = z.enum(['cameras', 'statistics']);
export type SharingScope = z.infer<typeof sharingScopeSchema>;

/** An API key of a partner center (the city IOC, Level-1), as administrators see it: never the secret. */
export const sharingKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  partner: z.string(),
  scopes: z.array(sharingScopeSchema),
  ratePerMinute: z.number().int().positive(),
  createdAt: isoTime,
  createdBy: z.string().nullable(),
  expiresAt: isoTime,
  revokedAt: isoTime.nullable(),
  lastUsedAt: isoTime.nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});
export type SharingKey = z.infer<typeof sharingKeySchema>;

const label = z
  .string()
  .trim()
  .min(1)
  .max(120)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters');

export const createSharingKeySchema = z.object({
  name: label,
  partner: label,
  scopes: z.array(sharingScopeSchema).min(1).max(2),
  /** Days until the key expires (at most a year: keys are rotated, not kept forever). */
  expiresInDays: z.number().int().min(1).max(366),
  ratePerMinute: z.number().int().min(1).max(6000).default(60),
});
export type CreateSharingKey = z.input<typeof createSharingKeySchema>;

/** The answer to creating a key: the only time the secret is ever shown. */
export const createdSharingKeySchema = z.object({ key: sharingKeySchema, secret: z.string() });
export type CreatedSharingKey = z.infer<typeof createdSharingKeySchema>;

/** A public camera as partners see it: no owner, no classification details beyond "public", no personal data. */
export const sharedCameraSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: cameraKindSchema,
  location: lngLat,
  roadName: z.string().nullable(),
  areaId: z.string(),
  areaName: z.string(),
  state: cameraStateSchema,
  since: isoTime,
  /** The stream variants the camera offers (the stream itself is opened through the VMS's signed URLs). */
  streams: z.object({ main: streamVariantSchema, sub: streamVariantSchema }),
});
export type SharedCamera = z.infer<typeof sharedCameraSchema>;

/** Aggregates over public cameras only: counts, never individual records. */
export const sharedStatisticsSchema = z.object({
  generatedAt: isoTime,
  cameras: z.object({
    total: z.number().int(),
    online: z.number().int(),
    offline: z.number().int(),
    degraded: z.number().int(),
    /** The VMS stopped answering: the last state is too old to report. */
    unknown: z.number().int(),
  }),
  byArea: z.array(
    z.object({
      areaId: z.string(),
      areaName: z.string(),
      cameras: z.number().int(),
      online: z.number().int(),
    }),
  ),
  /** AI events seen by public cameras over the last 24 hours, by type. */
  eventsLast24h: z.array(z.object({ type: z.string(), count: z.number().int() })),
});
export type SharedStatistics = z.infer<typeof sharedStatisticsSchema>;
