import { NO_EVENT_FILTER } from '@c2/api-client/schemas/event';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '@c2/api-client/schemas/camera';
import { INGEST_HEADERS } from '@c2/api-client/ingest';
import { signIngest } from '../src/components/events/http/ingest-webhook';
import { dropSchema, errorOf, login, startTestServer, type Session } from './support/test-server';

const SECRET = 'a-webhook-secret-for-the-map-tests';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let operator: Session;
let investigator: Session;
let all: Camera[];

beforeAll(async () => {
  server = await startTestServer({ simCameras: 200, ingestKeys: { 'edge-map': SECRET } });
  operator = await login(server.url, 'operator');
  investigator = await login(server.url, 'investigator');
  all = await investigator.api.cameras.list();
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

const get = (path: string, who: Session, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers: { cookie: who.cookie, ...headers } });

async function ingest(events: object[]): Promise<void> {
  const body = JSON.stringify(events);
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${server.url}/ingest/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INGEST_HEADERS.keyId]: 'edge-map',
      [INGEST_HEADERS.timestamp]: ts,
      [INGEST_HEADERS.signature]: signIngest(SECRET, ts, body),
    },
    body,
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const event = (cameraId: string, type: string, ts: Date) => ({
  id: `evt-${randomUUID()}`,
  cameraId,
  type,
  severity: 'minor',
  ts: ts.toISOString(),
});

describe('nearest cameras', () => {
  it('when the operator asks near a camera, then that camera comes first and the rest follow by distance', async () => {
    const target = all.find((c) => c.classification === 'public')!;
    const near = await operator.api.cameras.nearest({ ...target.location, limit: 6 });
    expect(near).toHaveLength(6);
    expect(near[0]!.id).toBe(target.id);
    expect(near[0]!.distanceM).toBeLessThan(1);
    for (let i = 1; i < near.length; i++)
      expect(near[i]!.distanceM).toBeGreaterThanOrEqual(near[i - 1]!.distanceM);
    // Distances are great-circle metres: check one against the haversine computed here.
    const other = near[3]!;
    const rad = Math.PI / 180;
    const h =
      Math.sin(((other.location.lat - target.location.lat) * rad) / 2) ** 2 +
      Math.cos(target.location.lat * rad) *
        Math.cos(other.location.lat * rad) *
        Math.sin(((other.location.lng - target.location.lng) * rad) / 2) ** 2;
    expect(other.distanceM).toBeCloseTo(2 * 6371008.8 * Math.asin(Math.sqrt(h)), 0);
  });

  it('when the point is at a secret camera, then the investigator gets it and the operator never does', async () => {
    const secret = all.find((c) => c.classification === 'secret')!;
    const forInvestigator = await investigator.api.cameras.nearest({ ...secret.location, limit: 3 });
    expect(forInvestigator[0]!.id).toBe(secret.id);
    const forOperator = await operator.api.cameras.nearest({ ...secret.location, limit: 50 });
    expect(forOperator.some((c) => c.id === secret.id)).toBe(false);
    expect(forOperator.some((c) => c.classification === 'secret')).toBe(false);
  });

  it('when a radius is given, then nothing farther comes back', async () => {
    const target = all.find((c) => c.classification === 'public')!;
    const near = await operator.api.cameras.nearest({ ...target.location, limit: 50, maxDistanceM: 3000 });
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((c) => c.distanceM <= 3000)).toBe(true);
  });

  it('when the dispatcher holds one area only, then only that area’s cameras are nearest', async () => {
    const area = all.find((c) => c.classification === 'public')!.areaId;
    await server.db.query(`UPDATE users SET areas = $1 WHERE username = 'dispatcher'`, [[area]]);
    const dispatcher = await login(server.url, 'dispatcher');
    const elsewhere = all.find((c) => c.areaId !== area && c.classification === 'public')!;
    const near = await dispatcher.api.cameras.nearest({ ...elsewhere.location, limit: 20 });
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((c) => c.areaId === area)).toBe(true);
    await server.db.query(`UPDATE users SET areas = NULL WHERE username = 'dispatcher'`);
  });

  it('when the query is malformed, then 400 names the field', async () => {
    const missing = await get('/api/cameras/nearest?lng=106.1', operator);
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).fields).toHaveProperty('lat');
    const tooMany = await get('/api/cameras/nearest?lng=106.1&lat=21.2&limit=500', operator);
    expect(tooMany.status).toBe(400);
    expect((await errorOf(tooMany)).fields).toHaveProperty('limit');
    const anonymous = await fetch(`${server.url}/api/cameras/nearest?lng=106.1&lat=21.2`);
    expect(anonymous.status).toBe(401);
  });
});

describe('violations heatmap', () => {
  it('when violation events were stored, then the range sums them per camera and per type, and nothing else', async () => {
    const [a, b] = all.filter((c) => c.classification === 'public');
    const now = Date.now();
    await ingest([
      event(a!.id, 'red_light', new Date(now - 60_000)),
      event(a!.id, 'red_light', new Date(now - 120_000)),
      event(a!.id, 'red_light', new Date(now - 180_000)),
      event(b!.id, 'speeding', new Date(now - 60_000)),
      // Not a violation, and a violation outside the range: neither counts.
      event(a!.id, 'congestion', new Date(now - 60_000)),
      event(b!.id, 'speeding', new Date(now - 3 * 86_400_000)),
    ]);
    const range = { from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString() };
    const heat = await operator.api.map.violationHeat(range);
    expect(heat.total).toBe(4);
    expect(heat.byType).toEqual({ red_light: 3, speeding: 1 });
    expect(heat.points[0]).toEqual({ cameraId: a!.id, lng: a!.location.lng, lat: a!.location.lat, count: 3 });
    expect(heat.points[1]).toMatchObject({ cameraId: b!.id, count: 1 });

    const speedingOnly = await operator.api.map.violationHeat({ ...range, types: ['speeding'] });
    expect(speedingOnly.total).toBe(1);
    const wider = await operator.api.map.violationHeat({
      from: new Date(now - 4 * 86_400_000).toISOString(),
      to: range.to,
      types: ['speeding'],
    });
    expect(wider.total).toBe(2);
  });

  it('when the violation is at a secret camera, then only those cleared for it count it', async () => {
    const secret = all.find((c) => c.classification === 'secret')!;
    const now = Date.now();
    const range = { from: new Date(now - 600_000).toISOString(), to: new Date(now + 60_000).toISOString() };
    const before = await operator.api.map.violationHeat(range);
    await ingest([event(secret.id, 'wrong_way', new Date(now - 30_000))]);
    const forInvestigator = await investigator.api.map.violationHeat(range);
    expect(forInvestigator.points.some((p) => p.cameraId === secret.id)).toBe(true);
    const forOperator = await operator.api.map.violationHeat(range);
    expect(forOperator.total).toBe(before.total);
    expect(forOperator.points.some((p) => p.cameraId === secret.id)).toBe(false);
  });

  it('when the role may not see violations, or the range is wrong, then 403 / 400 naming the field', async () => {
    const dispatcher = await login(server.url, 'dispatcher');
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date().toISOString();
    const q = (f: string, t: string, extra = '') =>
      `/api/map/violation-heat?from=${encodeURIComponent(f)}&to=${encodeURIComponent(t)}${extra}`;
    expect((await get(q(from, to), dispatcher)).status).toBe(403);
    const backwards = await get(q(to, from), operator);
    expect(backwards.status).toBe(400);
    expect((await errorOf(backwards)).fields).toHaveProperty('to');
    const tooLong = await get(q(new Date(Date.now() - 100 * 86_400_000).toISOString(), to), operator);
    expect(tooLong.status).toBe(400);
    expect((await errorOf(tooLong)).fields).toHaveProperty('to');
    const badType = await get(q(from, to, '&types=accident'), operator);
    expect(badType.status).toBe(400);
    expect((await errorOf(badType)).fields).toHaveProperty('types.0');
  });
});

describe('a camera’s latest events', () => {
  it('when the popover asks for one camera’s events, then only its events come back, newest first', async () => {
    const [a, b] = all.filter((c) => c.classification === 'public').slice(5);
    const now = Date.now();
    await ingest([
      event(a!.id, 'accident', new Date(now - 5_000)),
      event(a!.id, 'congestion', new Date(now - 1_000)),
      event(b!.id, 'accident', new Date(now - 2_000)),
    ]);
    const { events } = await operator.api.events.list({ ...NO_EVENT_FILTER, cameraId: a!.id }, { limit: 10 });
    expect(events.map((e) => e.type)).toEqual(['congestion', 'accident']);
    expect(events.every((e) => e.cameraId === a!.id)).toBe(true);
  });

  it('when the camera is secret, then the operator gets 404 as for an unknown one', async () => {
    const secret = all.find((c) => c.classification === 'secret')!;
    expect((await get(`/api/events?camera=${secret.id}`, operator)).status).toBe(404);
    expect((await get(`/api/events?camera=cam-nope`, operator)).status).toBe(404);
    expect((await get(`/api/events?camera=${secret.id}`, investigator)).status).toBe(200);
  });
});

describe('embedded basemap', () => {
  it('when the basemap is read, then it has the 34 provinces of 2025, Bắc Ninh spanning former Bắc Giang', async () => {
    const basemap = await operator.api.map.basemap();
    const provinces = basemap.provinces.features.filter((f) => f.properties.id !== 'coastal-islands');
    expect(provinces).toHaveLength(34);
    const names = provinces.map((f) => f.properties.name);
    expect(names).toContain('Bắc Ninh');
    expect(names).not.toContain('Bắc Giang');
    const bacNinh = provinces.find((f) => f.properties.name === 'Bắc Ninh')!;
    // Bắc Giang city (former province seat) and Bắc Ninh city are both inside today's Bắc Ninh.
    expect(containsPoint(bacNinh.geometry.coordinates, [106.2, 21.28])).toBe(true);
    expect(containsPoint(bacNinh.geometry.coordinates, [106.07, 21.18])).toBe(true);
    expect(containsPoint(bacNinh.geometry.coordinates, [105.85, 21.03])).toBe(false); // Hà Nội
  });

  it('when the basemap is read, then Hoàng Sa and Trường Sa are Vietnamese land, labelled as Việt Nam’s', async () => {
    const basemap = await operator.api.map.basemap();
    const archipelagos = basemap.archipelagos.features;
    expect(archipelagos.map((f) => f.properties.id).sort()).toEqual(['hoang-sa', 'truong-sa']);
    expect(archipelagos.every((f) => f.properties.vietnam && f.geometry.coordinates.length >= 5)).toBe(true);
    const labels = basemap.labels.features.filter((l) => l.properties.kind === 'archipelago');
    expect(labels.map((l) => l.properties.name).sort()).toEqual([
      'Quần đảo Hoàng Sa (Việt Nam)',
      'Quần đảo Trường Sa (Việt Nam)',
    ]);
    // No other country's land is drawn over them.
    for (const country of basemap.countries.features.filter((f) => !f.properties.vietnam))
      expect(containsPoint(country.geometry.coordinates, [112.3, 16.8])).toBe(false);
  });

  it('when the console asks again with its ETag, then 304; a gzip-capable client gets it compressed', async () => {
    const first = await get('/api/map/basemap', operator, { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const etag = first.headers.get('etag')!;
    const again = await get('/api/map/basemap', operator, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await fetch(`${server.url}/api/map/basemap`)).status).toBe(401);
  });
});

/** Even–odd point-in-polygon over a MultiPolygon (enough for a test of which side of a border a town is). */
function containsPoint(polygons: [number, number][][][], [x, y]: [number, number]): boolean {
  let inside = false;
  for (const rings of polygons)
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
  return inside;
}
