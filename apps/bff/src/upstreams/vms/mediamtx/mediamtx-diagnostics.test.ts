import { describe, expect, it } from 'vitest';
import type { KickableSession, MediamtxClient, MediamtxPath } from './mediamtx-api';
import { createMediamtxDiagnostics } from './mediamtx-diagnostics';

/** A control API that answers from a table of paths; `bytesReceived` grows 500 kB per read. */
function fakeClient(paths: Record<string, MediamtxPath>) {
  const kicked: Array<[KickableSession, string]> = [];
  let reads = 0;
  const client: MediamtxClient = {
    credentials: { user: 'api', pass: 's3cret' },
    listPaths: async () => Object.values(paths),
    async getPath(name) {
      const p = paths[name];
      if (!p) return null;
      reads++;
      return p.bytesReceived === undefined ? p : { ...p, bytesReceived: p.bytesReceived + reads * 500_000 };
    },
    async kick(kind, id) {
      kicked.push([kind, id]);
      return id !== 'gone';
    },
  };
  return { client, kicked };
}

const live: MediamtxPath = {
  name: 'cam-1',
  available: true,
  source: { type: 'rtspSession', id: 'sess-1' },
  tracks2: [{ codec: 'H264', codecProps: { width: 1920, height: 1080 } }],
  bytesReceived: 1_000_000,
};

function diagnostics(paths: Record<string, MediamtxPath>) {
  const fake = fakeClient(paths);
  const d = createMediamtxDiagnostics({
    client: fake.client,
    pathOf: (id) => ({ c1: 'cam-1', c2: 'cam-2', c3: 'cam-3' })[id] ?? null,
    hlsOf: (p) => `http://mediamtx:8888/${p}/index.m3u8`,
    ffmpeg: null,
    bitrateWindowMs: 50,
  });
  return { d, kicked: fake.kicked };
}

describe('MediaMTX diagnostics', () => {
  it('probes a live path: codec, size, and a bitrate from two byte counts', async () => {
    const { d } = diagnostics({ 'cam-1': live });
    const r = await d.probeStream('c1');
    expect(r).toMatchObject({ ok: true, codec: 'H264', width: 1920, height: 1080, error: null });
    expect(r.bitrateKbps).toBeGreaterThan(0);
  });

  it('says why a probe fails: unknown camera, missing path, nobody publishing', async () => {
    const { d } = diagnostics({ 'cam-2': { name: 'cam-2', available: false } });
    expect((await d.probeStream('nope')).error).toBe('unknown camera');
    expect((await d.probeStream('c1')).error).toMatch(/no path cam-1/);
    expect(await d.probeStream('c2')).toMatchObject({
      ok: false,
      error: 'no source is publishing to the VMS',
    });
  });

  it('restarts by kicking the publishing session, and refuses what it cannot order', async () => {
    const { d, kicked } = diagnostics({
      'cam-1': live,
      'cam-2': { name: 'cam-2', available: true, source: { type: 'rtspSource' } },
      'cam-3': { name: 'cam-3', available: true, source: { type: 'rtmpConn', id: 'gone' } },
    });
    expect(await d.restartStream('c1')).toMatchObject({ accepted: true });
    expect(kicked).toEqual([['rtspSession', 'sess-1']]);
    expect(await d.restartStream('c2')).toMatchObject({
      accepted: false,
      detail: expect.stringMatching(/re-pulled/),
    });
    expect(await d.restartStream('c3')).toMatchObject({
      accepted: false,
      detail: expect.stringMatching(/already ended/),
    });
  });

  it('has no snapshot without ffmpeg', async () => {
    expect(await diagnostics({ 'cam-1': live }).d.snapshot('c1')).toBeNull();
  });
});
