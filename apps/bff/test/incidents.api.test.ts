import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, TimelineEntry } from '@c2/api-client/schemas/incident';
import { unitStatusSchema, type Unit, type UnitStatus } from '@c2/api-client/schemas/unit';
import { INGEST_HEADERS } from '@c2/api-client/ingest';
import { signIngest } from '../src/components/events/http/ingest-webhook';
import { hashPassword } from '../src/components/auth/domain/password';
import {
  dropSchema,
  errorOf,
  eventually,
  liveClient,
  login,
  PASSWORD,
  startTestServer,
  type Session,
} from './support/test-server';
import { alertsOf } from './support/alert-helpers';

const SECRET = 'incident-webhook-secret-0123456789';
// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let dataDir: string;
let dispatcher: Session;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'c2-incidents-'));
  server = await startTestServer({
    simUnits: 4,
    dataDir,
    ingestKeys: { 'edge-01': SECRET },
    // Nobody but the test moves the units: no simulated crew takes an assignment.
    simCrewResponseSeconds: 0,
    photoMaxBytes: 4096,
  });
  dispatcher = await login(server.url, 'dispatcher');
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function call(s: Session, method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${url}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** An accident event from an edge box through the signed webhook, as in production. */
async function accidentAt(cameraId: string): Promise<string> {
  const id = `evt-${randomUUID()}`;
  const body = JSON.stringify({
    id,
    cameraId,
    type: 'accident',
    severity: 'critical',
    ts: new Date(Date.now() - 30_000).toISOString(),
    objects: [{ label: 'car', confidence: 0.93 }],
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${server.url}/ingest/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INGEST_HEADERS.keyId]: 'edge-01',
      [INGEST_HEADERS.timestamp]: ts,
      [INGEST_HEADERS.signature]: signIngest(SECRET, ts, body),
    },
    body,
  });
  expect(res.status).toBe(200);
  return id;
}

const publicCameras = async () =>
  (await dispatcher.api.cameras.list()).filter((c) => c.classification === 'public');

async function newIncident(type: Incident['type'] = 'road_hazard'): Promise<Incident> {
  const camera = (await publicCameras())[3]!;
  return dispatcher.api.incidents.create({ type, cameraId: camera.id });
}

async function unit(id: string): Promise<Unit> {
  return (await dispatcher.api.units.list()).find((u) => u.id === id)!;
}

async function setStatus(unitId: string, status: UnitStatus): Promise<Response> {
  return call(dispatcher, 'POST', `/api/units/${unitId}/status`, { status });
}

/** Brings a unit to a status through legal steps (a fresh incident for the working ones). */
async function bringTo(unitId: string, status: UnitStatus): Promise<void> {
  if ((await unit(unitId)).status !== 'available')
    expect((await setStatus(unitId, 'available')).status).toBe(200);
  if (status === 'available') return;
  if (status === 'out_of_service') {
    expect((await setStatus(unitId, 'out_of_service')).status).toBe(200);
    return;
  }
  const incident = await newIncident();
  await dispatcher.api.incidents.assign(incident.id, { unitIds: [unitId] });
  const path: Partial<Record<UnitStatus, UnitStatus[]>> = {
    en_route: ['en_route'],
    on_scene: ['en_route', 'on_scene'],
    returning: ['en_route', 'on_scene', 'returning'],
  };
  for (const step of path[status] ?? []) expect((await setStatus(unitId, step)).status).toBe(200);
  expect((await unit(unitId)).status).toBe(status);
}

describe('incidents and dispatch', () => {
  it('when the dispatcher creates an incident from an accident event, then it is acknowledged at the camera with the event on its timeline', async () => {
    const camera = (await publicCameras())[0]!;
    const eventId = await accidentAt(camera.id);
    expect((await dispatcher.api.incidents.candidates()).map((e) => e.id)).toContain(eventId);

    const incident = await dispatcher.api.incidents.create({ type: 'accident', eventIds: [eventId] });

    expect(incident).toMatchObject({
      type: 'accident',
      priority: 'P1',
      state: 'acknowledged',
      location: camera.location,
      areaId: camera.areaId,
      address: camera.name,
      cameraIds: [camera.id],
      linkedEventIds: [eventId],
      linkedAlertIds: [],
    });
    expect(incident.code).toMatch(/^SV-\d{8}-\d{4}$/);
    // Measured from the event (30 s before it was sent), not from the click.
    expect(incident.measures.acknowledgeSeconds).toBeGreaterThanOrEqual(29);
    expect(incident.measures.responseTargetSeconds).toBe(600);
    expect(incident.measures.responseBreached).toBe(false);
    const timeline = await dispatcher.api.incidents.timeline(incident.id);
    expect(timeline.map((t) => t.kind)).toEqual(['event', 'state']);
    expect(timeline[1]).toMatchObject({
      actor: { name: 'Trần Thị Bình (điều phối)' },
      data: { to: 'acknowledged' },
    });
    expect((await dispatcher.api.incidents.candidates()).map((e) => e.id)).not.toContain(eventId);

    // An event belongs to one incident.
    const again = await call(dispatcher, 'POST', '/api/incidents', { type: 'accident', eventIds: [eventId] });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toContain(incident.code);
  });

  it('when an incident names nothing to locate it, or a bad type, then 400 names the field', async () => {
    const res = await call(dispatcher, 'POST', '/api/incidents', { type: 'accident' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields).toHaveProperty('location');
    const bad = await call(dispatcher, 'POST', '/api/incidents', {
      type: 'meteor',
      location: { lng: 106, lat: 21 },
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty('type');
    const noUnits = await call(dispatcher, 'POST', `/api/incidents/${randomUUID()}/assignments`, {
      unitIds: [],
    });
    expect(noUnits.status).toBe(400);
    expect((await errorOf(noUnits)).fields).toHaveProperty('unitIds');
  });

  it('when an incident is opened from an alert, then it carries the alert; an alert the caller cannot see is not found', async () => {
    const camera = (await publicCameras())[5]!;
    await accidentAt(camera.id);
    // The accident rule raises an alert from the event.
    const alert = await eventually(async () => {
      const a = (await alertsOf(server.url, dispatcher)).find((x) => x.cameraId === camera.id);
      expect(a).toBeDefined();
      return a!;
    });
    const incident = await dispatcher.api.incidents.create({ type: 'accident', alertIds: [alert.id] });
    expect(incident.linkedAlertIds).toEqual([alert.id]);
    expect(incident.priority).toBe(alert.priority);
    const other = await newIncident();
    const unknown = await call(dispatcher, 'POST', `/api/incidents/${other.id}/links`, {
      alertIds: ['alert-that-does-not-exist'],
    });
    expect(unknown.status).toBe(404);
  });

  it('when the nearest unit is suggested, assigned and worked from the field view, then the dispatcher sees every step live and the arrival is measured', async () => {
    const camera = (await publicCameras())[1]!;
    const incident = await dispatcher.api.incidents.create({
      type: 'accident',
      eventIds: [await accidentAt(camera.id)],
    });
    const live = liveClient(server.url, dispatcher.cookie);
    await live.ready;

    const suggestions = await eventually(async () => {
      const s = await dispatcher.api.incidents.suggestions(incident.id, 10);
      expect(s.length).toBe(4);
      return s;
    }, 10_000);
    const etas = suggestions.map((s) => s.etaSeconds);
    expect([...etas].sort((a, b) => a - b)).toEqual(etas);
    expect(suggestions.every((s) => s.unit.status === 'available' && s.distanceMeters > 0)).toBe(true);
    const chosen = suggestions[0]!.unit;

    const dispatched = await dispatcher.api.incidents.assign(incident.id, { unitIds: [chosen.id] });
    expect(dispatched.state).toBe('dispatched');
    expect(dispatched.assignments[0]).toMatchObject({ unitId: chosen.id, active: true, etaSeconds: etas[0] });
    expect(dispatched.measures.dispatchSeconds).not.toBeNull();

    // The crew signs in with its call sign and sees the assignment with the location.
    const crew = await login(server.url, chosen.callSign.toLowerCase());
    const view = await crew.api.field.assignment();
    expect(view.unit.id).toBe(chosen.id);
    expect(view.incident).toMatchObject({ id: incident.id, location: camera.location, type: 'accident' });
    expect((await crew.api.field.accept()).assignment?.acceptedAt).not.toBeNull();
    expect((await crew.api.field.status({ status: 'en_route' })).unit.status).toBe('en_route');
    await crew.api.field.note({ text: 'Đường đông, dự kiến 5 phút' });
    const onScene = await crew.api.field.status({ status: 'on_scene' });
    expect(onScene.unit).toMatchObject({ status: 'on_scene', incidentId: incident.id });

    const seen = await eventually(() => {
      const states = live.received.flatMap((e) =>
        e.topic === 'incident.changed' && e.data.id === incident.id ? [e.data.state] : [],
      );
      const units = live.received.flatMap((e) =>
        e.topic === 'unit.changed' && e.data.id === chosen.id ? [e.data.status] : [],
      );
      expect(states).toContain('on_scene');
      expect(units).toEqual(expect.arrayContaining(['assigned', 'en_route', 'on_scene']));
      return { states, units };
    });
    expect(seen.states[0]).toBe('dispatched');
    live.socket.close();

    const arrived = await dispatcher.api.incidents.get(incident.id);
    expect(arrived.state).toBe('on_scene');
    expect(arrived.arrivedAt).not.toBeNull();
    expect(arrived.measures.arriveSeconds).toBeGreaterThanOrEqual(29);
    expect(arrived.measures.responseBreached).toBe(false);
    const [row] = await server.db.query<{ arrive_seconds: number; response_breached: boolean }>(
      'SELECT arrive_seconds, response_breached FROM incident_measures WHERE incident_id = $1',
      [incident.id],
    );
    expect(row?.arrive_seconds).toBeCloseTo(arrived.measures.arriveSeconds!, 3);
    expect(row?.response_breached).toBe(false);

    // Done: the unit clears and returns; with no unit left on it the scene is resolved.
    const done = await crew.api.field.status({ status: 'returning' });
    expect(done.unit.status).toBe('returning');
    expect(done.assignment).toMatchObject({ active: false, endReason: 'completed' });
    const resolved = await dispatcher.api.incidents.get(incident.id);
    expect(resolved.state).toBe('resolved');
    expect(resolved.measures.resolveSeconds).not.toBeNull();

    const kinds = (await dispatcher.api.incidents.timeline(incident.id)).map((t) =>
      t.kind === 'unit_status'
        ? `${t.data.change}:${t.data.to}`
        : t.kind === 'state'
          ? `state:${t.data.to}`
          : t.kind,
    );
    expect(kinds).toEqual([
      'event',
      'state:acknowledged',
      'assigned:assigned',
      'state:dispatched',
      'accepted:assigned',
      'status:en_route',
      'note',
      'status:on_scene',
      'state:on_scene',
      'status:returning',
      'state:resolved',
    ]);

    const closed = await dispatcher.api.incidents.close(incident.id, {
      outcome: 'handled',
      note: 'Đã giải tỏa',
    });
    expect(closed).toMatchObject({ state: 'closed', outcome: 'handled' });
    const late = await call(dispatcher, 'POST', `/api/incidents/${incident.id}/notes`, { text: 'x' });
    expect(late.status).toBe(409);
    expect((await errorOf(late)).fields).toMatchObject({ reason: 'incident_closed' });
    expect((await setStatus(chosen.id, 'available')).status).toBe(200);
  });

  it('when a status change is asked for in every status, then exactly the CAD table is allowed and the rest answer 409 with the reason', async () => {
    const allowed = new Set([
      'available>out_of_service',
      'assigned>en_route',
      'assigned>on_scene',
      'assigned>available',
      'assigned>out_of_service',
      'en_route>on_scene',
      'en_route>available',
      'en_route>out_of_service',
      'on_scene>returning',
      'on_scene>available',
      'returning>available',
      'returning>out_of_service',
      'out_of_service>available',
    ]);
    const unitId = 'unit-002';
    for (const from of unitStatusSchema.options) {
      for (const to of unitStatusSchema.options) {
        await bringTo(unitId, from);
        const res = await setStatus(unitId, to);
        if (allowed.has(`${from}>${to}`)) {
          expect(res.status, `${from} > ${to}`).toBe(200);
          expect(((await res.json()) as Unit).status).toBe(to);
        } else {
          expect(res.status, `${from} > ${to}`).toBe(409);
          const error = await errorOf(res);
          expect(error.code).toBe('illegal_transition');
          expect(error.fields).toMatchObject({ from, to });
          expect(error.fields?.reason).toMatch(/^[a-z_]+$/);
          expect(error.message).toContain(`cannot go from ${from} to ${to}`);
          expect((await unit(unitId)).status).toBe(from);
        }
      }
    }
  }, 120_000);

  it('when a unit is dispatched from every status, then only available and returning units go; a working one needs reassign', async () => {
    const unitId = 'unit-003';
    const expected: Record<UnitStatus, number> = {
      available: 200,
      assigned: 409,
      en_route: 409,
      on_scene: 409,
      returning: 200,
      out_of_service: 409,
    };
    for (const from of unitStatusSchema.options) {
      await bringTo(unitId, from);
      const target = await newIncident();
      const res = await call(dispatcher, 'POST', `/api/incidents/${target.id}/assignments`, {
        unitIds: [unitId],
      });
      expect(res.status, from).toBe(expected[from]);
      if (res.status === 409) expect((await errorOf(res)).fields).toMatchObject({ from, to: 'assigned' });
    }
  }, 60_000);

  it('when an en-route unit is reassigned, then it leaves its first incident, which says so and goes back to acknowledged', async () => {
    const unitId = 'unit-004';
    await bringTo(unitId, 'available');
    const first = await newIncident();
    const second = await newIncident('congestion');
    await dispatcher.api.incidents.assign(first.id, { unitIds: [unitId] });
    expect((await setStatus(unitId, 'en_route')).status).toBe(200);

    const busy = await call(dispatcher, 'POST', `/api/incidents/${second.id}/assignments`, {
      unitIds: [unitId],
    });
    expect(busy.status).toBe(409);
    expect((await errorOf(busy)).fields).toMatchObject({ reason: 'unit_busy' });

    const moved = await dispatcher.api.incidents.assign(second.id, { unitIds: [unitId], reassign: true });
    expect(moved.state).toBe('dispatched');
    const left = await dispatcher.api.incidents.get(first.id);
    expect(left.state).toBe('acknowledged');
    expect(left.assignments[0]).toMatchObject({ active: false, endReason: 'reassigned' });
    const entry = (await dispatcher.api.incidents.timeline(first.id)).find(
      (t): t is Extract<TimelineEntry, { kind: 'unit_status' }> =>
        t.kind === 'unit_status' && t.data.change === 'reassigned',
    );
    expect(entry?.data.reason).toBe(second.code);
    expect(await unit(unitId)).toMatchObject({ status: 'assigned', incidentId: second.id });

    // Closing as a false alarm sends the unit back to service.
    const closed = await dispatcher.api.incidents.close(second.id, { outcome: 'false_alarm' });
    expect(closed.assignments[0]).toMatchObject({ active: false, endReason: 'incident_ended' });
    expect(closed.resolvedAt).toBeNull();
    expect(await unit(unitId)).toMatchObject({ status: 'available', incidentId: null });
  });

  it('when a crew uploads photos, then only real images within the size limit are kept, by a generated name, and served back', async () => {
    const unitId = 'unit-001';
    await bringTo(unitId, 'available');
    const incident = await newIncident();
    await dispatcher.api.incidents.assign(incident.id, { unitIds: [unitId] });
    const crew = await login(server.url, 'csgt-01');
    const upload = (data: Buffer, type: string) =>
      fetch(`${server.url}/api/field/assignment/photos`, {
        method: 'POST',
        headers: {
          cookie: crew.cookie,
          'x-csrf-token': crew.csrf,
          'content-type': type,
          'x-file-name': '../../x.png',
        },
        body: data,
      });

    const entry = await crew.api.field.photo(PNG, 'image/png');
    expect(entry.kind).toBe('attachment');
    if (entry.kind !== 'attachment') return;
    expect(entry.data).toMatchObject({ contentType: 'image/png', bytes: PNG.length, unitId });
    const stored = await fs.readdir(path.join(dataDir, 'attachments', incident.id));
    expect(stored).toEqual([`${entry.data.attachmentId}.png`]);
    const back = await fetch(
      `${server.url}/api/incidents/${incident.id}/attachments/${entry.data.attachmentId}`,
      {
        headers: { cookie: dispatcher.cookie },
      },
    );
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await back.arrayBuffer())).toEqual(PNG);

    const lying = await upload(PNG, 'image/jpeg');
    expect(lying.status).toBe(400);
    expect((await errorOf(lying)).fields).toHaveProperty('content-type');
    const script = await upload(Buffer.from('<svg onload="alert(1)"/>'), 'image/png');
    expect(script.status).toBe(400);
    const huge = await upload(Buffer.concat([PNG, Buffer.alloc(5000)]), 'image/png');
    expect(huge.status).toBe(413);
    expect(await fs.readdir(path.join(dataDir, 'attachments', incident.id))).toHaveLength(1);
    expect((await crew.api.field.assignment()).notes.map((n) => n.kind)).toEqual(['attachment']);
  });

  it('when a field account reaches beyond its own assignment, then it is refused; a desk role cannot use the field view', async () => {
    const crew = await login(server.url, 'csgt-02');
    expect((await call(crew, 'GET', '/api/incidents')).status).toBe(403);
    expect((await call(crew, 'POST', '/api/units/unit-001/status', { status: 'available' })).status).toBe(
      403,
    );
    expect((await call(dispatcher, 'GET', '/api/field/assignment')).status).toBe(403);
    await bringTo('unit-002', 'available');
    const idle = await call(crew, 'POST', '/api/field/assignment/accept', {});
    expect(idle.status).toBe(409);
    expect((await errorOf(idle)).fields).toMatchObject({ reason: 'no_assignment' });
    const skip = await call(crew, 'POST', '/api/field/status', { status: 'on_scene' });
    expect(skip.status).toBe(409);
    expect((await errorOf(skip)).fields).toMatchObject({ reason: 'not_assigned' });
  });

  it('when a dispatcher of another area asks for an incident or its units, then they do not exist for them', async () => {
    const incident = await newIncident();
    await server.db.query(
      `INSERT INTO users (id, username, display_name, role, areas, password_hash) VALUES ($1, 'dispatcher-far', 'Far', 'dispatcher', $2, $3)`,
      [randomUUID(), ['x-nowhere'], await hashPassword(PASSWORD)],
    );
    const far = await login(server.url, 'dispatcher-far');
    expect((await call(far, 'GET', `/api/incidents/${incident.id}`)).status).toBe(404);
    expect(await far.api.incidents.list()).toEqual([]);
    expect((await call(far, 'POST', `/api/units/unit-001/status`, { status: 'out_of_service' })).status).toBe(
      404,
    );
  });

  it('when cameras near an incident are asked for, then they come nearest first, the incident camera first of all', async () => {
    const camera = (await publicCameras())[5]!;
    const incident = await dispatcher.api.incidents.create({ type: 'road_hazard', cameraId: camera.id });
    const near = await dispatcher.api.incidents.nearestCameras(incident.id, 4);
    expect(near[0]).toMatchObject({ camera: { id: camera.id }, distanceMeters: 0 });
    const d = near.map((n) => n.distanceMeters);
    expect(near.length).toBeGreaterThan(1);
    expect(d.every((m) => m <= 5000)).toBe(true);
  });
});

describe('the simulated province without anyone in the field', () => {
  let sim: Server;
  let desk: Session;
  beforeAll(async () => {
    sim = await startTestServer({
      simUnits: 2,
      simCrewResponseSeconds: 1,
      simCrewSceneSeconds: 2,
      simSpeedup: 20,
    });
    desk = await login(sim.url, 'dispatcher');
  });
  afterAll(async () => {
    await sim.stop();
    await dropSchema(sim.schema);
  });

  it('when a unit is assigned and nobody answers, then its simulated crew drives there, works the scene and returns', async () => {
    const start = await eventually(async () => {
      const u = (await desk.api.units.list())[0]!;
      expect(u.position).not.toBeNull();
      return u;
    }, 10_000);
    const incident = await desk.api.incidents.create({ type: 'accident', location: start.position! });
    await desk.api.incidents.assign(incident.id, { unitIds: [start.id] });

    const done = await eventually(async () => {
      const i = await desk.api.incidents.get(incident.id);
      expect(i.state).toBe('resolved');
      return i;
    }, 30_000);
    expect(done.arrivedAt).not.toBeNull();
    expect(done.assignments[0]).toMatchObject({ endReason: 'completed' });
    expect(done.assignments[0]!.enRouteAt).not.toBeNull();
    const steps = (await desk.api.incidents.timeline(incident.id)).flatMap((t) =>
      t.kind === 'unit_status' && t.data.change === 'status' ? [`${t.actor?.name}:${t.data.to}`] : [],
    );
    expect(steps).toEqual([
      `${start.callSign}:en_route`,
      `${start.callSign}:on_scene`,
      `${start.callSign}:returning`,
    ]);
  }, 60_000);
});
