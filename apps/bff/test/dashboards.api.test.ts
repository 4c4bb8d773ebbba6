import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticalDashboard, KpiTargets, StrategicDashboard } from '@c2/api-client/schemas/dashboard';
import { hashPassword } from '../src/components/auth/domain/password';
import { insertUser } from '../src/components/auth/data/user-store';
import { closeCameraDays } from '../src/components/dashboards/data/availability-store';
import {
  dropSchema,
  errorOf,
  login,
  PASSWORD,
  startTestServer,
  usernameOf,
  type Session,
} from './support/test-server';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let leader: Session;
let admin: Session;
let cameras: Array<{ id: string; area_id: string; road_id: string | null; classification: string }>;

const TYPES = ['speeding', 'red_light', 'no_helmet'] as const;
const HOUR = 3_600_000;

/** Local (UTC+7) day of an instant. */
const localDay = (t: number) => new Date(t + 7 * HOUR).toISOString().slice(0, 10);
const today = () => localDay(Date.now());
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function get(s: Session, url: string): Promise<Response> {
  return fetch(`${server.url}${url}`, { headers: { cookie: s.cookie } });
}

async function insertViolations(
  rows: Array<{ id: string; camera: (typeof cameras)[number]; type: string; ts: Date; status?: string }>,
) {
  if (rows.length === 0) return;
  const values: string[] = [];
  const params: Array<string | number> = [];
  for (const r of rows) {
    const b = params.length;
    params.push(r.id, r.camera.id, r.camera.area_id, r.type, r.ts.toISOString(), r.status ?? 'pending');
    values.push(
      `($${b + 1}, 'test', $${b + 2}, $${b + 3}, 0, $${b + 4}, '99A-123.45', '99A-123.45', '99A12345', 0.9,
        $${b + 5}::timestamptz, $${b + 5}::timestamptz, '[]', '{"evidence": []}', $${b + 6},
        $${b + 5}::timestamptz + interval '1 hour')`,
    );
  }
  await server.db.query(
    `INSERT INTO violations (id, source, camera_id, area_id, tier, type, plate_detected, plate, plate_norm,
       plate_confidence, ts, received_at, evidence, record, status, updated_at) VALUES ${values.join(', ')}`,
    params,
  );
}

/** What the raw table says for the last 7 local days (the dashboards' default range), by a dimension. */
async function rawCounts(dimension: 'type' | 'c.road_id' | 'v.area_id', extra = 'TRUE', args: string[] = []) {
  const rows = await server.db.query<{ key: string | null; n: number }>(
    `SELECT ${dimension} AS key, count(*)::int AS n FROM violations v LEFT JOIN cameras c ON c.id = v.camera_id
     WHERE v.ts >= $1 AND v.ts < $2 AND ${extra} GROUP BY 1`,
    [dayStart(addDays(today(), -6)), dayStart(addDays(today(), 1)), ...args],
  );
  return Object.fromEntries(rows.filter((r) => r.key !== null).map((r) => [r.key!, r.n]));
}

beforeAll(async () => {
  server = await startTestServer();
  leader = await login(server.url, usernameOf('leader'));
  admin = await login(server.url, usernameOf('admin'));
  cameras = await server.db.query(
    `SELECT id, area_id, road_id, classification FROM cameras WHERE classification = 'public' AND road_id IS NOT NULL
     ORDER BY id`,
  );
  // Spread over the last three days and several cameras, roads and types; some decided, some not.
  const now = Date.now();
  const rows = Array.from({ length: 120 }, (_, i) => ({
    id: `dash-v-${i}`,
    camera: cameras[i % 7]!,
    type: TYPES[i % TYPES.length]!,
    ts: new Date(now - (i % 70) * HOUR - 60_000),
    status: i % 4 === 0 ? 'verified' : i % 5 === 0 ? 'rejected' : 'pending',
  }));
  // One batch and then single rows: both paths of the statement trigger.
  await insertViolations(rows.slice(0, 100));
  for (const r of rows.slice(100)) await insertViolations([r]);
  // Twelve days ago: in the previous 7-day period only.
  await insertViolations(
    Array.from({ length: 9 }, (_, i) => ({
      id: `dash-old-${i}`,
      camera: cameras[0]!,
      type: 'speeding',
      ts: new Date(now - 12 * 24 * HOUR - i * HOUR),
    })),
  );
});
afterAll(async () => {
  await server.stop();
  await dropSchema(server.schema);
});

describe('dashboards', () => {
  it('when violations are stored, decided and deleted, then the analytical figures equal the raw counts', async () => {
    await server.db.query(
      `UPDATE violations SET status = 'verified', updated_at = now() WHERE id IN ('dash-v-1', 'dash-v-2')`,
    );
    await server.db.query(`DELETE FROM violations WHERE id = 'dash-v-3'`);
    const d = (await leader.api.dashboards.analytical()) as AnalyticalDashboard;

    const byType = await rawCounts('type');
    expect(Object.fromEntries(d.byType.map((r) => [r.key, r.count]))).toEqual(byType);
    const byRoad = await rawCounts('c.road_id');
    expect(Object.fromEntries(d.byRoad.map((r) => [r.key, r.count]))).toEqual(byRoad);
    const total = Object.values(byType).reduce((a, b) => a + b, 0);
    expect(total).toBe(119);
    expect(d.totals.violations).toBe(total);
    expect(d.series.reduce((s, p) => s + p.violations, 0)).toBe(total);
    const [raw] = await server.db.query<{ verified: number; rejected: number; reviewed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'verified')::int AS verified,
              count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
              count(*) FILTER (WHERE status <> 'pending')::int AS reviewed
       FROM violations WHERE ts >= $1`,
      [dayStart(addDays(today(), -6))],
    );
    expect({ verified: d.totals.verified, rejected: d.totals.rejected, reviewed: d.totals.reviewed }).toEqual(
      raw,
    );
    // The heat grid holds every violation once, at its local weekday (Monday first) and hour.
    expect(d.heat!.flat().reduce((a, b) => a + b, 0)).toBe(total);
    const cells = await server.db.query<{ dow: number; h: number; n: number }>(
      `SELECT extract(isodow FROM ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS dow,
              extract(hour FROM ts AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS h, count(*)::int AS n
       FROM violations WHERE ts >= $1 GROUP BY 1, 2`,
      [dayStart(addDays(today(), -6))],
    );
    for (const c of cells) expect(d.heat![c.dow - 1]![c.h]).toBe(c.n);
  });

  it('when filtered by road, type or camera, then only the matching violations are counted', async () => {
    const road = cameras[0]!.road_id!;
    const byRoad = (await leader.api.dashboards.analytical({ road })) as AnalyticalDashboard;
    const raw = await rawCounts('type', 'c.road_id = $3', [road]);
    expect(Object.fromEntries(byRoad.byType.map((r) => [r.key, r.count]))).toEqual(raw);
    expect(byRoad.byRoad.map((r) => r.key)).toEqual([road]);

    const speeding = (await leader.api.dashboards.analytical({ type: 'speeding' })) as AnalyticalDashboard;
    expect(speeding.byType.map((r) => r.key)).toEqual(['speeding']);
    expect(speeding.totals.violations).toBe((await rawCounts('type'))['speeding']);

    const cam = cameras[1]!;
    const one = (await leader.api.dashboards.analytical({ camera: cam.id })) as AnalyticalDashboard;
    const [n] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM violations WHERE camera_id = $1 AND ts >= $2',
      [cam.id, dayStart(addDays(today(), -6))],
    );
    expect(one.topCameras).toEqual([expect.objectContaining({ key: cam.id, count: n!.n })]);
    // Events and the heat grid are kept by place, not per camera: said so, not faked.
    expect(one.totals.events).toBeNull();
    expect(one.heat).toBeNull();
  });

  it('when asked by the hour, then each hour holds the raw count of that hour', async () => {
    const from = addDays(today(), -2);
    const d = (await leader.api.dashboards.analytical({
      from,
      to: today(),
      granularity: 'hour',
    })) as AnalyticalDashboard;
    expect(d.series).toHaveLength(72);
    const raw = await server.db.query<{ h: Date; n: number }>(
      `SELECT date_trunc('hour', ts) AS h, count(*)::int AS n FROM violations WHERE ts >= $1 GROUP BY 1`,
      [dayStart(from)],
    );
    const byHour = new Map(raw.map((r) => [new Date(r.h).toISOString(), r.n]));
    for (const p of d.series) expect(p.violations, p.bucket).toBe(byHour.get(p.bucket) ?? 0);

    // Events and congestion per hour (hours already over: the simulator keeps sending into this one).
    const thisHour = new Date(Math.floor(Date.now() / HOUR) * HOUR).toISOString();
    const events = await server.db.query<{ h: Date; n: number; c: number }>(
      `SELECT date_trunc('hour', ts) AS h, count(*)::int AS n, count(*) FILTER (WHERE type = 'congestion')::int AS c
       FROM analytics_events WHERE ts >= $1 AND ts < $2 GROUP BY 1`,
      [dayStart(from), thisHour],
    );
    const eventsAt = new Map(events.map((r) => [new Date(r.h).toISOString(), r]));
    for (const p of d.series.filter((x) => x.bucket < thisHour)) {
      expect(p.events, p.bucket).toBe(eventsAt.get(p.bucket)?.n ?? 0);
      expect(p.congestion, p.bucket).toBe(eventsAt.get(p.bucket)?.c ?? 0);
    }

    // A violation moved to another hour and one deleted: every hour follows; a type filter counts that type only.
    await server.db.query(`UPDATE violations SET ts = ts - interval '5 hours' WHERE id = 'dash-v-10'`);
    await server.db.query(`DELETE FROM violations WHERE id = 'dash-v-11'`);
    for (const type of [undefined, 'speeding'] as const) {
      const again = (await leader.api.dashboards.analytical({
        from,
        to: today(),
        granularity: 'hour',
        ...(type ? { type } : {}),
      })) as AnalyticalDashboard;
      const rows = await server.db.query<{ h: Date; n: number }>(
        `SELECT date_trunc('hour', ts) AS h, count(*)::int AS n FROM violations
         WHERE ts >= $1 AND ($2::text IS NULL OR type = $2) GROUP BY 1`,
        [dayStart(from), type ?? null],
      );
      const at = new Map(rows.map((r) => [new Date(r.h).toISOString(), r.n]));
      for (const p of again.series) expect(p.violations, `${type} ${p.bucket}`).toBe(at.get(p.bucket) ?? 0);
      expect(again.heat!.flat().reduce((a, b) => a + b, 0)).toBe(rows.reduce((a, r) => a + r.n, 0));
    }
  });

  it('when compared with the previous period, then the previous totals are those of the 7 days before', async () => {
    const d = (await leader.api.dashboards.analytical({ compare: 'previous' })) as AnalyticalDashboard;
    expect(d.previous).not.toBeNull();
    expect(d.previous!.to).toBe(addDays(today(), -7));
    expect(d.previous!.totals.violations).toBe(9);
    expect(d.previous!.series).toHaveLength(7);
    // A previous period with nothing in it answers zeros, not a failure.
    const empty = (await leader.api.dashboards.analytical({
      from: addDays(today(), -40),
      to: addDays(today(), -35),
      compare: 'previous',
    })) as AnalyticalDashboard;
    expect(empty.totals.violations).toBe(0);
    expect(empty.previous!.totals).toEqual(
      expect.objectContaining({ violations: 0, reviewed: 0, verified: 0, rejected: 0 }),
    );
    const strategic = (await leader.api.dashboards.strategic({
      from: addDays(today(), -40),
      to: addDays(today(), -35),
    })) as StrategicDashboard;
    expect(strategic.violationsByRoad).toEqual([]);
  });

  it('when AI events arrive, then the event totals and the live events per minute count them', async () => {
    const cam = cameras[2]!;
    await server.db.query(
      `INSERT INTO analytics_events (id, camera_id, area_id, type, severity, ts, objects, metadata)
       SELECT 'dash-e-' || g, $1, $2, CASE WHEN g % 3 = 0 THEN 'congestion' ELSE 'wrong_way' END, 'minor',
              now() - (g || ' minutes')::interval, '[]', '{}' FROM generate_series(1, 30) g`,
      [cam.id, cam.area_id],
    );
    const [raw] = await server.db.query<{ n: number; c: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE type = 'congestion')::int AS c FROM analytics_events
       WHERE ts >= $1`,
      [dayStart(addDays(today(), -6))],
    );
    const d = (await leader.api.dashboards.analytical({ area: cam.area_id })) as AnalyticalDashboard;
    const [inArea] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM analytics_events WHERE ts >= $1 AND area_id = $2`,
      [dayStart(addDays(today(), -6)), cam.area_id],
    );
    expect(d.totals.events).toBe(inArea!.n);
    const all = (await leader.api.dashboards.analytical()) as AnalyticalDashboard;
    expect(all.totals.events).toBe(raw!.n);
    expect(all.totals.congestion).toBe(raw!.c);
    expect(all.traffic.find((t) => t.key === cam.road_id)?.congestion).toBeGreaterThanOrEqual(10);

    const live = await leader.api.dashboards.operational();
    const [lastHour] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM analytics_events WHERE ts >= $1`,
      [live.eventsPerMinute[0]!.minute],
    );
    expect(live.eventsPerMinute).toHaveLength(60);
    expect(live.eventsPerMinute.reduce((s, p) => s + p.count, 0)).toBe(lastHour!.n);
    expect(live.cameras.total).toBeGreaterThan(0);
    expect(live.openAlerts.map((a) => a.priority)).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('when a leader opens the strategic dashboard, then KPIs carry targets and the road bars match the raw counts', async () => {
    // Just inside the default 30 days and just before it: a month read whole less its days outside the range must
    // leave the earlier ones out.
    await insertViolations(
      [-29, -31, -33].map((d, i) => ({
        id: `dash-edge-${i}`,
        camera: cameras[3]!,
        type: 'speeding',
        ts: new Date(Date.parse(dayStart(addDays(today(), d))) + HOUR),
        status: 'verified',
      })),
    );
    const d = (await leader.api.dashboards.strategic()) as StrategicDashboard;
    const keys = d.kpis.map((k) => k.key);
    expect(keys).toEqual([
      'coverage_ward',
      'coverage_commune',
      'camera_availability',
      'reviewed_in_sla',
      'accident_change',
      'response_avg',
      'response_p90',
      'sop_compliance',
    ]);
    const ward = d.kpis.find((k) => k.key === 'coverage_ward')!;
    expect(ward.target).toBe(50);
    expect(ward.denominator).toBeGreaterThan(0);
    expect(ward.status).toBe(ward.value! >= 50 ? 'good' : 'bad');
    const raw = await server.db.query<{ road_id: string; n: number }>(
      `SELECT c.road_id, count(*)::int AS n FROM violations v JOIN cameras c ON c.id = v.camera_id
       WHERE v.ts >= $1 AND c.road_id IS NOT NULL GROUP BY 1`,
      [dayStart(addDays(today(), -29))],
    );
    expect(Object.fromEntries(d.violationsByRoad.map((r) => [r.key, r.count]))).toEqual(
      Object.fromEntries(raw.map((r) => [r.road_id, r.n])),
    );
  });

  it('when incidents are opened and a unit arrives at one, then the incident rollup counts them and the arrival within target', async () => {
    const dispatcher = await login(server.url, usernameOf('dispatcher'));
    const a = await dispatcher.api.incidents.create({ type: 'accident', cameraId: cameras[1]!.id });
    const b = await dispatcher.api.incidents.create({ type: 'road_hazard', cameraId: cameras[2]!.id });
    // The first unit reached the accident five minutes after it was detected (target: 10 minutes).
    await server.db.query(
      `UPDATE incidents SET arrived_at = detected_at + interval '5 minutes' WHERE id = $1`,
      [a.id],
    );
    const rows = await server.db.query<{ opened: number; arrived: number; within: number; seconds: number }>(
      `SELECT sum(opened)::int AS opened, sum(arrived)::int AS arrived, sum(arrived_within_target)::int AS within,
              sum(arrive_seconds_sum)::float8 AS seconds
       FROM dash_incidents_hourly`,
    );
    const [raw] = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incidents`);
    expect(rows[0]).toEqual({ opened: raw!.n, arrived: 1, within: 1, seconds: 300 });
    expect(b.id).not.toBe(a.id);

    // Incident records began today: one day is too few to scale accidents to a year.
    const s = (await leader.api.dashboards.strategic()) as StrategicDashboard;
    expect(s.accidents).toEqual(expect.objectContaining({ recordedDays: 1, perYear: null }));
    expect(s.accidents.count).toBeGreaterThanOrEqual(1);
    expect(s.kpis.find((k) => k.key === 'accident_change')).toEqual(
      expect.objectContaining({ value: null, status: 'unknown' }),
    );
    const avg = s.kpis.find((k) => k.key === 'response_avg')!;
    expect(avg).toEqual(expect.objectContaining({ value: 300, status: 'good' }));
  });

  it('when the strategic range spans whole months, then months and partial days add up to the raw counts', async () => {
    const from = addDays(today(), -364);
    const d = (await leader.api.dashboards.strategic({ from, to: today() })) as StrategicDashboard;
    const raw = await server.db.query<{ road_id: string; n: number }>(
      `SELECT c.road_id, count(*)::int AS n FROM violations v JOIN cameras c ON c.id = v.camera_id
       WHERE v.ts >= $1 AND c.road_id IS NOT NULL GROUP BY 1`,
      [dayStart(from)],
    );
    expect(Object.fromEntries(d.violationsByRoad.map((r) => [r.key, r.count]))).toEqual(
      Object.fromEntries(raw.map((r) => [r.road_id, r.n])),
    );
    // Rows of earlier months are read from the monthly rollup, those of the partial months from the daily one.
    expect(d.violationsByRoad.reduce((s, r) => s + r.count, 0)).toBe(raw.reduce((s, r) => s + r.n, 0));
  });

  it('when a camera was offline part of a day, then availability over the period counts that time down and VMS silence not at all', async () => {
    const cam = cameras.find((c) => c.area_id !== cameras[0]!.area_id) ?? cameras[0]!;
    const d = addDays(today(), -3);
    const at = (day: string, h: number) => new Date(Date.parse(dayStart(day)) + h * HOUR).toISOString();
    // History only ever grows at its end; this one is written into the past, so the days the job closed at start
    // are opened again first. Day d: up 00–06, offline 06–12, up again. Next day: the VMS silent until noon, up.
    await server.db.query(`UPDATE dash_rollup_marks SET through = NULL WHERE name = 'camera_daily'`);
    await server.db.query('DELETE FROM dash_camera_daily');
    await server.db.query(
      `INSERT INTO camera_status_history (camera_id, state, since) SELECT $1, s, t::timestamptz
       FROM unnest($2::text[], $3::text[]) AS x(s, t)`,
      [
        cam.id,
        ['online', 'offline', 'online', 'unknown', 'online'],
        [at(d, 0), at(d, 6), at(d, 12), at(addDays(d, 1), 0), at(addDays(d, 1), 12)],
      ],
    );
    const availability = async (from: string, to: string) => {
      const s = (await leader.api.dashboards.strategic({
        from,
        to,
        area: cam.area_id,
      })) as StrategicDashboard;
      return s.kpis.find((k) => k.key === 'camera_availability')!;
    };
    // Not closed yet: computed from the history.
    const open = await availability(d, d);
    expect(open).toEqual(expect.objectContaining({ value: 75, numerator: 18, denominator: 24 }));
    expect(open.status).toBe('bad');

    // Closed into the rollup: the same figures, and a range reaching today adds today's live part.
    expect(await closeCameraDays(server.db, addDays(today(), -1))).toBeGreaterThanOrEqual(3);
    const [closed] = await server.db.query<{ observed: number; down: number }>(
      'SELECT observed, down FROM dash_camera_daily WHERE area_id = $1 AND day = $2',
      [cam.area_id, d],
    );
    expect(closed).toEqual({ observed: 24 * 3600, down: 6 * 3600 });
    expect(await availability(d, d)).toEqual(open);
    const twoDays = await availability(d, addDays(d, 1));
    expect(twoDays).toEqual(expect.objectContaining({ value: 83.3, numerator: 30, denominator: 36 }));
    expect(await closeCameraDays(server.db, addDays(today(), -1))).toBe(0);
    const toToday = await availability(d, today());
    expect(toToday.denominator).toBeGreaterThan(36 + 24);
  });

  it('when the rollups are rebuilt from the raw tables, then they hold exactly what the triggers kept', async () => {
    const tables = {
      dash_violations_hourly: 'total',
      dash_violations_daily: 'total',
      dash_violations_monthly: 'total',
      dash_events_hourly: 'total',
      dash_events_daily: 'total',
      dash_area_hourly: 'violations + events',
    };
    const snapshot = async (q: { query: Server['db']['query'] }) => {
      const out: Record<string, unknown[]> = {};
      for (const [t, n] of Object.entries(tables))
        out[t] = await q.query(`SELECT * FROM ${t} WHERE ${n} <> 0 ORDER BY 1, 2, 3, 4, 5`);
      return out;
    };
    // Writers wait while the two readings are taken, so both see the same raw rows.
    const [kept, rebuilt] = await server.db.tx(async (q) => {
      await q.query('LOCK TABLE violations, analytics_events IN SHARE MODE');
      const before = await snapshot(q);
      await q.query('SELECT dash_rebuild()');
      return [before, await snapshot(q)];
    });
    expect(kept.dash_area_hourly!.length).toBeGreaterThan(0);
    expect(rebuilt).toEqual(kept);
  });

  it('when alerts are worked and closed, then SOP compliance averages the closed ones only', async () => {
    const cam = cameras[4]!;
    // Two closed (all required steps done; half of them) and one still open with nothing done yet.
    await server.db.query(
      `INSERT INTO alerts (id, priority, status, type, severity, title, camera_id, area_id, tier,
         group_window_seconds, last_event_at, sop_total, sop_compliance)
       SELECT 'dash-sop-' || x.i, 'P2', x.status, 'wrong_way', 'critical', 'Đi ngược chiều', $1, $2, 0, 60, now(),
              4, x.c
       FROM unnest(ARRAY[1, 2, 3], ARRAY['resolved', 'false_positive', 'in_progress'], ARRAY[1.0, 0.5, 0.0])
         AS x(i, status, c)`,
      [cam.id, cam.area_id],
    );
    const sop = async () => {
      const d = (await leader.api.dashboards.strategic({ area: cam.area_id })) as StrategicDashboard;
      return d.kpis.find((k) => k.key === 'sop_compliance')!;
    };
    expect(await sop()).toEqual(expect.objectContaining({ value: 75, denominator: 2, status: 'bad' }));
    // The open one is closed with every step done: it now counts.
    await server.db.query(
      `UPDATE alerts SET status = 'resolved', sop_compliance = 1 WHERE id = 'dash-sop-3'`,
    );
    expect(await sop()).toEqual(expect.objectContaining({ value: 83.3, denominator: 3 }));
  });

  it('when a user of one ward asks, then only that ward counts, and another ward is refused', async () => {
    const mine = cameras[0]!.area_id;
    const other = cameras.find((c) => c.area_id !== mine)!.area_id;
    await insertUser(server.db, {
      id: 'u-dash-ward',
      username: 'dash-ward',
      displayName: 'Lãnh đạo phường',
      role: 'operator',
      areas: [mine],
      passwordHash: await hashPassword(PASSWORD),
    });
    const ward = await login(server.url, 'dash-ward');
    const live = await ward.api.dashboards.operational();
    const [cams] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cameras WHERE area_id = $1 AND classification <> 'secret'`,
      [mine],
    );
    expect(live.cameras.total).toBe(cams!.n);
    const refused = await get(ward, `/api/dashboards/operational?area=${other}`);
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).fields).toHaveProperty('area');
    // An operator has no analytical dashboard.
    expect((await get(ward, '/api/dashboards/analytical')).status).toBe(403);
  });

  it('when an admin edits the targets, then they are validated, audited and used; a leader may not edit them', async () => {
    const before = await admin.api.dashboards.targets();
    const next: KpiTargets = { ...before, coverageWardPct: 1, responseAvgSeconds: 420 };
    const saved = await admin.api.dashboards.setTargets(next);
    expect(saved.coverageWardPct).toBe(1);
    const [entry] = await server.db.query<{ action: string; actor_name: string }>(
      `SELECT action, actor_name FROM audit_log WHERE action = 'dashboard.targets.update' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ action: 'dashboard.targets.update', actor_name: 'admin' });
    const d = (await leader.api.dashboards.strategic()) as StrategicDashboard;
    const ward = d.kpis.find((k) => k.key === 'coverage_ward')!;
    expect(ward.target).toBe(1);
    expect(d.kpis.find((k) => k.key === 'response_avg')!.target).toBe(420);

    const put = (s: Session, body: unknown) =>
      fetch(`${server.url}/api/admin/kpi-targets`, {
        method: 'PUT',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put(leader, next)).status).toBe(403);
    const bad = await put(admin, { ...next, coverageCommunePct: 140 });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty('coverageCommunePct');
    const missing = await put(admin, { coverageWardPct: 40 });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).fields).toHaveProperty('reviewSlaHours');
    await admin.api.dashboards.setTargets(before);
  });

  it('when the filters are malformed, then 400 names the field', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-13-40', 'from'],
      ['from=2026-03-10&to=2026-03-01', 'from'],
      ['granularity=minute', 'granularity'],
      ['from=2026-01-01&to=2026-03-01&granularity=hour', 'granularity'],
      ['from=2020-01-01&to=2026-01-01', 'to'],
      ['type=jaywalking', 'type'],
    ];
    for (const [query, field] of cases) {
      const res = await get(leader, `/api/dashboards/strategic?${query}`);
      expect(res.status, query).toBe(400);
      expect(Object.keys((await errorOf(res)).fields ?? {}), query).toContain(field);
    }
    // A parameter the dashboards do not know is named too (a typo must not silently widen the figures).
    const unknown = await get(leader, '/api/dashboards/strategic?colour=red');
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toContain('colour');
    for (const place of [`camera=${cameras[0]!.id}`, `road=${cameras[0]!.road_id}`]) {
      const hourly = await get(leader, `/api/dashboards/analytical?${place}&granularity=hour`);
      expect(hourly.status, place).toBe(400);
      expect((await errorOf(hourly)).fields).toHaveProperty('granularity');
    }
  });

  it('when a violation list is asked for a road and days from a dashboard bar, then exactly those records come', async () => {
    const road = cameras[0]!.road_id!;
    const from = addDays(today(), -6);
    const page = await leader.api.violations.list({ road, from, to: today(), limit: 200 });
    const raw = await rawCounts('c.road_id', 'c.road_id = $3', [road]);
    expect(page.items).toHaveLength(raw[road]!);
    const bad = await get(leader, '/api/violations?from=yesterday');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty('from');
  });

  it('when an admin sends the daily summary, then each leader gets one e-mail in the outbox with the day’s figures, once', async () => {
    const day = today();
    const send = (s: Session, body: unknown) =>
      fetch(`${server.url}/api/admin/dashboard-summary`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await send(leader, { day })).status).toBe(403);
    const bad = await send(admin, { day: 'hôm qua' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty('day');

    const res = await send(admin, { day });
    expect(res.status).toBe(201);
    const [leaders] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE role = 'leader' AND NOT disabled`,
    );
    expect(await res.json()).toEqual({ day, recipients: leaders!.n });
    const mails = await server.db.query<{
      channel: string;
      subject: string;
      body: string;
      recipient_id: string;
    }>(`SELECT channel, subject, body, recipient_id FROM notify_outbox WHERE reason = $1`, [
      `daily summary ${day}`,
    ]);
    expect(mails).toHaveLength(leaders!.n);
    const [raw] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM violations WHERE ts >= $1 AND ts < $2',
      [dayStart(day), dayStart(addDays(day, 1))],
    );
    const mail = mails[0]!;
    expect(mail.channel).toBe('email');
    expect(mail.subject).toContain(
      new Date(`${day}T00:00:00+07:00`).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
    );
    expect(mail.body).toContain(`Vi phạm ghi nhận: ${raw!.n.toLocaleString('vi-VN')}`);
    expect(mail.body).toContain('Phường có camera');

    const again = await send(admin, { day });
    expect(again.status).toBe(409);
    const [count] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notify_outbox WHERE reason = $1`,
      [`daily summary ${day}`],
    );
    expect(count!.n).toBe(leaders!.n);
  });
});
