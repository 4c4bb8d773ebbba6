import type { CameraKind, CameraState, CameraStatus } from '@c2/api-client/schemas/camera';
import type {
  DeviceFaultKind,
  DeviceHealthChange,
  HealingAttempt,
  ImageQuality,
} from '@c2/api-client/schemas/device';
import { IMAGE_FAULT_KINDS } from '@c2/api-client/schemas/device';
import type { AnalyticsEventInput, Severity } from '@c2/api-client/schemas/event';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { VmsPort } from '../../../upstreams/vms/vms-port';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { EventLog, ChangeOf } from '../../live/domain/event-log';
import { tierOf, type Tier } from '../../live/domain/audience';
import type { EventIngest } from '../../events/domain/event-ingest';
import { claimDue, countOverdue, ensureScheduled, saveCheck, type QualityRow } from '../data/quality-store';
import {
  clearFault,
  insertHealing,
  openFault,
  selectOpenFaultKinds,
  settleHealing,
} from '../data/device-store';
import { FRESH, step, unsettled, type KindState } from './hysteresis';
import { blendReference, judgeFrame, measureFrame, type FrameStats } from './image-quality';
import type { DeviceMetricsRegistry } from './device-metrics';

/** Severity of the device-health events (the alert rules may map them further). */
export const FAULT_SEVERITY: Record<(typeof CAMERA_EVENT_KINDS)[number], Severity> = {
  camera_offline: 'major',
  stream_failure: 'major',
  image_black: 'major',
  image_frozen: 'major',
  image_blur: 'minor',
  camera_covered: 'major',
  scene_change: 'minor',
};
export const CAMERA_EVENT_KINDS = [
  'camera_offline',
  'stream_failure',
  ...IMAGE_FAULT_KINDS,
] as const satisfies readonly DeviceFaultKind[];
type CameraFaultKind = (typeof CAMERA_EVENT_KINDS)[number];

/** The source name events of the center's own checks carry (dead letters and metrics are counted by it). */
export const QUALITY_SOURCE = 'center:quality';

/** What a camera's quality row remembers between checks (JSON in `camera_quality.state`). */
interface Memory {
  kinds: Partial<Record<CameraFaultKind, KindState>>;
  /** Previous sample's signature, base64. */
  prev?: string;
  /** Learned reference view, base64. */
  ref?: string;
  /** Learned usual sharpness. */
  sharp?: number;
  noImage?: number;
  heal?: {
    cause: CameraFaultKind;
    attempts: number;
    /** Epoch ms before which no further reconnect is tried. */
    nextAt: number;
    /** The attempt whose outcome the next check tells. */
    pendingId: number | null;
    exhausted: boolean;
  };
}

const b64 = (a: Uint8Array) => Buffer.from(a).toString('base64');
const fromB64 = (s: string | undefined) => (s ? new Uint8Array(Buffer.from(s, 'base64')) : null);
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/** Faults a reconnect may cure: no picture at all, a black one, a frozen one. The rest need someone on site. */
const HEALABLE: ReadonlySet<CameraFaultKind> = new Set([
  'camera_offline',
  'stream_failure',
  'image_black',
  'image_frozen',
]);

export interface QualityMonitorOptions {
  intervalSeconds: number;
  maxPerSecond: number;
  confirmSeconds: number;
  raiseAfter: number;
  clearAfter: number;
  offlineGraceSeconds: number;
  healAttempts: number;
  healBackoffSeconds: number;
}

interface CameraInfo {
  areaId: string;
  tier: Tier;
  kind: CameraKind;
  state: CameraState;
  since: number;
}

/**
 * Watches every camera's picture from the server: samples snapshots through the VMS port a few at a time, spread
 * over the interval (claimed from the database, so several BFF instances share the cameras and never check one
 * twice), judges each against the camera's own history, and turns verdicts into fault episodes through hysteresis.
 * An opened episode is raised as a device-health analytics event with a deterministic id (so a repeat after a
 * crash, or another instance, is absorbed by the ingest), recorded, and appended to the live log.
 *
 * Self-healing: while a camera has no picture, a black or a frozen one, it is reconnected through the VMS with
 * exponential backoff; every attempt is audited (actor "system") and listed on the device. When the reconnects are
 * exhausted on a lost stream, `stream_failure` is raised for maintenance.
 */
export function createQualityMonitor(deps: {
  db: Db;
  vms: VmsPort;
  ingest: EventIngest;
  eventLog: EventLog;
  audit: AuditTrail;
  logger: Logger;
  metrics: DeviceMetricsRegistry;
  options: QualityMonitorOptions;
  now?: () => number;
}) {
  const { db, vms, ingest, eventLog, audit, logger, metrics, options: o } = deps;
  const now = deps.now ?? Date.now;
  const cameras = new Map<string, CameraInfo>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let unsubscribe: (() => void) | null = null;
  let stopped = false;
  /** Fractional budget carried between ticks, so 0.5 checks a second means one every other tick. */
  let carry = 0;
  const tickMs = Math.max(100, Math.min(1000, o.confirmSeconds * 500));

  function onStatus(changes: CameraStatus[]): void {
    for (const c of changes) {
      const cam = cameras.get(c.cameraId);
      if (cam) {
        cam.state = c.state;
        cam.since = Date.parse(c.since);
      }
    }
  }

  let lastOverdueCheck = 0;
  /** Whether the budget covers the province: cameras overdue by a whole interval mean it does not. */
  async function watchBudget(): Promise<void> {
    if (now() - lastOverdueCheck < 30_000) return;
    lastOverdueCheck = now();
    const overdue = await countOverdue(db, o.intervalSeconds);
    metrics.qualityOverdue.set(overdue);
    if (overdue > 0)
      logger.warn(
        { overdue, intervalSeconds: o.intervalSeconds, maxPerSecond: o.maxPerSecond },
        'image checks fall behind: raise DEVICE_QUALITY_MAX_PER_SECOND, add instances, or lengthen the interval',
      );
  }

  async function tick(): Promise<void> {
    await watchBudget();
    const budget = o.maxPerSecond * (tickMs / 1000) + carry;
    const n = Math.floor(budget);
    carry = Math.min(budget - n, 1);
    if (n === 0) return;
    const rows = await claimDue(db, n, Math.max(60, o.intervalSeconds));
    metrics.qualityClaimed.inc(rows.length);
    // Two at a time: snapshot decoding runs on libuv's pool; more would only queue behind it.
    for (let i = 0; i < rows.length; i += 2) {
      await Promise.all(
        rows.slice(i, i + 2).map((r) =>
          check(r).catch((err: unknown) => {
            metrics.qualityChecks.inc({ verdict: 'error' });
            logger.warn({ err, cameraId: r.camera_id }, 'image check failed');
          }),
        ),
      );
    }
  }

  async function check(row: QualityRow): Promise<void> {
    const id = row.camera_id;
    const cam = cameras.get(id);
    if (!cam) {
      await saveCheck(db, id, row.state, null, 24 * 3600);
      return;
    }
    // The VMS is not answering: nothing about the camera can be judged, and nothing it had is cleared or raised.
    if (cam.state === 'unknown') {
      await saveCheck(db, id, row.state, null, o.intervalSeconds);
      return;
    }
    const t = now();
    const mem: Memory = { kinds: {}, ...(row.state as Partial<Memory>) };
    const offline = cam.state === 'offline';

    let stats: FrameStats | null = null;
    if (!offline) {
      const image = await vms.snapshot(id).catch((err: unknown) => {
        logger.debug({ err, cameraId: id }, 'snapshot failed');
        return null;
      });
      // A corrupt image counts as no image: the stream is not delivering pictures.
      if (image) stats = await measureFrame(image).catch(() => null);
    }

    const transitions: Array<{ kind: CameraFaultKind; type: 'opened' | 'cleared'; episode: number }> = [];
    const stepKind = (
      kind: CameraFaultKind,
      bad: boolean,
      raiseAfter = o.raiseAfter,
      clearAfter = o.clearAfter,
    ) => {
      const r = step(mem.kinds[kind] ?? FRESH, bad, raiseAfter, clearAfter);
      mem.kinds[kind] = r.next;
      if (r.transition) transitions.push({ kind, type: r.transition, episode: r.next.episode });
    };

    // Reachability: the VMS's word, with the grace period as the hysteresis.
    stepKind('camera_offline', offline && t - cam.since >= o.offlineGraceSeconds * 1000, 1, 1);

    let quality: ImageQuality | null = null;
    let detected: ReadonlySet<CameraFaultKind> = new Set();
    if (stats) {
      mem.noImage = 0;
      const judgement = judgeFrame(stats, {
        previous: fromB64(mem.prev),
        reference: fromB64(mem.ref),
        sharpnessBaseline: mem.sharp ?? null,
        checkScene: cam.kind !== 'ptz',
      });
      detected = new Set(judgement.detected);
      for (const kind of IMAGE_FAULT_KINDS) stepKind(kind, detected.has(kind));
      // Only a good picture teaches the camera's usual look, so a fault is never learned as normal.
      if (detected.size === 0) {
        const ref = fromB64(mem.ref);
        mem.ref = b64(ref ? blendReference(ref, stats.signature, 0.15) : stats.signature);
        mem.sharp = mem.sharp === undefined ? stats.sharpness : mem.sharp * 0.8 + stats.sharpness * 0.2;
      }
      mem.prev = b64(stats.signature);
      // A picture is back: a lost stream has recovered.
      stepKind('stream_failure', false, 1, 1);
      quality = {
        checkedAt: new Date(t).toISOString(),
        verdict: judgement.detected[0] ?? 'ok',
        brightness: round(stats.brightness),
        contrast: stats.contrast,
        sharpness: round(stats.sharpness),
        motion: judgement.motion === null ? null : round(judgement.motion, 3),
        sceneMatch: judgement.sceneMatch === null ? null : round(judgement.sceneMatch, 3),
      };
    } else if (!offline) {
      mem.noImage = (mem.noImage ?? 0) + 1;
      quality = {
        checkedAt: new Date(t).toISOString(),
        verdict: 'no_image',
        brightness: 0,
        contrast: 0,
        sharpness: 0,
        motion: null,
        sceneMatch: null,
      };
    }
    metrics.qualityChecks.inc({ verdict: offline ? 'offline' : (quality?.verdict ?? 'ok') });

    // What self-healing should cure now, if anything.
    const confirmed = (k: CameraFaultKind) => detected.has(k) && (mem.kinds[k]?.bad ?? 0) >= o.raiseAfter;
    const cause: CameraFaultKind | null = offline
      ? 'camera_offline'
      : !stats && (mem.noImage ?? 0) >= o.raiseAfter
        ? 'stream_failure'
        : confirmed('image_black')
          ? 'image_black'
          : confirmed('image_frozen')
            ? 'image_frozen'
            : null;
    const healing: {
      settle?: { id: number; outcome: HealingAttempt['outcome'] };
      attempt?: Omit<HealingAttempt, 'id' | 'ts'>;
    } = {};
    if (cause === null || !HEALABLE.has(cause)) {
      if (mem.heal?.pendingId) healing.settle = { id: mem.heal.pendingId, outcome: 'recovered' };
      delete mem.heal;
    } else {
      const heal =
        mem.heal?.cause === cause
          ? mem.heal
          : { cause, attempts: 0, nextAt: t, pendingId: null, exhausted: false };
      if (mem.heal && mem.heal.cause !== cause && mem.heal.pendingId)
        healing.settle = { id: mem.heal.pendingId, outcome: 'failed' };
      if (heal.pendingId) {
        healing.settle = { id: heal.pendingId, outcome: 'failed' };
        heal.pendingId = null;
      }
      if (heal.attempts < o.healAttempts && t >= heal.nextAt) {
        const result = await vms
          .restartStream(id)
          .catch((err: unknown) => ({ accepted: false, detail: String(err) }));
        heal.attempts++;
        heal.nextAt = t + o.healBackoffSeconds * 1000 * 2 ** (heal.attempts - 1);
        healing.attempt = {
          deviceId: id,
          action: 'restart_stream',
          attempt: heal.attempts,
          faultKind: cause,
          outcome: result.accepted ? 'pending' : 'error',
          actor: 'system',
          detail: { detail: result.detail, backoffSeconds: o.healBackoffSeconds * 2 ** (heal.attempts - 1) },
        };
        metrics.healingAttempts.inc({ cause });
      } else if (heal.attempts >= o.healAttempts && !heal.exhausted) {
        heal.exhausted = true;
        // Reconnects did not bring the picture back: someone has to go. An offline camera already has its fault.
        if (cause === 'stream_failure') stepKind('stream_failure', true, 1, 1);
      }
      mem.heal = heal;
    }

    // Raise new episodes as analytics events first: if the process dies before the state below commits, the
    // next check derives the same episode number, hence the same id, and the ingest absorbs the repeat.
    const opened = transitions.filter((x) => x.type === 'opened');
    const eventIds = new Map<CameraFaultKind, string>();
    for (const x of opened) {
      const eventId = `dh-${id}-${x.kind}-${x.episode}`;
      eventIds.set(x.kind, eventId);
      const event: AnalyticsEventInput = {
        id: eventId,
        cameraId: id,
        type: x.kind,
        severity: FAULT_SEVERITY[x.kind],
        ts: new Date(t).toISOString(),
        metadata: {
          source: QUALITY_SOURCE,
          episode: x.episode,
          ...(quality ? { quality } : {}),
          ...(x.kind === 'camera_offline' ? { offlineSince: new Date(cam.since).toISOString() } : {}),
          ...(x.kind === 'stream_failure' ? { reconnects: mem.heal?.attempts ?? 0 } : {}),
        },
      };
      const outcome = await ingest.submit({
        format: 'native',
        source: QUALITY_SOURCE,
        body: { decoded: event },
      });
      if (outcome.outcome === 'rejected')
        logger.warn({ eventId, reason: outcome.reason }, 'device event rejected');
    }

    // Next check: soon while something is unconfirmed or a reconnect awaits its verdict, else at the interval.
    const waits = [o.intervalSeconds];
    if (Object.values(mem.kinds).some((k) => k && unsettled(k)) || (!stats && !offline))
      waits.push(o.confirmSeconds);
    if (mem.heal && !mem.heal.exhausted)
      waits.push(healing.attempt ? o.confirmSeconds : Math.max(0.2, (mem.heal.nextAt - t) / 1000));
    const nextInSeconds = Math.min(...waits);

    const ref = { areaId: cam.areaId, tier: cam.tier };
    const items = await db.tx(async (q) => {
      const changes: ChangeOf<'device.health'>[] = [];
      let faults: DeviceFaultKind[] | null = null;
      const base = async (): Promise<Omit<DeviceHealthChange, 'change' | 'faultKind' | 'healing'>> => ({
        deviceId: id,
        kind: 'camera',
        state: cam.state,
        since: new Date(cam.since).toISOString(),
        reason: null,
        faults: (faults ??= await selectOpenFaultKinds(q, id)),
      });
      for (const x of transitions) {
        if (x.type === 'opened') {
          await openFault(q, id, x.kind, eventIds.get(x.kind) ?? null, {
            episode: x.episode,
            ...(quality ?? {}),
          });
        } else await clearFault(q, id, x.kind);
        faults = null;
        changes.push({
          topic: 'device.health',
          ...ref,
          data: {
            ...(await base()),
            change: x.type === 'opened' ? 'fault_opened' : 'fault_cleared',
            faultKind: x.kind,
            healing: null,
          },
        });
      }
      if (healing.settle) {
        const settled = await settleHealing(q, healing.settle.id, healing.settle.outcome);
        if (settled)
          changes.push({
            topic: 'device.health',
            ...ref,
            data: { ...(await base()), change: 'healing', faultKind: settled.faultKind, healing: settled },
          });
      }
      if (healing.attempt) {
        const attempt = await insertHealing(q, healing.attempt);
        if (mem.heal) mem.heal.pendingId = attempt.outcome === 'pending' ? attempt.id : null;
        await audit.record(
          {
            actorId: null,
            actorName: 'system',
            action: 'device.heal',
            target: id,
            ip: null,
            detail: {
              action: attempt.action,
              attempt: attempt.attempt,
              cause: attempt.faultKind,
              ...attempt.detail,
            },
          },
          q,
        );
        changes.push({
          topic: 'device.health',
          ...ref,
          data: { ...(await base()), change: 'healing', faultKind: attempt.faultKind, healing: attempt },
        });
      }
      await saveCheck(q, id, mem, quality, nextInSeconds);
      return eventLog.appendWithin(q, changes);
    });
    eventLog.publish(items);
  }

  async function loop(): Promise<void> {
    if (running || stopped) return;
    running = tick()
      .catch((err: unknown) => logger.error({ err }, 'image check tick failed'))
      .finally(() => {
        running = null;
      });
    await running;
  }

  return {
    async start(): Promise<void> {
      const [list, statuses] = await Promise.all([vms.listCameras(), vms.currentStatuses()]);
      const byId = new Map(statuses.map((s) => [s.cameraId, s]));
      for (const c of list) {
        const s = byId.get(c.id);
        cameras.set(c.id, {
          areaId: c.areaId,
          tier: tierOf(c.classification),
          kind: c.kind,
          state: s?.state ?? 'online',
          since: s ? Date.parse(s.since) : now(),
        });
      }
      unsubscribe = vms.onStatusChange(onStatus);
      await ensureScheduled(db, [...cameras.keys()], o.intervalSeconds);
      if (o.maxPerSecond > 0) {
        timer = setInterval(() => void loop(), tickMs);
        timer.unref();
      }
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      unsubscribe?.();
      await running;
    },
  };
}
export type QualityMonitor = ReturnType<typeof createQualityMonitor>;
