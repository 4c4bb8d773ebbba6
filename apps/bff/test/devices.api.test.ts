import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '@c2/api-client/schemas/device';
import { insertUser } from '../src/components/auth/data/user-store';
import { takeCollectorLease } from '../src/components/devices/data/device-store';
import { hashPassword } from '../src/components/auth/domain/password';
import {
  PASSWORD,
  dropSchema,
  errorOf,
  eventually,
  liveClient,
  login,
  startTestServer,
  type Session,
} from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: Session;
let operator: Session;
let cameras: Device[];

beforeAll(async () => {
  server = await startTestServer({
    simCameras: 14,
    deviceQualityIntervalSeconds: 2,
    deviceQualityMaxPerSecond: 20,
    deviceQualityConfirmSeconds: 0.4,
    deviceFaultRaiseAfter: 2,
    deviceFaultClearAfter: 2,
    deviceOfflineGraceSeconds: 1,
    deviceHealAttempts: 2,
    deviceHealBackoffSeconds: 0.5,
    deviceHealthIntervalSeconds: 3600,
  });
  admin = await login(server.url, 'admin');
  operator = await login(server.url, 'operator');
  cameras = (await admin.api.devices.list()).filter((d) => d.kind === 'camera');
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

async function drill(path: string, body: object): Promise<void> {
  const res = await fetch(`${server.url}/api/sim/cameras/${path}`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.text()).toBe(204);
}

async function eventsOf(cameraId: string) {
  return (await admin.api.events.list(undefined, { limit: 500 })).events.filter(
    (e) => e.cameraId === cameraId,
  );
}

describe('devices', () => {
  it('when the admin lists devices, then cameras, edge AI boxes and servers come back with their readings', async () => {
    const all = await admin.api.devices.list();
    const kinds = new Set(all.map((d) => d.kind));
    expect(kinds).toEqual(new Set(['camera', 'edge_box', 'server']));
    expect(cameras.length).toBeGreaterThan(8);
    const box = all.find((d) => d.kind === 'edge_box')!;
    expect(box.metrics.cpuPct).toBeGreaterThan(0);
    expect(box.metrics.tempC).toBeGreaterThan(20);
    expect(box.areaId).not.toBeNull();
    const srv = all.find((d) => d.kind === 'server')!;
    expect(srv.areaId).toBeNull();
    expect(srv.metrics.storagePct).toBeGreaterThan(0);
    const cam = cameras[0]!;
    expect(cam.metrics.bitrateKbps).toBeGreaterThan(1000);
    expect(cam.metrics.fps).toBe(25);
    expect(cam.model.length).toBeGreaterThan(3);
  });

  it('when a camera’s picture goes black, then within the interval image_black is raised once, the device shows the fault and the reconnects, each audited as system', async () => {
    const cam = cameras[1]!;
    const live = liveClient(server.url, admin.cookie);
    await live.ready;
    await drill(`${cam.id}/image`, { fault: 'black', seconds: 600 });

    const event = await eventually(async () => {
      const e = (await eventsOf(cam.id)).find((x) => x.type === 'image_black');
      expect(e).toBeDefined();
      return e!;
    }, 8000);
    expect(event.id).toBe(`dh-${cam.id}-image_black-1`);
    expect(event.severity).toBe('major');
    expect(event.metadata.source).toBe('center:quality');

    // Both reconnects are tried (backoff 0.5 s, then 1 s) and fail: a drill is not cured by a reconnect.
    const detail = await eventually(async () => {
      const d = await admin.api.devices.get(cam.id);
      expect(d.healing.filter((h) => h.outcome === 'failed')).toHaveLength(2);
      return d;
    }, 8000);
    expect(detail.device.faults).toContain('image_black');
    const fault = detail.faults.find((f) => f.kind === 'image_black')!;
    expect(fault.clearedAt).toBeNull();
    expect(fault.eventId).toBe(event.id);
    expect(detail.healing.every((h) => h.actor === 'system' && h.faultKind === 'image_black')).toBe(true);
    expect(detail.healing.map((h) => h.attempt).sort()).toEqual([1, 2]);
    expect(detail.quality?.verdict).toBe('image_black');

    const audited = await server.db.query<{ actor_name: string; target: string }>(
      "SELECT actor_name, target FROM audit_log WHERE action = 'device.heal' AND target = $1",
      [cam.id],
    );
    expect(audited).toHaveLength(2);
    expect(audited.every((a) => a.actor_name === 'system')).toBe(true);

    // Checks go on, the fault stays one episode and one event.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await eventsOf(cam.id)).filter((e) => e.type === 'image_black')).toHaveLength(1);
    const healthEntries = live.received.filter(
      (e) => e.topic === 'device.health' && e.data.deviceId === cam.id,
    );
    expect(healthEntries.some((e) => e.topic === 'device.health' && e.data.change === 'fault_opened')).toBe(
      true,
    );
    expect(
      healthEntries.filter((e) => e.topic === 'device.health' && e.data.change === 'healing').length,
    ).toBeGreaterThanOrEqual(2);
    live.socket.close();

    // The drill ends: the picture is good again, and after two good checks the fault clears.
    await drill(`${cam.id}/image`, { fault: 'none' });
    await eventually(async () => {
      const d = await admin.api.devices.get(cam.id);
      expect(d.device.faults).toEqual([]);
      expect(d.faults.find((f) => f.kind === 'image_black')!.clearedAt).not.toBeNull();
    }, 8000);
  });

  it('when pictures freeze, blur, get covered or turned, then each camera raises its own kind', async () => {
    const cases = [
      ['frozen', 'image_frozen'],
      ['blur', 'image_blur'],
      ['covered', 'camera_covered'],
      ['moved', 'scene_change'],
    ] as const;
    // Fixed cameras not used by the other tests (PTZ cameras are turned on purpose: no scene check there).
    const used = new Set(cameras.slice(0, 5).map((c) => c.id));
    const fixed = (await admin.api.cameras.list()).filter((c) => c.kind !== 'ptz' && !used.has(c.id));
    const targets = cases.map(([fault, kind], i) => ({ cam: fixed[i]!, fault, kind }));
    for (const t of targets) await drill(`${t.cam.id}/image`, { fault: t.fault, seconds: 600 });
    for (const t of targets) {
      await eventually(async () => {
        const kinds = (await eventsOf(t.cam.id)).map((e) => e.type);
        expect(kinds).toContain(t.kind);
      }, 10_000);
      // The event is submitted before the fault is recorded (so a crash in between repeats the same event id).
      const d = await eventually(async () => {
        const detail = await admin.api.devices.get(t.cam.id);
        expect(detail.device.faults).toContain(t.kind);
        return detail;
      }, 5000);
      // A frozen picture is reconnected; blur, covered and moved need someone on site: no reconnect for them.
      // (Only attempts for this fault count: the simulated province may drop the same camera meanwhile.)
      const forThisFault = d.healing.filter((h) => h.faultKind === t.kind);
      expect(forThisFault.length > 0, t.kind).toBe(t.kind === 'image_frozen');
    }
    for (const t of targets) await drill(`${t.cam.id}/image`, { fault: 'none' });
  });

  it('when a stream delivers no picture, then reconnects back off and, once exhausted, stream_failure is raised once', async () => {
    const cam = cameras[2]!;
    await drill(`${cam.id}/image`, { fault: 'stream', seconds: 600 });
    const event = await eventually(async () => {
      const e = (await eventsOf(cam.id)).find((x) => x.type === 'stream_failure');
      expect(e).toBeDefined();
      return e!;
    }, 10_000);
    expect(event.metadata.reconnects).toBe(2);
    const d = await eventually(async () => {
      const detail = await admin.api.devices.get(cam.id);
      expect(detail.device.faults).toContain('stream_failure');
      return detail;
    }, 5000);
    const attempts = d.healing
      .filter((h) => h.faultKind === 'stream_failure')
      .sort((a, b) => a.attempt - b.attempt);
    expect(attempts.map((h) => h.outcome)).toEqual(['failed', 'failed']);
    // Exponential backoff: the second reconnect waited at least the base backoff after the first.
    expect(Date.parse(attempts[1]!.ts) - Date.parse(attempts[0]!.ts)).toBeGreaterThanOrEqual(450);
    expect(d.quality?.verdict).toBe('no_image');
    await drill(`${cam.id}/image`, { fault: 'none' });
    await eventually(
      async () => expect((await admin.api.devices.get(cam.id)).device.faults).toEqual([]),
      8000,
    );
  });

  it('when a camera goes offline, then camera_offline is raised after the grace period and counts against its SLA', async () => {
    const cam = cameras[3]!;
    const res = await fetch(`${server.url}/api/sim/cameras/${cam.id}/status`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'offline', seconds: 4 }),
    });
    expect(res.status).toBe(204);
    await eventually(async () => {
      expect((await eventsOf(cam.id)).map((e) => e.type)).toContain('camera_offline');
    }, 8000);
    await eventually(
      async () => expect((await admin.api.devices.get(cam.id)).device.state).toBe('online'),
      8000,
    );

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const report = await admin.api.devices.sla(today, today, 'camera');
    const row = report.rows.find((r) => r.deviceId === cam.id)!;
    expect(row.downSeconds).toBeGreaterThanOrEqual(3);
    expect(row.days[0]).toBeLessThan(100);
    const healthy = report.rows.find((r) => r.deviceId === cameras[9]!.id)!;
    expect(healthy.days[0]).toBe(100);

    const csv = await fetch(`${admin.api.devices.slaCsvUrl(today, today, 'camera')}`, {
      headers: { cookie: admin.cookie },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A byte-order mark first, so spreadsheet programs read the Vietnamese as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith(`Mã thiết bị,Tên,Loại,Khu vực,${today},`)).toBe(true);
    expect(text).toContain(cam.code);
    expect(text.trim().split('\r\n')).toHaveLength(report.rows.length + 1);
  });

  it('when the admin asks for a fresh snapshot and a probe, then a real JPEG and the stream’s figures come back, audited', async () => {
    const cam = cameras[4]!;
    const res = await fetch(`${admin.api.devices.snapshotUrl(cam.id)}`, {
      headers: { cookie: admin.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(480);
    const probe = await admin.api.devices.probe(cam.id);
    expect(probe.ok).toBe(true);
    expect(probe.fps).toBe(25);
    const restart = await admin.api.devices.restart(cam.id);
    expect(restart.actor).toBe('admin');
    expect(restart.outcome).toBe('recovered');
    const audited = await server.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE target = $1 ORDER BY id',
      [cam.id],
    );
    expect(audited.map((a) => a.action)).toEqual(['device.snapshot', 'device.probe', 'device.restart']);
  });

  it('when an operator (view only) asks for diagnosis, then 403; the auditor cannot see devices at all', async () => {
    const cam = cameras[4]!;
    const snap = await fetch(`${server.url}/api/devices/${cam.id}/snapshot`, {
      headers: { cookie: operator.cookie },
    });
    expect(snap.status).toBe(403);
    const probe = await fetch(`${server.url}/api/devices/${cam.id}/probe`, {
      method: 'POST',
      headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrf },
    });
    expect(probe.status).toBe(403);
    expect((await operator.api.devices.get(cam.id)).device.id).toBe(cam.id);
    const auditor = await login(server.url, 'auditor');
    const list = await fetch(`${server.url}/api/devices`, { headers: { cookie: auditor.cookie } });
    expect(list.status).toBe(403);
  });

  it('when an operator of one ward lists devices, then only that ward’s cameras and edge box and the center’s servers; another ward’s id answers 404', async () => {
    await insertUser(server.db, {
      id: 'u-op-nhan-hoa',
      username: 'op-nhan-hoa',
      displayName: 'Trực ca Nhân Hòa',
      role: 'operator',
      areas: ['p-nhan-hoa'],
      passwordHash: await hashPassword(PASSWORD),
    });
    const ward = await login(server.url, 'op-nhan-hoa');
    const seen = await ward.api.devices.list();
    expect(seen.filter((d) => d.kind === 'camera').map((d) => d.areaId)).toEqual(
      expect.arrayContaining(['p-nhan-hoa']),
    );
    expect(seen.every((d) => d.areaId === 'p-nhan-hoa' || (d.kind === 'server' && d.areaId === null))).toBe(
      true,
    );
    expect(seen.map((d) => d.id)).toContain('edge-p-nhan-hoa');
    expect(seen.filter((d) => d.kind === 'server')).toHaveLength(8);
    const elsewhere = cameras.find((c) => c.areaId !== 'p-nhan-hoa')!;
    for (const id of [elsewhere.id, `edge-${elsewhere.areaId}`]) {
      const res = await fetch(`${server.url}/api/devices/${id}`, { headers: { cookie: ward.cookie } });
      expect(res.status).toBe(404);
    }
    const unknown = await fetch(`${server.url}/api/devices/cam-9999`, { headers: { cookie: ward.cookie } });
    expect(unknown.status).toBe(404);
  });

  it('when the SLA range or the history hours are malformed, then 400 names the field', async () => {
    const bad = await fetch(`${server.url}/api/devices/sla?from=2026-11-20&to=2026-11-01`, {
      headers: { cookie: admin.cookie },
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty('from');
    const long = await fetch(`${server.url}/api/devices/sla?from=2026-01-01&to=2026-03-01`, {
      headers: { cookie: admin.cookie },
    });
    expect((await errorOf(long)).fields).toHaveProperty('to');
    const hours = await fetch(`${server.url}/api/devices/${cameras[0]!.id}/history?hours=lots`, {
      headers: { cookie: admin.cookie },
    });
    expect(hours.status).toBe(400);
    expect((await errorOf(hours)).fields).toHaveProperty('hours');
    const box = await fetch(`${server.url}/api/devices/srv-db-01/probe`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(box.status).toBe(400);
  });

  it('when the history of a device is read, then it holds the collected readings', async () => {
    const history = await admin.api.devices.history('srv-vms-01', 24);
    expect(history.points.length).toBeGreaterThanOrEqual(1);
    expect(history.points[0]!.cpuPct).toBeGreaterThan(0);
    expect(history.points[0]!.online).toBe(1);
  });

  it('when another instance asks to collect readings while this one holds the lease, then it is refused', async () => {
    expect(await takeCollectorLease(server.db, 'another-instance', 60)).toBe(false);
    await server.db.query("UPDATE device_collector_lease SET until = now() - interval '1 second'");
    expect(await takeCollectorLease(server.db, 'another-instance', 60)).toBe(true);
  });
});

describe('devices: stream statistics bring image checks forward', () => {
  let slow: Server;
  beforeAll(async () => {
    // A sampling cycle of ten minutes: only the readings can explain a fault found within seconds.
    slow = await startTestServer({
      simCameras: 6,
      deviceQualityIntervalSeconds: 600,
      deviceQualityMaxPerSecond: 20,
      deviceQualityConfirmSeconds: 0.4,
      deviceHealthIntervalSeconds: 1,
    });
  });
  afterAll(async () => {
    await slow.stop();
    await dropSchema(slow.schema);
  });

  it('when a picture goes black and its bitrate collapses, then it is checked at once, not at the next cycle', async () => {
    const admin = await login(slow.url, 'admin');
    // Let every camera's first check (spread over the cycle) be far away, then make one go black.
    const [moved] = await slow.db.query<{ at: Date }>(
      "UPDATE camera_quality SET next_check_at = now() + interval '10 minutes' RETURNING now() AS at",
    );
    const res = await fetch(`${slow.url}/api/sim/cameras/cam-0003/image`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ fault: 'black', seconds: 600 }),
    });
    expect(res.status).toBe(204);
    await eventually(async () => {
      const events = (await admin.api.events.list(undefined, { limit: 50 })).events;
      expect(events.map((e) => `${e.cameraId}:${e.type}`)).toContain('cam-0003:image_black');
    }, 10_000);
    // The others, whose streams look normal, were left to their cycle.
    const checked = await slow.db.query<{ camera_id: string }>(
      'SELECT camera_id FROM camera_quality WHERE last_check_at > $1',
      [new Date(moved!.at).toISOString()],
    );
    expect(checked.map((r) => r.camera_id)).toEqual(['cam-0003']);
  });
});
