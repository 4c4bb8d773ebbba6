import { randomUUID } from 'node:crypto';
import type { DeviceFaultKind, DeviceKind, DeviceMetrics, DeviceState } from '@c2/api-client/schemas/device';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { DevicesPort, HealthReading } from '../../../upstreams/devices/devices-port';
import type { EventLog, ChangeOf } from '../../live/domain/event-log';
import {
  applyDeviceStates,
  clearFault,
  openFault,
  pruneHistory,
  selectDeviceStates,
  selectOpenFaults,
  takeCollectorLease,
  writeReadings,
} from '../data/device-store';
import { expedite } from '../data/quality-store';
import { FRESH, step, type KindState } from './hysteresis';
import type { DeviceMetricsRegistry } from './device-metrics';

/** Threshold faults of edge boxes and servers: raised above `raise`, cleared below `clear` (a dead band). */
const THRESHOLDS: ReadonlyArray<{
  kind: DeviceFaultKind;
  bad: (m: DeviceMetrics, state: DeviceState) => boolean;
  good: (m: DeviceMetrics, state: DeviceState) => boolean;
}> = [
  { kind: 'device_offline', bad: (_m, s) => s === 'offline', good: (_m, s) => s !== 'offline' },
  { kind: 'high_temperature', bad: (m) => (m.tempC ?? 0) >= 80, good: (m) => (m.tempC ?? 0) < 72 },
  { kind: 'storage_low', bad: (m) => (m.storagePct ?? 0) >= 90, good: (m) => (m.storagePct ?? 0) < 85 },
  { kind: 'high_cpu', bad: (m) => (m.cpuPct ?? 0) >= 95, good: (m) => (m.cpuPct ?? 0) < 85 },
  {
    kind: 'network_degraded',
    bad: (m) => (m.lossPct ?? 0) >= 5 || (m.latencyMs ?? 0) >= 300,
    good: (m) => (m.lossPct ?? 0) < 2 && (m.latencyMs ?? 0) < 150,
  },
];

/**
 * A camera's stream statistics that make its picture suspect: a bitrate collapse (a black or frozen picture
 * compresses to almost nothing) or a frame rate far below the usual 25. Cheap readings decide which expensive
 * image check to run first, so such a camera is looked at within a reading interval, not a sampling cycle.
 */
export function streamLooksWrong(m: DeviceMetrics): boolean {
  return (m.fps !== null && m.fps < 10) || (m.bitrateKbps !== null && m.bitrateKbps < 600);
}

/** Readings written per transaction: short transactions let the console's reads in between (PGlite has one). */
const CHUNK = 1000;

/**
 * Collects every device's readings at an interval: newest values for the table, one raw history row each
 * (rolled up hourly and pruned, so a 24/7 run stays bounded), state changes of edge boxes and servers with their
 * history, and their threshold faults through hysteresis. Each change is appended to the live log.
 */
export function createHealthCollector(deps: {
  db: Db;
  devices: DevicesPort;
  eventLog: EventLog;
  logger: Logger;
  metrics: DeviceMetricsRegistry;
  kindOf: (deviceId: string) => DeviceKind | undefined;
  areaOf: (deviceId: string) => string | null;
  options: {
    intervalSeconds: number;
    raiseAfter: number;
    clearAfter: number;
    rawHours: number;
    days: number;
  };
}) {
  const { db, devices, eventLog, logger, metrics, options: o } = deps;
  const counters = new Map<string, KindState>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let lastPrune = 0;
  const instance = randomUUID();

  async function collect(): Promise<void> {
    // One collector per deployment: the instance holding the lease (renewed each time; taken over if it lapses).
    if (!(await takeCollectorLease(db, instance, o.intervalSeconds * 2 + 10))) return;
    const readings = await devices.readHealth();
    for (let i = 0; i < readings.length; i += CHUNK) {
      const chunk = readings.slice(i, i + CHUNK);
      await db.tx((q) => writeReadings(q, chunk));
    }
    metrics.healthReadings.inc(readings.length);
    const suspect = readings
      .filter(
        (r) => r.state !== 'offline' && deps.kindOf(r.deviceId) === 'camera' && streamLooksWrong(r.metrics),
      )
      .map((r) => r.deviceId);
    if (suspect.length > 0) await expedite(db, suspect, o.intervalSeconds);
    const items = await db.tx(async (q) => {
      const others = readings.filter((r) => {
        const kind = deps.kindOf(r.deviceId);
        return kind !== undefined && kind !== 'camera';
      });
      const [states, open] = await Promise.all([selectDeviceStates(q), selectOpenFaults(q)]);
      const since = new Date().toISOString();
      const stateChanges = others
        .filter((r) => states.has(r.deviceId) && states.get(r.deviceId) !== r.state)
        .map((r) => ({ deviceId: r.deviceId, state: r.state, since, reason: r.reason }));
      await applyDeviceStates(q, stateChanges);

      const changes: ChangeOf<'device.health'>[] = [];
      const byId = new Map(others.map((r) => [r.deviceId, r]));
      const push = (
        r: HealthReading,
        change: 'state' | 'fault_opened' | 'fault_cleared',
        faultKind: DeviceFaultKind | null,
      ) => {
        const kind = deps.kindOf(r.deviceId) ?? 'server';
        changes.push({
          topic: 'device.health',
          areaId: deps.areaOf(r.deviceId),
          tier: 0,
          data: {
            deviceId: r.deviceId,
            kind,
            state: r.state,
            since: stateChanges.find((c) => c.deviceId === r.deviceId)?.since ?? since,
            reason: r.reason,
            faults: [...(open.get(r.deviceId) ?? [])].sort(),
            change,
            faultKind,
            healing: null,
          },
        });
      };
      for (const r of others) {
        for (const th of THRESHOLDS) {
          const key = `${r.deviceId}|${th.kind}`;
          const isOpen = open.get(r.deviceId)?.has(th.kind) ?? false;
          // The database says what is open (it survives restarts and a change of collecting instance).
          const current = { ...(counters.get(key) ?? FRESH), open: isOpen };
          const bad = th.bad(r.metrics, r.state);
          const good = th.good(r.metrics, r.state);
          // Inside the dead band neither counter moves.
          const next =
            bad || good
              ? step(current, bad, o.raiseAfter, o.clearAfter)
              : { next: current, transition: null };
          counters.set(key, next.next);
          if (next.transition === 'opened') {
            if (await openFault(q, r.deviceId, th.kind, null, { metrics: r.metrics })) {
              let set = open.get(r.deviceId);
              if (!set) open.set(r.deviceId, (set = new Set()));
              set.add(th.kind);
              push(r, 'fault_opened', th.kind);
            }
          } else if (next.transition === 'cleared') {
            if (await clearFault(q, r.deviceId, th.kind)) {
              open.get(r.deviceId)?.delete(th.kind);
              push(r, 'fault_cleared', th.kind);
            }
          }
        }
      }
      for (const c of stateChanges) {
        const r = byId.get(c.deviceId);
        if (r && !changes.some((x) => x.data.deviceId === c.deviceId)) push(r, 'state', null);
      }
      return eventLog.appendWithin(q, changes);
    });
    eventLog.publish(items);

    if (Date.now() - lastPrune > 3600_000) {
      lastPrune = Date.now();
      const deleted = await pruneHistory(db, o.rawHours, o.days);
      if (deleted > 0) logger.info({ deleted }, 'device readings rolled up to hourly history');
    }
  }

  function run(): void {
    if (running) return;
    running = collect()
      .catch((err: unknown) => logger.error({ err }, 'device health collection failed'))
      .finally(() => {
        running = null;
      });
  }

  return {
    async start(): Promise<void> {
      run();
      await running;
      timer = setInterval(run, o.intervalSeconds * 1000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
    },
    /** Collects now (tests, and the first reading at start). */
    async collectNow(): Promise<void> {
      while (running) await running;
      run();
      await running;
    },
  };
}
export type HealthCollector = ReturnType<typeof createHealthCollector>;
