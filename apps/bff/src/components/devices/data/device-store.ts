import type {
  Device,
  DeviceFault,
  DeviceFaultKind,
  DeviceKind,
  DeviceMetrics,
  DeviceState,
  HealingAttempt,
  ImageQuality,
  MetricPoint,
} from '@c2/api-client/schemas/device';
import type { Queryable } from '../../../platform/db';
import type { DeviceInfo, HealthReading } from '../../../upstreams/devices/devices-port';
import { cameraTier } from '../../cameras/data/camera-store';

export const NO_METRICS: DeviceMetrics = {
  cpuPct: null,
  memPct: null,
  tempC: null,
  storagePct: null,
  latencyMs: null,
  lossPct: null,
  bitrateKbps: null,
  fps: null,
};

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** Adds new devices and refreshes what the monitoring system says of known ones; state is kept. */
export async function upsertInventory(q: Queryable, devices: readonly DeviceInfo[]): Promise<void> {
  for (let i = 0; i < devices.length; i += 1000) {
    const chunk = devices.slice(i, i + 1000);
    await q.query(
      `INSERT INTO devices (id, kind, code, name, model, area_id, area_name, parent_id, state, state_since)
       SELECT id, kind, code, name, model, area_id, area_name, parent_id,
              CASE WHEN kind = 'camera' THEN NULL ELSE 'online' END, CASE WHEN kind = 'camera' THEN NULL ELSE now() END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS x(id, kind, code, name, model, area_id, area_name, parent_id)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, code = EXCLUDED.code, name = EXCLUDED.name,
         model = EXCLUDED.model, area_id = EXCLUDED.area_id, area_name = EXCLUDED.area_name,
         parent_id = EXCLUDED.parent_id`,
      [
        chunk.map((d) => d.id),
        chunk.map((d) => d.kind),
        chunk.map((d) => d.code),
        chunk.map((d) => d.name),
        chunk.map((d) => d.model),
        chunk.map((d) => d.areaId) as string[],
        chunk.map((d) => d.areaName) as string[],
        chunk.map((d) => d.parentId) as string[],
      ],
    );
  }
}

interface DeviceRow {
  id: string;
  kind: DeviceKind;
  code: string;
  name: string;
  model: string | null;
  area_id: string | null;
  area_name: string | null;
  state: DeviceState | null;
  since: Date | null;
  reason: string | null;
  metrics: DeviceMetrics | null;
  metrics_at: Date | null;
  checked_at: Date | null;
  faults: DeviceFaultKind[] | null;
  parent_id: string | null;
}

function toDevice(r: DeviceRow): Device {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    name: r.name,
    model: r.model ?? '',
    areaId: r.area_id,
    areaName: r.area_name,
    state: r.state ?? 'online',
    since: iso(r.since ?? new Date(0)),
    reason: r.reason,
    metrics: { ...NO_METRICS, ...(r.metrics ?? {}) },
    metricsAt: isoOrNull(r.metrics_at),
    faults: r.faults ?? [],
    checkedAt: isoOrNull(r.checked_at),
  };
}

/**
 * Every device the caller may see: cameras by clearance and jurisdiction (as the camera list), edge boxes by
 * jurisdiction, the center's servers (no area) by everyone allowed to see devices. One statement, 10,000 rows in
 * well under a second.
 */
function devicesSql(oneId: boolean): string {
  const only = (col: string) => (oneId ? `AND ${col} = $3` : '');
  return `WITH open AS (
      SELECT device_id, array_agg(kind ORDER BY kind) AS faults FROM device_faults
      WHERE cleared_at IS NULL ${oneId ? 'AND device_id = $3' : ''} GROUP BY device_id)
    SELECT c.id, 'camera' AS kind, c.code, c.name, d.model, c.area_id, c.area_name, c.state, c.state_since AS since,
           c.state_reason AS reason, h.metrics, h.metrics_at, q.last_check_at AS checked_at, o.faults, d.parent_id
    FROM cameras c
      LEFT JOIN devices d ON d.id = c.id
      LEFT JOIN device_health h ON h.device_id = c.id
      LEFT JOIN camera_quality q ON q.camera_id = c.id
      LEFT JOIN open o ON o.device_id = c.id
    WHERE ${cameraTier('c')} <= $1
      AND ($2::text[] IS NULL OR c.area_id = ANY($2::text[])) ${only('c.id')}
    UNION ALL
    SELECT d.id, d.kind, d.code, d.name, d.model, d.area_id, d.area_name, d.state, d.state_since, d.state_reason,
           h.metrics, h.metrics_at, NULL, o.faults, d.parent_id
    FROM devices d
      LEFT JOIN device_health h ON h.device_id = d.id
      LEFT JOIN open o ON o.device_id = d.id
    WHERE d.kind <> 'camera' AND ($2::text[] IS NULL OR d.area_id IS NULL OR d.area_id = ANY($2::text[]))
      ${only('d.id')}`;
}

export async function selectDevices(
  q: Queryable,
  maxTier: number,
  areas: string[] | null,
): Promise<Device[]> {
  const rows = await q.query<DeviceRow>(`${devicesSql(false)} ORDER BY kind, code`, [maxTier, areas]);
  return rows.map(toDevice);
}

export async function selectDevice(
  q: Queryable,
  id: string,
  maxTier: number,
  areas: string[] | null,
): Promise<{ device: Device; parentId: string | null } | null> {
  const rows = await q.query<DeviceRow>(devicesSql(true), [maxTier, areas, id]);
  return rows[0] ? { device: toDevice(rows[0]), parentId: rows[0].parent_id } : null;
}

export async function selectStatusHistory(
  q: Queryable,
  id: string,
  kind: DeviceKind,
  limit: number,
): Promise<Array<{ state: DeviceState; since: string; reason: string | null }>> {
  const table = kind === 'camera' ? 'camera_status_history' : 'device_status_history';
  const col = kind === 'camera' ? 'camera_id' : 'device_id';
  const rows = await q.query<{ state: DeviceState; since: Date; reason: string | null }>(
    `SELECT state, since, reason FROM ${table} WHERE ${col} = $1 ORDER BY since DESC, id DESC LIMIT $2`,
    [id, limit],
  );
  return rows.map((r) => ({ state: r.state, since: iso(r.since), reason: r.reason }));
}

interface FaultRow {
  id: number;
  device_id: string;
  kind: DeviceFaultKind;
  opened_at: Date;
  cleared_at: Date | null;
  event_id: string | null;
  detail: Record<string, unknown>;
}
const toFault = (r: FaultRow): DeviceFault => ({
  id: Number(r.id),
  deviceId: r.device_id,
  kind: r.kind,
  openedAt: iso(r.opened_at),
  clearedAt: isoOrNull(r.cleared_at),
  eventId: r.event_id,
  detail: r.detail,
});

export async function selectFaults(q: Queryable, id: string, limit: number): Promise<DeviceFault[]> {
  const rows = await q.query<FaultRow>(
    'SELECT * FROM device_faults WHERE device_id = $1 ORDER BY opened_at DESC, id DESC LIMIT $2',
    [id, limit],
  );
  return rows.map(toFault);
}

/** Open fault kinds of a device. */
export async function selectOpenFaultKinds(q: Queryable, id: string): Promise<DeviceFaultKind[]> {
  const rows = await q.query<{ kind: DeviceFaultKind }>(
    'SELECT kind FROM device_faults WHERE device_id = $1 AND cleared_at IS NULL ORDER BY kind',
    [id],
  );
  return rows.map((r) => r.kind);
}

/** Open fault kinds of every non-camera device (the collector's memory after a restart). */
export async function selectOpenFaults(q: Queryable): Promise<Map<string, Set<DeviceFaultKind>>> {
  const rows = await q.query<{ device_id: string; kind: DeviceFaultKind }>(
    'SELECT device_id, kind FROM device_faults WHERE cleared_at IS NULL',
  );
  const out = new Map<string, Set<DeviceFaultKind>>();
  for (const r of rows) {
    let s = out.get(r.device_id);
    if (!s) out.set(r.device_id, (s = new Set()));
    s.add(r.kind);
  }
  return out;
}

/** Opens an episode unless one is open; returns its id when this call opened it. */
export async function openFault(
  q: Queryable,
  deviceId: string,
  kind: DeviceFaultKind,
  eventId: string | null,
  detail: Record<string, unknown>,
): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO device_faults (device_id, kind, event_id, detail) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (device_id, kind) WHERE cleared_at IS NULL DO NOTHING RETURNING id`,
    [deviceId, kind, eventId, JSON.stringify(detail)],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

export async function clearFault(q: Queryable, deviceId: string, kind: DeviceFaultKind): Promise<boolean> {
  const rows = await q.query<{ id: number }>(
    `UPDATE device_faults SET cleared_at = now() WHERE device_id = $1 AND kind = $2 AND cleared_at IS NULL
     RETURNING id`,
    [deviceId, kind],
  );
  return rows.length > 0;
}

interface HealingRow {
  id: number;
  device_id: string;
  ts: Date;
  action: HealingAttempt['action'];
  attempt: number;
  fault_kind: DeviceFaultKind | null;
  outcome: HealingAttempt['outcome'];
  actor: string;
  detail: Record<string, unknown>;
}
const toHealing = (r: HealingRow): HealingAttempt => ({
  id: Number(r.id),
  deviceId: r.device_id,
  ts: iso(r.ts),
  action: r.action,
  attempt: r.attempt,
  faultKind: r.fault_kind,
  outcome: r.outcome,
  actor: r.actor,
  detail: r.detail,
});

export async function insertHealing(
  q: Queryable,
  h: Omit<HealingAttempt, 'id' | 'ts'>,
): Promise<HealingAttempt> {
  const rows = await q.query<HealingRow>(
    `INSERT INTO device_healing (device_id, action, attempt, fault_kind, outcome, actor, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING *`,
    [h.deviceId, h.action, h.attempt, h.faultKind, h.outcome, h.actor, JSON.stringify(h.detail)],
  );
  return toHealing(rows[0]!);
}

export async function settleHealing(
  q: Queryable,
  id: number,
  outcome: HealingAttempt['outcome'],
): Promise<HealingAttempt | null> {
  const rows = await q.query<HealingRow>(
    `UPDATE device_healing SET outcome = $2 WHERE id = $1 AND outcome = 'pending' RETURNING *`,
    [id, outcome],
  );
  return rows[0] ? toHealing(rows[0]) : null;
}

export async function selectHealing(q: Queryable, id: string, limit: number): Promise<HealingAttempt[]> {
  const rows = await q.query<HealingRow>(
    'SELECT * FROM device_healing WHERE device_id = $1 ORDER BY ts DESC, id DESC LIMIT $2',
    [id, limit],
  );
  return rows.map(toHealing);
}

export async function selectQuality(q: Queryable, cameraId: string): Promise<ImageQuality | null> {
  const rows = await q.query<{ last_result: ImageQuality | null }>(
    'SELECT last_result FROM camera_quality WHERE camera_id = $1',
    [cameraId],
  );
  return rows[0]?.last_result ?? null;
}

/** Newest readings of every device, and one raw history row each. */
export async function writeReadings(q: Queryable, readings: readonly HealthReading[]): Promise<void> {
  if (readings.length === 0) return;
  const m = (k: keyof DeviceMetrics) => readings.map((r) => r.metrics[k]) as number[];
  await q.query(
    `INSERT INTO device_health (device_id, metrics, metrics_at)
     SELECT id, m::jsonb, now() FROM unnest($1::text[], $2::text[]) AS x(id, m)
     ON CONFLICT (device_id) DO UPDATE SET metrics = EXCLUDED.metrics, metrics_at = EXCLUDED.metrics_at`,
    [readings.map((r) => r.deviceId), readings.map((r) => JSON.stringify(r.metrics))],
  );
  await q.query(
    `INSERT INTO device_metrics (device_id, ts, online, cpu_pct, mem_pct, temp_c, storage_pct, latency_ms, loss_pct,
                                 bitrate_kbps, fps)
     SELECT id, now(), online, cpu, mem, temp, storage, lat, loss, bit, fps
     FROM unnest($1::text[], $2::real[], $3::real[], $4::real[], $5::real[], $6::real[], $7::real[], $8::real[],
                 $9::real[], $10::real[]) AS x(id, online, cpu, mem, temp, storage, lat, loss, bit, fps)`,
    [
      readings.map((r) => r.deviceId),
      readings.map((r) => (r.state === 'online' || r.state === 'degraded' ? 1 : 0)),
      m('cpuPct'),
      m('memPct'),
      m('tempC'),
      m('storagePct'),
      m('latencyMs'),
      m('lossPct'),
      m('bitrateKbps'),
      m('fps'),
    ],
  );
}

/**
 * Takes or renews the collector lease for `holder`; true when this instance is the collector until the lease ends.
 * A lease (not a transaction lock) so the readings can be written in several short transactions.
 */
export async function takeCollectorLease(q: Queryable, holder: string, seconds: number): Promise<boolean> {
  const rows = await q.query<{ holder: string }>(
    `INSERT INTO device_collector_lease (id, holder, until) VALUES (1, $1, now() + make_interval(secs => $2))
     ON CONFLICT (id) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
       WHERE device_collector_lease.until < now() OR device_collector_lease.holder = EXCLUDED.holder
     RETURNING holder`,
    [holder, seconds],
  );
  return rows[0]?.holder === holder;
}

/** Current state of every edge box and server. */
export async function selectDeviceStates(q: Queryable): Promise<Map<string, DeviceState>> {
  const rows = await q.query<{ id: string; state: DeviceState | null }>(
    "SELECT id, state FROM devices WHERE kind <> 'camera'",
  );
  return new Map(rows.map((r) => [r.id, r.state ?? 'online']));
}

/** Applies state changes of edge boxes and servers, with their history. */
export async function applyDeviceStates(
  q: Queryable,
  changes: ReadonlyArray<{ deviceId: string; state: DeviceState; since: string; reason: string | null }>,
): Promise<void> {
  if (changes.length === 0) return;
  const args = [
    changes.map((c) => c.deviceId),
    changes.map((c) => c.state),
    changes.map((c) => c.since),
    changes.map((c) => c.reason) as string[],
  ];
  await q.query(
    `UPDATE devices d SET state = x.state, state_since = x.since, state_reason = x.reason
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) AS x(id, state, since, reason)
     WHERE d.id = x.id`,
    args,
  );
  await q.query(
    `INSERT INTO device_status_history (device_id, state, since, reason)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[])`,
    args,
  );
}

const METRIC_COLUMNS = `online, cpu_pct, mem_pct, temp_c, storage_pct, latency_ms, loss_pct, bitrate_kbps, fps`;

interface PointRow {
  ts: Date;
  online: number;
  cpu_pct: number | null;
  mem_pct: number | null;
  temp_c: number | null;
  storage_pct: number | null;
  latency_ms: number | null;
  loss_pct: number | null;
  bitrate_kbps: number | null;
  fps: number | null;
}

/** History since `from`: hourly averages where raw samples were already rolled up, raw samples after. */
export async function selectHistory(q: Queryable, id: string, from: Date): Promise<MetricPoint[]> {
  const rows = await q.query<PointRow>(
    `SELECT hour AS ts, ${METRIC_COLUMNS} FROM device_metrics_hourly
       WHERE device_id = $1 AND hour >= $2
         AND hour < coalesce((SELECT min(ts) FROM device_metrics WHERE device_id = $1), 'infinity')
     UNION ALL
     SELECT ts, ${METRIC_COLUMNS} FROM device_metrics WHERE device_id = $1 AND ts >= $2
     ORDER BY ts`,
    [id, from.toISOString()],
  );
  const n = (v: number | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);
  return rows.map((r) => ({
    ts: iso(r.ts),
    online: Number(r.online),
    cpuPct: n(r.cpu_pct),
    memPct: n(r.mem_pct),
    tempC: n(r.temp_c),
    storagePct: n(r.storage_pct),
    latencyMs: n(r.latency_ms),
    lossPct: n(r.loss_pct),
    bitrateKbps: n(r.bitrate_kbps),
    fps: n(r.fps),
  }));
}

/**
 * Keeps history bounded: raw samples older than `rawHours` are averaged into hourly rows, then deleted; hourly
 * rows, closed fault episodes, healing attempts and edge/server status history older than `days` are deleted.
 */
export async function pruneHistory(q: Queryable, rawHours: number, days: number): Promise<number> {
  await q.query(
    `INSERT INTO device_metrics_hourly (device_id, hour, samples, ${METRIC_COLUMNS})
     SELECT device_id, date_trunc('hour', ts), count(*), avg(online), avg(cpu_pct), avg(mem_pct), avg(temp_c),
            avg(storage_pct), avg(latency_ms), avg(loss_pct), avg(bitrate_kbps), avg(fps)
     FROM device_metrics WHERE ts < date_trunc('hour', now() - make_interval(hours => $1))
     GROUP BY device_id, date_trunc('hour', ts)
     ON CONFLICT (device_id, hour) DO NOTHING`,
    [rawHours],
  );
  const deleted = await q.query<{ n: number }>(
    `WITH d AS (DELETE FROM device_metrics WHERE ts < date_trunc('hour', now() - make_interval(hours => $1))
       RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [rawHours],
  );
  await q.query('DELETE FROM device_metrics_hourly WHERE hour < now() - make_interval(days => $1)', [days]);
  await q.query(
    'DELETE FROM device_faults WHERE cleared_at IS NOT NULL AND cleared_at < now() - make_interval(days => $1)',
    [days],
  );
  await q.query('DELETE FROM device_healing WHERE ts < now() - make_interval(days => $1)', [days]);
  await q.query(
    `DELETE FROM device_status_history WHERE since < now() - make_interval(days => $1)
       AND id NOT IN (SELECT max(id) FROM device_status_history GROUP BY device_id)`,
    [days],
  );
  return deleted[0]?.n ?? 0;
}

/**
 * Seconds observed and seconds down per device per province day (Asia/Ho_Chi_Minh), from the status history:
 * a device is down while offline; time before its first known state is not observed.
 */
export async function selectAvailability(
  q: Queryable,
  ids: readonly string[],
  from: string,
  to: string,
): Promise<Array<{ device_id: string; day: string; observed: number; down: number }>> {
  if (ids.length === 0) return [];
  return q.query(
    `WITH days AS (
       SELECT g::date AS day,
              (g::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS d0,
              ((g::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS d1
       FROM generate_series($2::date, $3::date, interval '1 day') AS g
     ), ev AS (
       SELECT camera_id AS device_id, state, since FROM camera_status_history WHERE camera_id = ANY($1::text[])
       UNION SELECT id, state, state_since FROM cameras WHERE id = ANY($1::text[])
       UNION SELECT device_id, state, since FROM device_status_history WHERE device_id = ANY($1::text[])
       UNION SELECT id, state, state_since FROM devices
         WHERE kind <> 'camera' AND state IS NOT NULL AND id = ANY($1::text[])
     ), iv AS (
       SELECT device_id, state, since AS s,
              coalesce(lead(since) OVER (PARTITION BY device_id ORDER BY since), now()) AS e
       FROM ev
     )
     SELECT iv.device_id, to_char(days.day, 'YYYY-MM-DD') AS day,
            sum(extract(epoch FROM least(iv.e, days.d1) - greatest(iv.s, days.d0)))::float8 AS observed,
            sum(CASE WHEN iv.state = 'offline'
                     THEN extract(epoch FROM least(iv.e, days.d1) - greatest(iv.s, days.d0)) ELSE 0 END)::float8 AS down
     FROM iv JOIN days ON iv.s < days.d1 AND iv.e > days.d0 AND iv.e > iv.s
     GROUP BY iv.device_id, days.day`,
    [ids, from, to],
  );
}
