import { z } from 'zod';
import type { AnalyticsEventInput, EventType, Severity } from '@c2/api-client/schemas/event';

/**
 * Frigate's `<topic_prefix>/events` message (https://docs.frigate.video/integrations/mqtt): `type` new / update /
 * end, with the tracked object `before` and `after` the change. Only the fields we use are checked; the rest pass.
 */
const trackedObject = z
  .object({
    id: z.string().min(1).max(100),
    camera: z.string().min(1).max(128),
    label: z.string().min(1).max(64),
    sub_label: z.union([z.string(), z.tuple([z.string(), z.number()]), z.null()]).optional(),
    top_score: z.number().min(0).max(1).nullish(),
    score: z.number().min(0).max(1).nullish(),
    start_time: z.number().positive(),
    end_time: z.number().positive().nullish(),
    frame_time: z.number().positive().nullish(),
    stationary: z.boolean().optional(),
    false_positive: z.boolean().optional(),
    current_zones: z.array(z.string()).max(50).optional(),
    entered_zones: z.array(z.string()).max(50).optional(),
    has_snapshot: z.boolean().optional(),
    recognized_license_plate: z.union([z.string(), z.tuple([z.string(), z.number()]), z.null()]).optional(),
  })
  .passthrough();

export const frigateEventSchema = z.object({
  type: z.enum(['new', 'update', 'end']),
  before: trackedObject.nullish(),
  after: trackedObject,
});
export type FrigateEvent = z.infer<typeof frigateEventSchema>;

const VEHICLES = new Set(['car', 'motorcycle', 'bus', 'truck', 'bicycle']);

/** Zone names are chosen by whoever configures Frigate; these words in a zone name give it a traffic meaning. */
function zoneMeans(zones: string[], ...words: string[]): boolean {
  return zones.some((z) => words.some((w) => z.toLowerCase().includes(w)));
}

function classify(o: FrigateEvent['after']): { type: EventType; severity: Severity } {
  const zones = [...(o.entered_zones ?? []), ...(o.current_zones ?? [])];
  if (o.label === 'fire' || o.label === 'smoke') return { type: 'fire_smoke', severity: 'critical' };
  if (o.label === 'person' && zoneMeans(zones, 'expressway', 'cao_toc', 'caotoc'))
    return { type: 'pedestrian_on_expressway', severity: 'major' };
  if (VEHICLES.has(o.label) && zoneMeans(zones, 'wrong_way', 'nguoc_chieu'))
    return { type: 'wrong_way', severity: 'major' };
  if (VEHICLES.has(o.label) && o.stationary && zoneMeans(zones, 'no_parking', 'cam_do'))
    return { type: 'illegal_parking', severity: 'minor' };
  if (VEHICLES.has(o.label) && o.stationary && zoneMeans(zones, 'lane', 'lan_duong', 'expressway', 'cao_toc'))
    return { type: 'stalled_vehicle', severity: 'major' };
  return { type: 'object', severity: 'info' };
}

/** A plate as Frigate's LPR reports it, normalized to the Vietnamese style "99A-123.45" when it has that shape. */
function plateOf(o: FrigateEvent['after']): string | null {
  const raw = Array.isArray(o.recognized_license_plate)
    ? o.recognized_license_plate[0]
    : o.recognized_license_plate;
  if (!raw) return null;
  const compact = raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const m = /^(\d{2}[A-Z]{1,2}\d?)(\d{3})(\d{2})$/.exec(compact);
  return (m ? `${m[1]}-${m[2]}.${m[3]}` : compact).slice(0, 20);
}

/**
 * Maps a Frigate event to our ingestion format. The event id is Frigate's tracked-object id, so the new / update /
 * end messages of one object become one event (later ones are absorbed as duplicates). Frigate camera names must
 * be the console's camera ids. Returns null for a message that carries nothing to record (a false positive).
 */
export function fromFrigate(message: FrigateEvent): AnalyticsEventInput | null {
  const o = message.after;
  if (o.false_positive) return null;
  const { type, severity } = classify(o);
  const confidence = o.top_score ?? o.score ?? 0;
  const subLabel = Array.isArray(o.sub_label) ? o.sub_label[0] : (o.sub_label ?? null);
  return {
    id: `frigate:${o.id}`,
    cameraId: o.camera,
    type,
    severity,
    ts: new Date(o.start_time * 1000).toISOString(),
    objects: [{ label: o.label, confidence }],
    plate: plateOf(o),
    snapshot: null,
    metadata: {
      source: 'frigate',
      frigateId: o.id,
      label: o.label,
      subLabel,
      zones: o.entered_zones ?? [],
      stationary: o.stationary ?? false,
    },
  };
}
