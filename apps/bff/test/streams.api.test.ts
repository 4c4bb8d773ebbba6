import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamUrls } from '@c2/api-client/schemas/stream';
import type { Camera } from '@c2/api-client/schemas/camera';
import { hashPassword } from '../src/components/auth/domain/password';
import { insertUser } from '../src/components/auth/data/user-store';
import {
  dropSchema,
  errorOf,
  eventually,
  login,
  PASSWORD,
  startTestServer,
  type Session,
} from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let operator: Session;
let cameras: Camera[];

beforeAll(async () => {
  // Video-encoding tests share the repository's clip cache (.data/media), encoded once per machine.
  server = await startTestServer({ streamIdleSeconds: 5, simCameras: 60 });
  // On a cold cache the clips encode in the background first (the origin answers 503 meanwhile).
  const library = server.upstreams.origin!.library;
  for (const [i] of library.scenes.entries()) expect(await library.whenScene(i, 110_000)).not.toBeNull();
  operator = await login(server.url, 'operator');
  cameras = await operator.api.cameras.list();
}, 120_000);
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

const get = (p: string, session?: Session) =>
  fetch(`${server.url}${p}`, { headers: session ? { cookie: session.cookie } : {}, redirect: 'manual' });

async function auditRows(action: string, target: string) {
  return server.db.query<{ actor_name: string; detail: Record<string, unknown>; ts: Date }>(
    'SELECT actor_name, detail, ts FROM audit_log WHERE action = $1 AND target = $2 ORDER BY id',
    [action, target],
  );
}

async function metric(name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels}`) && !l.startsWith('#'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/** What ffprobe reads in a segment: proof that the origin serves real H.264 video, not bytes that look like it. */
function probe(bytes: Buffer): { codec: string; width: number; height: number; frames: number } {
  const file = path.join(os.tmpdir(), `seg-${randomUUID()}.ts`);
  fs.writeFileSync(file, bytes);
  try {
    const res = spawnSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-count_frames',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=codec_name,width,height,nb_read_frames',
        '-of',
        'json',
        file,
      ],
      { encoding: 'utf8' },
    );
    const s = (
      JSON.parse(res.stdout) as {
        streams: { codec_name: string; width: number; height: number; nb_read_frames: string }[];
      }
    ).streams[0]!;
    return { codec: s.codec_name, width: s.width, height: s.height, frames: Number(s.nb_read_frames) };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('live video from the built-in origin', () => {
  it('when an operator opens a camera, then the live playlist is a 1-second window at wall-clock time and its segments are H.264 video', async () => {
    const cam = cameras[0]!;
    const before = Date.now();
    const res = await get(streamUrls.live(cam.id, 'sub'), operator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/vnd.apple.mpegurl');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const playlist = await res.text();
    const pdts = [...playlist.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(.+)/g)].map((m) => Date.parse(m[1]!));
    expect(pdts).toHaveLength(6);
    // The newest segment ended within the last second or two: this is live, not a replay.
    expect(before - (pdts.at(-1)! + 1000)).toBeLessThan(2000);
    expect(Date.now() - (pdts.at(-1)! + 1000)).toBeGreaterThanOrEqual(-50);
    const uris = playlist.split('\n').filter((l) => l.startsWith('seg-'));
    const segment = await get(`/api/streams/${cam.id}/sub/${uris.at(-1)!}`, operator);
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    const sub = probe(Buffer.from(await segment.arrayBuffer()));
    expect(sub).toEqual({ codec: 'h264', width: 640, height: 360, frames: 15 });

    const mainPlaylist = await (await get(streamUrls.live(cam.id, 'main'), operator)).text();
    const mainUri = mainPlaylist.split('\n').filter((l) => l.startsWith('seg-'))[0]!;
    const main = probe(
      Buffer.from(await (await get(`/api/streams/${cam.id}/main/${mainUri}`, operator)).arrayBuffer()),
    );
    expect(main).toEqual({ codec: 'h264', width: 1280, height: 720, frames: 25 });
  });

  it('when the stream info is read, then it names the same-origin URLs of the contract', async () => {
    const cam = cameras[1]!;
    const info = await operator.api.streams.info(cam.id);
    expect(info).toEqual({
      cameraId: cam.id,
      live: { main: streamUrls.live(cam.id, 'main'), sub: streamUrls.live(cam.id, 'sub') },
      poster: streamUrls.poster(cam.id),
      recorded: true,
      source: 'origin',
    });
    const poster = await get(info.poster, operator);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    const jpeg = Buffer.from(await poster.arrayBuffer());
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('when a viewer keeps playing, then the stream is opened, counted and audited once, and closed when it goes idle', async () => {
    const cam = cameras[2]!;
    const opened = await metric('c2_streams_opened_total', '{variant="sub",kind="live"}');
    for (let i = 0; i < 4; i++) {
      const playlist = await (await get(streamUrls.live(cam.id, 'sub'), operator)).text();
      const uri = playlist
        .split('\n')
        .filter((l) => l.startsWith('seg-'))
        .at(-1)!;
      expect((await get(`/api/streams/${cam.id}/sub/${uri}`, operator)).status).toBe(200);
    }
    expect(await metric('c2_streams_opened_total', '{variant="sub",kind="live"}')).toBe(opened + 1);
    expect(await metric('c2_streams_open', '{variant="sub",kind="live"}')).toBeGreaterThanOrEqual(1);
    const rows = await auditRows('stream.open', cam.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_name).toBe('operator');
    expect(rows[0]!.detail).toMatchObject({ kind: 'live', variant: 'sub', via: 'origin' });

    const closed = await metric('c2_streams_closed_idle_total', '{variant="sub",kind="live"}');
    await eventually(
      async () =>
        expect(await metric('c2_streams_closed_idle_total', '{variant="sub",kind="live"}')).toBeGreaterThan(
          closed,
        ),
      10_000,
    );
    // Re-opened within the audit window: counted as a new opening, not audited again.
    await get(streamUrls.live(cam.id, 'sub'), operator);
    expect(await auditRows('stream.open', cam.id)).toHaveLength(1);
  });

  it('when a camera goes offline, then its live playlist is not found as at a real VMS, and its last snapshot still shows', async () => {
    const cam = cameras[3]!;
    const admin = await login(server.url, 'admin');
    const forced = await fetch(`${server.url}/api/sim/cameras/${cam.id}/status`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'offline', seconds: 60 }),
    });
    expect(forced.status).toBe(204);
    const res = await get(streamUrls.live(cam.id, 'sub'), operator);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('stream_offline');
    expect((await get(streamUrls.poster(cam.id), operator)).status).toBe(200);
    await fetch(`${server.url}/api/sim/cameras/${cam.id}/status`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'online', seconds: 1 }),
    });
  });
});

describe('stream access control', () => {
  it('when an operator calls a secret camera’s stream URLs directly, then each answers 403, the refusal is audited, and its info is not found', async () => {
    const investigator = await login(server.url, 'investigator');
    const secret = (await investigator.api.cameras.list()).find((c) => c.classification === 'secret')!;
    expect(secret).toBeDefined();
    for (const url of [
      streamUrls.live(secret.id, 'main'),
      streamUrls.live(secret.id, 'sub'),
      `/api/streams/${secret.id}/sub/seg-${Math.floor(Date.now() / 1000) - 2}.ts`,
      streamUrls.poster(secret.id),
      streamUrls.recorded(secret.id, new Date(Date.now() - 60_000), new Date()),
    ]) {
      const res = await get(url, operator);
      expect(res.status, url).toBe(403);
    }
    expect((await get(streamUrls.info(secret.id), operator)).status).toBe(404);
    const denied = await auditRows('stream.denied', secret.id);
    expect(denied.length).toBeGreaterThanOrEqual(1);
    expect(denied[0]!.detail).toEqual({ reason: 'not_allowed' });
    // The investigator, cleared for secret cameras, plays it.
    expect((await get(streamUrls.live(secret.id, 'sub'), investigator)).status).toBe(200);
  });

  it('when nobody is logged in, or the role has no stream:open, then 401 / 403; an unknown camera is as forbidden as a secret one', async () => {
    const cam = cameras[0]!;
    expect((await get(streamUrls.live(cam.id, 'sub'))).status).toBe(401);
    expect((await get(streamUrls.poster(cam.id))).status).toBe(401);
    const auditor = await login(server.url, 'auditor');
    expect((await get(streamUrls.live(cam.id, 'sub'), auditor)).status).toBe(403);
    expect((await get(streamUrls.info(cam.id), auditor)).status).toBe(403);
    expect((await get(streamUrls.live('cam-nope', 'sub'), operator)).status).toBe(403);
    // A forged token does not open anything either.
    expect((await get(`${streamUrls.live(cam.id, 'sub')}?token=abc.def`)).status).toBe(403);
  });

  it('when a user’s jurisdiction is one ward, then cameras of other wards are forbidden and their own play', async () => {
    const home = cameras[0]!;
    const other = cameras.find((c) => c.areaId !== home.areaId)!;
    await insertUser(server.db, {
      id: randomUUID(),
      username: 'ward-operator',
      displayName: 'Cán bộ phường',
      role: 'operator',
      areas: [home.areaId],
      passwordHash: await hashPassword(PASSWORD),
    });
    const local = await login(server.url, 'ward-operator');
    expect((await get(streamUrls.live(home.id, 'sub'), local)).status).toBe(200);
    expect((await get(streamUrls.live(other.id, 'sub'), local)).status).toBe(403);
    expect((await get(streamUrls.info(other.id), local)).status).toBe(404);
  });

  it('when the input is malformed, then 400 names the field', async () => {
    const cam = cameras[0]!;
    const variant = await get(`/api/streams/${cam.id}/hd/index.m3u8`, operator);
    expect(variant.status).toBe(400);
    expect((await errorOf(variant)).fields).toHaveProperty('variant');
    const range = await get(streamUrls.recorded(cam.id, new Date(), new Date(Date.now() - 60_000)), operator);
    expect(range.status).toBe(400);
    expect((await errorOf(range)).fields).toHaveProperty('to');
    const file = await get(`/api/streams/${cam.id}/sub/../../x`, operator);
    expect([400, 404]).toContain(file.status);
  });
});

describe('recorded video by time', () => {
  it('when an investigator asks for a past range, then a VOD playlist of its seconds comes back, without the seconds the camera was offline, and it is audited', async () => {
    const cam = cameras[4]!;
    const admin = await login(server.url, 'admin');
    const force = (state: string, seconds: number) =>
      fetch(`${server.url}/api/sim/cameras/${cam.id}/status`, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ state, seconds }),
      });
    const from = new Date(Math.floor(Date.now() / 1000) * 1000 - 5000);
    expect((await force('offline', 60)).status).toBe(204);
    await eventually(async () =>
      expect((await operator.api.cameras.get(cam.id)).status.state).toBe('offline'),
    );
    await new Promise((r) => setTimeout(r, 2200));
    expect((await force('online', 1)).status).toBe(204);
    await eventually(async () =>
      expect((await operator.api.cameras.get(cam.id)).status.state).toBe('online'),
    );
    await new Promise((r) => setTimeout(r, 2200));
    const to = new Date();

    const investigator = await login(server.url, 'investigator');
    const res = await get(streamUrls.recorded(cam.id, from, to, 'sub'), investigator);
    expect(res.status).toBe(200);
    const playlist = await res.text();
    expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(playlist).toContain('#EXT-X-ENDLIST');
    const seconds = [...playlist.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(.+)/g)].map((m) => Date.parse(m[1]!));
    const span = Math.ceil((to.getTime() - from.getTime()) / 1000);
    expect(seconds.length).toBeGreaterThan(3);
    expect(seconds.length).toBeLessThanOrEqual(span - 2);
    expect(playlist).toContain('#EXT-X-DISCONTINUITY');
    // Each listed second plays.
    const uri = playlist.split('\n').find((l) => l.startsWith('sub/seg-'))!;
    const seg = await get(`/api/streams/${cam.id}/${uri}`, investigator);
    expect(seg.status).toBe(200);
    expect(probe(Buffer.from(await seg.arrayBuffer())).codec).toBe('h264');
    const audited = await auditRows('stream.open', cam.id);
    expect(audited.some((r) => r.detail.kind === 'recorded' && r.actor_name === 'investigator')).toBe(true);
  });
});
