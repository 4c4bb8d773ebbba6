import { z } from 'zod';

/** An ISO-8601 timestamp with offset, as the BFF sends every time value. */
export const isoTime = z.iso.datetime({ offset: true });

/** A WGS84 position, longitude first as GeoJSON orders it. */
export const lngLat = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type LngLat = z.infer<typeof lngLat>;

/** Identifier of an administrative area (ward/commune, "phường/xã") used for jurisdiction. */
export const areaId = z.string().min(1).max(80);

/** The one error body the BFF answers with on every 4xx/5xx. */
export const apiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Which input fields were wrong, for 400s: path → message. */
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
