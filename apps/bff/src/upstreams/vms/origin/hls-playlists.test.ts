import { describe, expect, it } from 'vitest';
import {
  clipIndexOf,
  livePlaylist,
  loopOf,
  recordedPlaylist,
  streamEpoch,
  type Timeline,
} from './hls-playlists';

const timeline: Timeline = { clipSegments: 12, offset: 5 };
const uri = (k: number) => `seg-${k}.ts`;

function segments(playlist: string): { k: number; pdt: string; discontinuity: boolean }[] {
  const lines = playlist.trim().split('\n');
  const out: { k: number; pdt: string; discontinuity: boolean }[] = [];
  let pdt = '';
  let discontinuity = false;
  for (const line of lines) {
    if (line === '#EXT-X-DISCONTINUITY') discontinuity = true;
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdt = line.slice(25);
    else if (line.startsWith('seg-')) {
      out.push({ k: Number(/seg-(\d+)/.exec(line)![1]), pdt, discontinuity });
      discontinuity = false;
    }
  }
  return out;
}

describe('live playlist', () => {
  it('when asked at a wall-clock time, then it lists the 6 seconds that have fully elapsed, each at its time', () => {
    const now = Date.parse('2026-03-01T08:00:10.400Z');
    const epoch = streamEpoch(now - 60_000);
    const playlist = livePlaylist({ nowMs: now, timeline, uri, epoch });
    const segs = segments(playlist);
    expect(segs.map((s) => s.k)).toEqual([4, 5, 6, 7, 8, 9].map((d) => now / 1000 - 10.4 + d));
    expect(segs[0]!.pdt).toBe('2026-03-01T08:00:04.000Z');
    expect(segs.at(-1)!.pdt).toBe('2026-03-01T08:00:09.000Z');
    // Sequence numbers count from the stream's opening, not from 1970.
    expect(playlist).toContain(`#EXT-X-MEDIA-SEQUENCE:${segs[0]!.k - epoch}`);
    expect(playlist).toContain('#EXT-X-TARGETDURATION:1');
    expect(playlist).not.toContain('#EXT-X-ENDLIST');
  });

  it('when the clip loops inside the window, then the looping segment carries a discontinuity and the sequence counts loops', () => {
    // Pick a time where the window [first, last] contains a loop start.
    const loopStart = 12 * 1000 * 1000 - timeline.offset; // clipIndexOf === 0
    expect(clipIndexOf(loopStart, timeline)).toBe(0);
    const now = (loopStart + 3) * 1000 + 1; // last complete = loopStart + 2
    const epoch = loopStart - 40;
    const playlist = livePlaylist({ nowMs: now, timeline, uri, epoch });
    const segs = segments(playlist);
    expect(segs.filter((s) => s.discontinuity).map((s) => s.k)).toEqual([loopStart]);
    expect(playlist).toContain(
      `#EXT-X-DISCONTINUITY-SEQUENCE:${loopOf(segs[0]!.k, timeline) - loopOf(epoch, timeline)}`,
    );
    expect(loopOf(loopStart, timeline)).toBe(loopOf(segs[0]!.k, timeline) + 1);
  });

  it('when the window slides by a second, then the media and discontinuity sequences stay consistent', () => {
    const t0 = Date.parse('2026-03-01T08:00:00Z');
    const epoch = streamEpoch(t0);
    for (let s = 0; s < 30; s++) {
      const a = livePlaylist({ nowMs: t0 + s * 1000, timeline, uri, epoch });
      const b = livePlaylist({ nowMs: t0 + (s + 1) * 1000, timeline, uri, epoch });
      const seqA = Number(/MEDIA-SEQUENCE:(\d+)/.exec(a)![1]);
      const seqB = Number(/MEDIA-SEQUENCE:(\d+)/.exec(b)![1]);
      expect(seqB).toBe(seqA + 1);
      const dsnA = Number(/DISCONTINUITY-SEQUENCE:(\d+)/.exec(a)![1]);
      const dsnB = Number(/DISCONTINUITY-SEQUENCE:(\d+)/.exec(b)![1]);
      // The second segment of A becomes B's first: its sequence number counts A's discontinuities before it.
      const firstOfA = segments(a)[1]!;
      expect(dsnB).toBe(dsnA + (firstOfA.discontinuity ? 1 : 0));
    }
  });
});

describe('stream epoch', () => {
  it('when a stream has just opened, then its first playlist is a full window starting at sequence 0', () => {
    const opened = Date.parse('2026-03-01T08:00:00.300Z');
    const playlist = livePlaylist({ nowMs: opened, timeline, uri, epoch: streamEpoch(opened) });
    expect(segments(playlist)).toHaveLength(6);
    expect(playlist).toContain('#EXT-X-MEDIA-SEQUENCE:0');
    expect(playlist).toMatch(/#EXT-X-DISCONTINUITY-SEQUENCE:[01]\n/);
  });
});

describe('recorded playlist', () => {
  it('when a range is asked, then it is a VOD list of its seconds, ending with ENDLIST', () => {
    const from = Date.parse('2026-03-01T07:00:00Z');
    const playlist = recordedPlaylist({
      fromMs: from,
      toMs: from + 30_000,
      nowMs: from + 3600_000,
      timeline,
      uri,
    });
    expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(playlist).toContain('#EXT-X-ENDLIST');
    const segs = segments(playlist!);
    expect(segs).toHaveLength(30);
    expect(segs[0]!.pdt).toBe('2026-03-01T07:00:00.000Z');
  });

  it('when the camera was offline for part of the range, then those seconds are left out and the jump is marked', () => {
    const from = Date.parse('2026-03-01T07:00:00Z');
    const k0 = from / 1000;
    const playlist = recordedPlaylist({
      fromMs: from,
      toMs: from + 20_000,
      nowMs: from + 3600_000,
      timeline: { clipSegments: 1000, offset: 0 },
      uri,
      isGap: (k) => k >= k0 + 5 && k < k0 + 15,
    });
    const segs = segments(playlist!);
    expect(segs.map((s) => s.k - k0)).toEqual([0, 1, 2, 3, 4, 15, 16, 17, 18, 19]);
    expect(segs.find((s) => s.k === k0 + 15)!.discontinuity).toBe(true);
    expect(segs.find((s) => s.k === k0 + 15)!.pdt).toBe('2026-03-01T07:00:15.000Z');
  });

  it('when the range is in the future or entirely offline, then there is nothing to play', () => {
    const now = Date.parse('2026-03-01T07:00:00Z');
    expect(recordedPlaylist({ fromMs: now + 5000, toMs: now + 9000, nowMs: now, timeline, uri })).toBeNull();
    expect(
      recordedPlaylist({
        fromMs: now - 9000,
        toMs: now - 5000,
        nowMs: now,
        timeline,
        uri,
        isGap: () => true,
      }),
    ).toBeNull();
  });
});
