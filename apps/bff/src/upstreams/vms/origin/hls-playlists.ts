/**
 * Playlists of the built-in origin, as pure functions of time. A camera's live stream is its scene's clip looped
 * forever at its own phase: media segment `k` is the second of wall-clock time [k, k+1) since the epoch, it shows
 * clip segment `(k + offset) mod n`, and each loop starts a new discontinuity (the clip's timestamps restart).
 * Nothing is encoded per viewer; any number of viewers read the same bytes.
 */
export interface Timeline {
  /** Segments (seconds) in the clip. */
  clipSegments: number;
  /** The camera's phase in the loop, in segments, so neighbouring cameras do not show the same frame. */
  offset: number;
}

/** Segments in a live playlist: 6 s, enough for a player 1–3 s behind the live edge to never starve. */
export const LIVE_WINDOW_SEGMENTS = 6;
/** Seconds of each segment (the clips are encoded with a keyframe every second). */
export const SEGMENT_SECONDS = 1;

export function clipIndexOf(k: number, t: Timeline): number {
  const n = t.clipSegments;
  return (((k + t.offset) % n) + n) % n;
}

/** Loops completed before segment k: its discontinuity sequence number. */
export function loopOf(k: number, t: Timeline): number {
  return Math.floor((k + t.offset) / t.clipSegments);
}

/** The newest segment that has fully elapsed at `nowMs` (a live origin only lists what it has received). */
export function lastCompleteSegment(nowMs: number): number {
  return Math.floor(nowMs / 1000) - 1;
}

const pdt = (k: number) => `#EXT-X-PROGRAM-DATE-TIME:${new Date(k * 1000).toISOString()}`;
const extinf = `#EXTINF:${SEGMENT_SECONDS.toFixed(3)},`;

/** The first segment of a stream opened at `openedMs`: it starts with a full window, as if it had been running. */
export function streamEpoch(openedMs: number, window = LIVE_WINDOW_SEGMENTS): number {
  return lastCompleteSegment(openedMs) - window + 1;
}

/**
 * The live sliding-window media playlist at `nowMs` of a stream whose first segment is `epoch`. Media and
 * discontinuity sequence numbers count from the stream's opening, as at a real origin (and because players keep
 * per-discontinuity state in arrays indexed by that number: a count since 1970 would cost them seconds per reload).
 */
export function livePlaylist(opts: {
  nowMs: number;
  timeline: Timeline;
  uri: (k: number) => string;
  epoch: number;
  window?: number;
}): string {
  const last = lastCompleteSegment(opts.nowMs);
  const first = Math.max(opts.epoch, last - (opts.window ?? LIVE_WINDOW_SEGMENTS) + 1);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MEDIA-SEQUENCE:${first - opts.epoch}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${loopOf(first, opts.timeline) - loopOf(opts.epoch, opts.timeline)}`,
  ];
  for (let k = first; k <= last; k++) {
    if (k > first && clipIndexOf(k, opts.timeline) === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(pdt(k), extinf, opts.uri(k));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A VOD playlist of what a camera recorded in [fromMs, toMs), clamped to what has elapsed at `nowMs`. Seconds for
 * which `isGap` holds (the camera was offline) are left out; the segment after a hole carries a discontinuity and
 * its wall-clock time, so a player jumps over the hole and still knows what time it shows. Null when nothing is
 * left.
 */
export function recordedPlaylist(opts: {
  fromMs: number;
  toMs: number;
  nowMs: number;
  timeline: Timeline;
  uri: (k: number) => string;
  isGap?: (k: number) => boolean;
}): string | null {
  const first = Math.floor(opts.fromMs / 1000);
  const last = Math.min(Math.ceil(opts.toMs / 1000) - 1, lastCompleteSegment(opts.nowMs));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`,
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    '#EXT-X-MEDIA-SEQUENCE:0',
  ];
  let previous: number | null = null;
  let count = 0;
  for (let k = first; k <= last; k++) {
    if (opts.isGap?.(k)) continue;
    const jump = previous !== null && (k !== previous + 1 || clipIndexOf(k, opts.timeline) === 0);
    if (jump) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(pdt(k), extinf, opts.uri(k));
    previous = k;
    count++;
  }
  if (count === 0) return null;
  lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
