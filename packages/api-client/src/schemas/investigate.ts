import { z } from 'zod';
import { isoTime } from './common';
import { eventTypeSchema } from './event';
import { signatureCheckSchema } from './signature';
import { violationStatusSchema } from './violation';

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

/**
 * The investigator's search over AI events and violations. `plate` is compared separator-, case- and
 * diacritics-insensitively; `fuzzy` also finds plates one misread character away (and look-alike characters).
 * A time range is required so a search never scans all history by accident (at most 31 days).
 */
export const searchQuerySchema = z
  .object({
    plate: z.string().trim().max(20).optional(),
    fuzzy: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    cameraIds: csv(z.string().max(128)).optional(),
    areaId: z.string().max(80).optional(),
    types: csv(eventTypeSchema).optional(),
    from: isoTime,
    to: isoTime,
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'must be after from' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 86400_000, {
    path: ['to'],
    message: 'the range may span at most 31 days',
  })
  .refine((q) => !q.plate || q.plate.replace(/[^0-9a-zA-Z]/g, '').length >= 3, {
    path: ['plate'],
    message: 'at least 3 letters or digits',
  });
/** What a client sends (the query string carries booleans and lists as text). */
export interface SearchQuery {
  plate?: string;
  fuzzy?: boolean;
  cameraIds?: readonly string[];
  areaId?: string;
  types?: readonly z.infer<typeof eventTypeSchema>[];
  from: string;
  to: string;
  limit?: number;
}

/** One sighting: an AI event (with its violation, if one was raised from it) at a camera. */
export const sightingSchema = z.object({
  eventId: z.string(),
  violationId: z.string().nullable(),
  violationStatus: violationStatusSchema.nullable(),
  cameraId: z.string(),
  cameraName: z.string(),
  areaId: z.string(),
  lng: z.number(),
  lat: z.number(),
  ts: isoTime,
  type: eventTypeSchema,
  plate: z.string().nullable(),
  /** How the plate matched the query: exactly (after normalization) or fuzzily (distance ≥ 1). */
  plateMatch: z.enum(['exact', 'fuzzy']).nullable(),
  plateDistance: z.number().int().nullable(),
  signature: signatureCheckSchema,
  bookmarked: z.boolean(),
});
export type Sighting = z.infer<typeof sightingSchema>;

export const searchResultSchema = z.object({
  items: z.array(sightingSchema),
  /** Distinct plates found, closest first, with how many sightings each. */
  plates: z.array(z.object({ plate: z.string(), distance: z.number().int(), count: z.number().int() })),
  truncated: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const bookmarkSchema = z.object({
  eventId: z.string(),
  note: z.string().nullable(),
  createdAt: isoTime,
});
export type Bookmark = z.infer<typeof bookmarkSchema>;
export const bookmarkRequestSchema = z.object({ note: z.string().trim().max(1000).nullable().default(null) });

export const caseStatusSchema = z.enum(['open', 'closed']);

/** A case file (hồ sơ vụ việc): events, violations and clips grouped for one investigation. */
export const caseSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  status: caseStatusSchema,
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  itemCount: z.number().int(),
});
export type CaseFile = z.infer<typeof caseSchema>;

export const caseItemKindSchema = z.enum(['event', 'violation', 'clip']);

export const caseItemSchema = z.object({
  id: z.string(),
  kind: caseItemKindSchema,
  refId: z.string().nullable(),
  cameraId: z.string(),
  cameraName: z.string(),
  /** When it happened (the event's time, or a clip's start). */
  ts: isoTime,
  /** A clip's end. */
  until: isoTime.nullable(),
  type: eventTypeSchema.nullable(),
  plate: z.string().nullable(),
  note: z.string().nullable(),
  addedByName: z.string(),
  addedAt: isoTime,
});
export type CaseItem = z.infer<typeof caseItemSchema>;

export const caseNoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  authorName: z.string(),
  at: isoTime,
});
export type CaseNote = z.infer<typeof caseNoteSchema>;

export const caseDetailSchema = caseSchema.extend({
  items: z.array(caseItemSchema),
  notes: z.array(caseNoteSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseCreateSchema = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(4000).default(''),
});
export const caseUpdateSchema = z.object({
  title: z.string().trim().min(3).max(200).optional(),
  description: z.string().trim().max(4000).optional(),
  status: caseStatusSchema.optional(),
});

/** Adds an event, a violation or a recorded clip (camera + time range, at most one hour) to a case. */
export const caseItemCreateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    refId: z.string().min(1).max(128),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({
    kind: z.literal('violation'),
    refId: z.string().min(1).max(128),
    note: z.string().trim().max(1000).optional(),
  }),
  z
    .object({
      kind: z.literal('clip'),
      cameraId: z.string().min(1).max(128),
      from: isoTime,
      to: isoTime,
      note: z.string().trim().max(1000).optional(),
    })
    .refine((c) => Date.parse(c.to) > Date.parse(c.from), { path: ['to'], message: 'must be after from' })
    .refine((c) => Date.parse(c.to) - Date.parse(c.from) <= 3600_000, {
      path: ['to'],
      message: 'a clip spans at most one hour',
    }),
]);
export type CaseItemCreate = z.input<typeof caseItemCreateSchema>;
export const caseNoteCreateSchema = z.object({ text: z.string().trim().min(1).max(4000) });

/**
 * Recorded video of a camera between two times, from the built-in HLS origin (recorded segments by time).
 * Clips around an event start 30 s before it and end 30 s after.
 */
export function recordedClipUrl(cameraId: string, from: string, to: string): string {
  const q = new URLSearchParams({ from, to });
  return `/api/streams/${encodeURIComponent(cameraId)}/recorded.m3u8?${q.toString()}`;
}
export const CLIP_PADDING_MS = 30_000;
