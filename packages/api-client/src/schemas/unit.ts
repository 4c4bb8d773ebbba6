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

/** A field unit: roster (members, vehicle, radio call sign), CAD status and where it is. */
export const unitSchema = z.object({
  id: z.string(),
  /** Radio call sign, e.g. CSGT-07. */
  callSign: z.string(),
  name: z.string(),
  vehicle: z.string(),
  members: z.array(z.string()),
  /** Home jurisdiction of the unit. */
  areaId: z.string(),
  status: unitStatusSchema,
  statusSince: isoTime,
  /** The incident the unit is working (assigned, en route, on scene), if any. */
  incidentId: z.string().nullable(),
  /**
   * Last sign of life from the crew: a status change, note, photo or check-in. A unit on scene longer than the
   * check-in interval without one is flagged on the dispatcher board.
   */
  lastUpdateAt: isoTime,
  position: unitPositionSchema.nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

/** A compact position frame as pushed live: [unitId, lng, lat, heading, speedKmh]. */
export const unitPositionFrameSchema = z.tuple([z.string(), z.number(), z.number(), z.number(), z.number()]);
export type UnitPositionFrame = z.infer<typeof unitPositionFrameSchema>;
