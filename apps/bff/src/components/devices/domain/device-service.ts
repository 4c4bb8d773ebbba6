import type {
  Device,
  DeviceDetail,
  DeviceHistory,
  DeviceKind,
  HealingAttempt,
  SlaQuery,
  SlaReport,
  SlaRow,
  StreamProbe,
} from '@c2/api-client/schemas/device';
import type { Db } from '../../../platform/db';
import type { DevicesPort } from '../../../upstreams/devices/devices-port';
import type { VmsPort } from '../../../upstreams/vms/vms-port';
import type { Audience } from '../../live/domain/audience';
import type { EventLog } from '../../live/domain/event-log';
import { tierOf, type Tier } from '../../live/domain/audience';
import {
  insertHealing,
  selectAvailability,
  selectDevice,
  selectDevices,
  selectFaults,
  selectHealing,
  selectHistory,
  selectOpenFaultKinds,
  selectQuality,
  selectStatusHistory,
  upsertInventory,
} from '../data/device-store';
import { PROBE_FAILED } from '../../../upstreams/vms/vms-diagnostics';

/** The days of a range, inclusive, as YYYY-MM-DD. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const pct = (up: number, observed: number) =>
  observed <= 0 ? null : Math.round((up / observed) * 10000) / 100;

/**
 * The devices component's reads and operator actions: the devices table, a device's page (status history,
 * faults, self-healing attempts, last image check), its readings history, the SLA report, and remote diagnosis
 * (probe, fresh snapshot, reconnect) through the VMS.
 */
export function createDeviceService(deps: {
  db: Db;
  vms: VmsPort;
  devices: DevicesPort;
  eventLog: EventLog;
}) {
  const { db, vms, devices, eventLog } = deps;
  const kinds = new Map<string, DeviceKind>();
  const areas = new Map<string, string | null>();
  const tiers = new Map<string, Tier>();

  async function find(id: string, a: Audience): Promise<Device | null> {
    return (await selectDevice(db, id, a.maxTier, a.areas))?.device ?? null;
  }

  return {
    /** Loads the inventory from the monitoring system. */
    async start(): Promise<void> {
      const [list, cameras] = await Promise.all([devices.listDevices(), vms.listCameras()]);
      for (const c of cameras) tiers.set(c.id, tierOf(c.classification));
      await upsertInventory(db, list);
      for (const d of list) {
        kinds.set(d.id, d.kind);
        areas.set(d.id, d.areaId);
      }
    },
    kindOf: (id: string) => kinds.get(id),
    areaOf: (id: string) => areas.get(id) ?? null,

    list: (a: Audience) => selectDevices(db, a.maxTier, a.areas),
    find,

    async detail(id: string, a: Audience): Promise<DeviceDetail | null> {
      const found = await selectDevice(db, id, a.maxTier, a.areas);
      if (!found) return null;
      const { device } = found;
      const [statusHistory, faults, healing, quality] = await Promise.all([
        selectStatusHistory(db, id, device.kind, 50),
        selectFaults(db, id, 50),
        selectHealing(db, id, 50),
        device.kind === 'camera' ? selectQuality(db, id) : Promise.resolve(null),
      ]);
      return {
        device,
        edgeBoxId: device.kind === 'camera' ? found.parentId : null,
        statusHistory,
        faults,
        healing,
        quality,
      };
    },

    async history(id: string, hours: number, a: Audience): Promise<DeviceHistory | null> {
      if (!(await find(id, a))) return null;
      const to = new Date();
      const from = new Date(to.getTime() - hours * 3_600_000);
      return {
        deviceId: id,
        from: from.toISOString(),
        to: to.toISOString(),
        points: await selectHistory(db, id, from),
      };
    },

    async sla(query: SlaQuery, a: Audience): Promise<SlaReport> {
      const list = (await selectDevices(db, a.maxTier, a.areas)).filter(
        (d) => !query.kind || d.kind === query.kind,
      );
      const days = daysOf(query.from, query.to);
      const rows = await selectAvailability(
        db,
        list.map((d) => d.id),
        query.from,
        query.to,
      );
      const byDevice = new Map<string, Map<string, { observed: number; down: number }>>();
      for (const r of rows) {
        let m = byDevice.get(r.device_id);
        if (!m) byDevice.set(r.device_id, (m = new Map()));
        m.set(r.day, { observed: Number(r.observed), down: Number(r.down) });
      }
      const out: SlaRow[] = list.map((d) => {
        const m = byDevice.get(d.id);
        let observed = 0;
        let down = 0;
        const perDay = days.map((day) => {
          const v = m?.get(day);
          if (!v) return null;
          observed += v.observed;
          down += v.down;
          return pct(v.observed - v.down, v.observed);
        });
        return {
          deviceId: d.id,
          kind: d.kind,
          code: d.code,
          name: d.name,
          areaName: d.areaName,
          days: perDay,
          overall: pct(observed - down, observed),
          downSeconds: Math.round(down),
        };
      });
      return { from: query.from, to: query.to, days, rows: out };
    },

    /** Probes a camera's stream through the VMS. */
    async probe(device: Device): Promise<StreamProbe> {
      const r = await vms.probeStream(device.id).catch((err: unknown) => ({
        ...PROBE_FAILED,
        error: `VMS did not answer: ${String(err)}`,
      }));
      return { ...r, checkedAt: new Date().toISOString() };
    },

    snapshot: (device: Device) => vms.snapshot(device.id),

    /** A reconnect an administrator asked for: recorded beside the automatic ones, with who asked. */
    async restart(device: Device, actor: string): Promise<HealingAttempt> {
      const result = await vms
        .restartStream(device.id)
        .catch((err: unknown) => ({ accepted: false, detail: String(err) }));
      // Whether it worked is what the stream answers right after (the image checks judge the picture later).
      const probe = result.accepted ? await this.probe(device) : null;
      const items = await db.tx(async (q) => {
        const attempt = await insertHealing(q, {
          deviceId: device.id,
          action: 'restart_stream',
          attempt: 0,
          faultKind: null,
          outcome: !result.accepted ? 'error' : probe?.ok ? 'recovered' : 'failed',
          actor,
          detail: { detail: result.detail, manual: true, probe },
        });
        const appended = await eventLog.appendWithin(q, [
          {
            topic: 'device.health',
            areaId: device.areaId,
            tier: tiers.get(device.id) ?? 0,
            data: {
              deviceId: device.id,
              kind: device.kind,
              state: device.state,
              since: device.since,
              reason: device.reason,
              faults: await selectOpenFaultKinds(q, device.id),
              change: 'healing',
              faultKind: null,
              healing: attempt,
            },
          },
        ]);
        return { attempt, appended };
      });
      eventLog.publish(items.appended);
      return items.attempt;
    },
  };
}
export type DeviceService = ReturnType<typeof createDeviceService>;
