import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, errorOf, login, startTestServer } from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;

beforeAll(async () => {
  server = await startTestServer({ simCameras: 400 });
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

describe('cameras', () => {
  it('when the investigator lists cameras, then all 400 of the province come back with location, area and status', async () => {
    const { api } = await login(server.url, 'investigator');
    const cameras = await api.cameras.list();
    expect(cameras).toHaveLength(400);
    const speed = cameras.filter((c) => c.kind === 'speed').length;
    expect(speed).toBeGreaterThanOrEqual(15);
    expect(speed).toBeLessThanOrEqual(25);
    for (const c of cameras) {
      expect(c.location.lng).toBeGreaterThan(105.8);
      expect(c.location.lat).toBeGreaterThan(20.9);
      expect(c.areaName.length).toBeGreaterThan(0);
      expect(c.status.state).toBe('online');
    }
  });

  it('when an operator lists cameras, then secret ones are absent, and fetching one by id answers 404', async () => {
    const investigator = await login(server.url, 'investigator');
    const secret = (await investigator.api.cameras.list()).find((c) => c.classification === 'secret');
    expect(secret).toBeDefined();
    const operator = await login(server.url, 'operator');
    const visible = await operator.api.cameras.list();
    expect(visible.some((c) => c.classification === 'secret')).toBe(false);
    expect(visible.some((c) => c.classification === 'restricted')).toBe(true);
    const res = await fetch(`${server.url}/api/cameras/${secret!.id}`, {
      headers: { cookie: operator.cookie },
    });
    expect(res.status).toBe(404);
  });

  it('when the auditor lists cameras, then only public ones come back', async () => {
    const { api } = await login(server.url, 'auditor');
    const cameras = await api.cameras.list();
    expect(cameras.length).toBeGreaterThan(0);
    expect(cameras.every((c) => c.classification === 'public')).toBe(true);
  });

  it('when a camera is forced offline in the simulation, then the summary and the camera say so', async () => {
    const admin = await login(server.url, 'admin');
    const operator = await login(server.url, 'operator');
    const target = (await operator.api.cameras.list())[5]!;
    const res = await fetch(`${server.url}/api/sim/cameras/${target.id}/status`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'offline', seconds: 60 }),
    });
    expect(res.status).toBe(204);
    await expect.poll(async () => (await operator.api.cameras.get(target.id)).status.state).toBe('offline');
    const summary = await operator.api.cameras.summary();
    expect(summary.offline).toBe(1);
    expect(summary.total).toBe(summary.online + summary.offline + summary.degraded);
  });

  it('when a non-admin drives the simulation, or names a bad state, then 403 / 400', async () => {
    const operator = await login(server.url, 'operator');
    const forbidden = await fetch(`${server.url}/api/sim/cameras/cam-0001/status`, {
      method: 'POST',
      headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'offline' }),
    });
    expect(forbidden.status).toBe(403);
    const admin = await login(server.url, 'admin');
    const bad = await fetch(`${server.url}/api/sim/cameras/cam-0001/status`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'exploded' }),
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty('state');
  });

  it('when the map context is read, then it carries the province roads and areas', async () => {
    const { api } = await login(server.url, 'operator');
    const ctx = await api.map.context();
    expect(ctx.province).toBe('Bắc Ninh');
    expect(ctx.roads.length).toBeGreaterThan(8);
    expect(ctx.areas.length).toBeGreaterThan(30);
    expect(ctx.styleUrl).toBeNull();
  });
});
