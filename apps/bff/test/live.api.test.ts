import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraState } from '@c2/api-client/schemas/camera';
import {
  dropSchema,
  eventually,
  liveClient,
  login,
  startTestServer,
  type Session,
} from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: Session;

beforeAll(async () => {
  server = await startTestServer({ simCameras: 120 });
  admin = await login(server.url, 'admin');
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

async function force(cameraId: string, state: CameraState): Promise<void> {
  const res = await fetch(`${server.url}/api/sim/cameras/${cameraId}/status`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ state, seconds: 600 }),
  });
  expect(res.status).toBe(204);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live backbone', () => {
  it('when a socket connects without a session, then it is refused', async () => {
    const client = liveClient(server.url, 'c2_sid=forged');
    await expect(client.ready).rejects.toThrow(/unauthorized/);
    client.socket.close();
  });

  it('when a camera goes offline, then a connected console receives its status entry with a sequence number', async () => {
    const { cookie } = await login(server.url, 'operator');
    const client = liveClient(server.url, cookie);
    const replay = await client.ready;
    expect(replay.complete).toBe(true);
    await force('cam-0007', 'offline');
    const entry = await eventually(() => {
      const e = client.received.find((x) => x.topic === 'camera.status' && x.data.cameraId === 'cam-0007');
      if (!e) throw new Error('not yet');
      return e;
    });
    expect(entry.topic === 'camera.status' && entry.data.state).toBe('offline');
    expect(entry.seq).toBeGreaterThan(replay.head);
    client.socket.close();
  });

  it('when a console is disconnected for 10 s, then on reconnect it receives exactly what it missed, in order', async () => {
    const { cookie } = await login(server.url, 'operator');
    const first = liveClient(server.url, cookie);
    await first.ready;
    await force('cam-0010', 'degraded');
    await eventually(() =>
      expect(first.received.some((e) => e.topic === 'camera.status' && e.data.cameraId === 'cam-0010')).toBe(
        true,
      ),
    );
    const lastSeq = first.state.lastSeq!;
    first.socket.close();

    // While it is away, the province keeps changing.
    const missed: string[] = [];
    const states: CameraState[] = ['offline', 'degraded', 'offline', 'degraded', 'offline'];
    for (const [i, state] of states.entries()) {
      const id = `cam-00${20 + i}`;
      await force(id, state);
      missed.push(id);
      await sleep(2000);
    }

    const second = liveClient(server.url, cookie, lastSeq);
    const replay = await second.ready;
    expect(replay.complete).toBe(true);
    const seqs = replay.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs.every((s) => s > lastSeq)).toBe(true);
    const cameras = replay.entries.flatMap((e) => (e.topic === 'camera.status' ? [e.data.cameraId] : []));
    expect(cameras).toEqual(missed);
    second.socket.close();
  }, 30_000);

  it("when the auditor is connected, then restricted cameras' changes never reach it", async () => {
    const operator = await login(server.url, 'operator');
    const cams = await operator.api.cameras.list();
    const restricted = cams.find((c) => c.classification === 'restricted')!;
    const pub = cams.find((c) => c.classification === 'public' && c.id !== 'cam-0007')!;
    const auditor = liveClient(server.url, (await login(server.url, 'auditor')).cookie);
    await auditor.ready;
    await force(restricted.id, 'offline');
    await force(pub.id, 'offline');
    await eventually(() =>
      expect(auditor.received.some((e) => e.topic === 'camera.status' && e.data.cameraId === pub.id)).toBe(
        true,
      ),
    );
    expect(
      auditor.received.some((e) => e.topic === 'camera.status' && e.data.cameraId === restricted.id),
    ).toBe(false);
    auditor.socket.close();
  });

  it('when a handshake carries a malformed lastSeq, then the console is told, it is counted, and it still goes live', async () => {
    const { cookie } = await login(server.url, 'operator');
    const { io } = await import('socket.io-client');
    const socket = io(server.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie },
      auth: { lastSeq: 'yesterday' },
      reconnection: false,
    });
    // Both listeners first: the two packets can arrive in one read, before an awaited listener would be attached.
    const error = new Promise<{ fields?: Record<string, string> }>((resolve) =>
      socket.once('error:input', resolve),
    );
    const replay = new Promise<{ complete: boolean }>((resolve) => socket.once('log:replay', resolve));
    expect((await error).fields).toHaveProperty('lastSeq');
    expect((await replay).complete).toBe(true);
    socket.close();
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/c2_bad_input_total\{source="socket"\} [1-9]/);
  });

  it('when a user logs out, then their open sockets are ended', async () => {
    const session = await login(server.url, 'dispatcher');
    const client = liveClient(server.url, session.cookie);
    await client.ready;
    const ended = new Promise<string>((resolve) => client.socket.once('session:ended', resolve));
    await session.api.auth.logout();
    expect(await ended).toBe('logout');
    await eventually(() => expect(client.socket.connected).toBe(false));
  });
});
