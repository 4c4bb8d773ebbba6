import { z } from 'zod';
import { isoTime, lngLat } from './common';

/** fixed: fixed view; ptz: pan-tilt-zoom; speed: speed-enforcement camera with a radar/section reading. */
export const cameraKindSchema = z.enum(['fixed', 'ptz', 'speed']);
export type CameraKind = z.infer<typeof cameraKindSchema>;

/**
 * Data classification. Only `public` cameras may be shared with the city IOC; `secret` ones are visible only
 * to roles holding `camera:view-secret`.
 */
export const classificationSchema = z.enum(['public', 'restricted', 'secret']);
export type Classification = z.infer<typeof classificationSchema>;

/**
 * Live state as the VMS reports it: online (trực tuyến), offline (mất kết nối), degraded (poor image/bitrate), or
 * unknown (không rõ): the VMS itself has stopped answering, so the last state it gave is too old to trust.
 */
export const cameraStateSchema = z.enum(['online', 'offline', 'degraded', 'unknown']);
export type CameraState = z.infer<typeof cameraStateSchema>;

/** A camera's current status and since when it has held. */
export const cameraStatusSchema = z.object({
  cameraId: z.string(),
  state: cameraStateSchema,
  since: isoTime,
  reason: z.string().nullable(),
});
export type CameraStatus = z.infer<typeof cameraStatusSchema>;

export const streamVariantSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** A camera known to the VMS, with where it is, who owns it and its current status. */
export const cameraSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: cameraKindSchema,
  location: lngLat,
  /** Direction the camera faces, degrees clockwise from north. */
  bearing: z.number(),
  roadId: z.string().nullable(),
  roadName: z.string().nullable(),
  areaId: z.string(),
  areaName: z.string(),
  owner: z.string(),
  classification: classificationSchema,
  streams: z.object({ main: streamVariantSchema, sub: streamVariantSchema }),
  status: cameraStatusSchema,
});
export type Camera = z.infer<typeof cameraSchema>;

/** Counts of cameras per state within what the caller may see. */
export const cameraSummarySchema = z.object({
  total: z.number().int(),
  online: z.number().int(),
  offline: z.number().int(),
  degraded: z.number().int(),
  unknown: z.number().int(),
});
export type CameraSummary = z.infer<typeof cameraSummarySchema>;

/** A camera near a point, with its distance in metres (nearest first). */
export const nearestCameraSchema = cameraSchema.extend({ distanceM: z.number().nonnegative() });
export type NearestCamera = z.infer<typeof nearestCameraSchema>;

/** Query of `GET /api/cameras/nearest`: the point, how many (1–50, default 8), optionally within a radius. */
export interface NearestCamerasQuery {
  lng: number;
  lat: number;
  limit?: number;
  maxDistanceM?: number;
}
