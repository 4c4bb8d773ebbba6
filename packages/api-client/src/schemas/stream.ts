import { z } from 'zod';
import { isoTime } from './common';

/** The two encodings every camera offers: `main` (≈1280×720) for large tiles, `sub` (≈640×360) for small ones. */
export const streamVariantNameSchema = z.enum(['main', 'sub']);
export type StreamVariant = z.infer<typeof streamVariantNameSchema>;
export const STREAM_VARIANTS = streamVariantNameSchema.options;

/**
 * What the BFF says about a camera's video: the HLS URLs to play (live per variant), the poster (last snapshot)
 * and whether recorded video can be asked for. URLs are same-origin paths; the BFF checks the session on every
 * one of them, and in production redirects live playlists to the VMS with a short-lived signed token.
 */
export const streamInfoSchema = z.object({
  cameraId: z.string(),
  live: z.object({ main: z.string(), sub: z.string() }),
  poster: z.string(),
  /** Whether `recorded.m3u8` answers for this camera (the built-in origin keeps its clips; MediaMTX: not yet). */
  recorded: z.boolean(),
  /** Where the video comes from: the BFF's built-in origin (embedded mode) or the VMS (MediaMTX). */
  source: z.enum(['origin', 'vms']),
});
export type StreamInfo = z.infer<typeof streamInfoSchema>;

/** Longest recorded range one playlist covers (6 hours of 1-second segments = 21,600 entries). */
export const MAX_RECORDED_SECONDS = 6 * 3600;

/** Query of a recorded (VOD) playlist: a wall-clock range of at most `MAX_RECORDED_SECONDS`. */
export const recordedQuerySchema = z
  .object({
    from: isoTime,
    to: isoTime,
    variant: streamVariantNameSchema.default('main'),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_RECORDED_SECONDS * 1000, {
    message: 'range is longer than 6 hours',
    path: ['to'],
  });
export type RecordedQuery = z.input<typeof recordedQuerySchema>;

const seg = (id: string) => encodeURIComponent(id);
const iso = (t: Date | string) => (typeof t === 'string' ? t : t.toISOString());

/**
 * The stream URL scheme, so any feature can build a camera's URLs without asking first. Every URL is guarded by
 * the session (and `stream:open` plus the camera's classification and jurisdiction): a forbidden camera answers
 * 403, an offline one's live playlist 404 (as a real VMS does).
 */
export const streamUrls = {
  /** GET → StreamInfo. */
  info: (cameraId: string) => `/api/streams/${seg(cameraId)}`,
  /** Live HLS media playlist (sliding window, `EXT-X-PROGRAM-DATE-TIME` at wall-clock time). */
  live: (cameraId: string, variant: StreamVariant) => `/api/streams/${seg(cameraId)}/${variant}/index.m3u8`,
  /** JPEG: the camera's last snapshot (shown before the first frame and on offline tiles). */
  poster: (cameraId: string) => `/api/streams/${seg(cameraId)}/poster.jpg`,
  /** VOD HLS playlist of what the camera recorded between two instants (wall-clock aligned segments). */
  recorded: (cameraId: string, from: Date | string, to: Date | string, variant: StreamVariant = 'main') =>
    `/api/streams/${seg(cameraId)}/recorded.m3u8?from=${encodeURIComponent(iso(from))}&to=${encodeURIComponent(iso(to))}&variant=${variant}`,
} as const;

/**
 * The body MediaMTX posts to its external HTTP authentication hook (`authMethod: http`), as its documentation
 * specifies. Empty strings are normal (clients send credentials only when asked).
 */
export const mediamtxAuthRequestSchema = z.object({
  user: z.string().max(512).default(''),
  password: z.string().max(4096).default(''),
  token: z.string().max(4096).default(''),
  ip: z.string().max(64).default(''),
  action: z.enum(['publish', 'read', 'playback', 'api', 'metrics', 'pprof']),
  path: z.string().max(512).default(''),
  protocol: z.string().max(16).default(''),
  id: z.string().max(128).nullable().default(null),
  query: z.string().max(8192).default(''),
});
export type MediamtxAuthRequest = z.infer<typeof mediamtxAuthRequestSchema>;
