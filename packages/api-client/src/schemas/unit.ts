import { z } from 'zod';
import { isoTime } from './common';

/** CAD-like status of a field unit (tổ công tác). */
export const unitStatusSchema = z.enum([
  'available',
  'assigned',
  'en_route',
  'on_scene',
  'returning',
  'out_of_service',
]);
export type UnitStatus = z.infer<typeof unitStatusSchema>;

/** A GPS fix: heading in degrees from north, speed in km/h. */
export const unitPositionSchema = z.object({
  lng: z.number(),
  lat: z.number(),
  heading: z.number(),
  speedKmh: z.number(),
  ts: isoTime,
});
export type UnitPosition = z.infer<typeof unitPositionSchema>;

export const unitSchema = z.object({
  id: z.string(),
  callSign: z.string(),
  name: z.string(),
  vehicle: z.string(),
  members: z.array(z.string()),
  areaId: z.string(),
  status: unitStatusSchema,
  statusSince: isoTime,
  position: unitPositionSchema.nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

/** A compact position frame as pushed live: [unitId, lng, lat, heading, speedKmh]. */
export const unitPositionFrameSchema = z.tuple([z.string(), z.number(), z.number(), z.number(), z.number()]);
export type UnitPositionFrame = z.infer<typeof unitPositionFrameSchema>;
