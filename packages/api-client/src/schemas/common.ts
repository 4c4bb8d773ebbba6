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

/**
 * What was wrong with one input field, in words a client can translate: `required`, `too_small`, `too_big`,
 * `invalid_type`, `invalid_value` (not one of the allowed values), `invalid_format`, `unrecognized` (a key the
 * endpoint does not take) or `invalid`. `origin` and `limit` qualify the size codes: a text's length, a list's
 * items, a number's value.
 */
export const fieldIssue = z.object({
  code: z.string(),
  origin: z.string().optional(),
  limit: z.number().optional(),
});
export type FieldIssue = z.infer<typeof fieldIssue>;

/** The one error body the BFF answers with on every 4xx/5xx. */
export const apiErrorBody = z.object({
  error: z.object({
    /** What went wrong, for a client to translate (`bad_request`, `not_found`, `conflict`…); `message` is English. */
    code: z.string(),
    message: z.string(),
    /** Which input fields were wrong, for 400s: path → message (English). */
    fields: z.record(z.string(), z.string()).optional(),
    /** The same fields' problems as codes (path → issue), for a translated form. */
    issues: z.record(z.string(), fieldIssue).optional(),
    requestId: z.string().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
