import { z } from 'zod';
import { isoTime } from './common';

export const violationTypeSchema = z.enum([
  'red_light',
  'speeding',
  'wrong_way',
  'no_helmet',
  'lane_violation',
  'illegal_parking',
]);
export type ViolationType = z.infer<typeof violationTypeSchema>;

/** detect → verify → process: a violation stays `pending` until a person decides. */
export const violationStatusSchema = z.enum(['pending', 'verified', 'rejected']);

/**
 * Vietnamese plates: 2-digit province code, series of 1–2 letters with an optional digit, then 4–5 digits
 * written `123.45` for five (e.g. `99A-123.45`, `98H1-234.56`, `29LD-1234`).
 */
export const VN_PLATE_PATTERN = /^\d{2}[A-Z]{1,2}\d?-\d{3}\.?\d{1,2}$/;
export const plateSchema = z.string().regex(VN_PLATE_PATTERN, 'not a Vietnamese plate such as 99A-123.45');

export const violationSchema = z.object({
  id: z.string(),
  eventId: z.string().nullable(),
  cameraId: z.string(),
  areaId: z.string(),
  type: violationTypeSchema,
  plate: plateSchema,
  plateConfidence: z.number().min(0).max(1),
  ts: isoTime,
  speedKmh: z.number().nullable(),
  limitKmh: z.number().nullable(),
  evidence: z.object({
    images: z.array(z.string()),
    clip: z.string().nullable(),
    plateCrop: z.string().nullable(),
  }),
  status: violationStatusSchema,
});
export type Violation = z.infer<typeof violationSchema>;
