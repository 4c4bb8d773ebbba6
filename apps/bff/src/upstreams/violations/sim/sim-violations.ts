import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { violationTypeSchema } from '@c2/api-client/schemas/violation';
import { analyticsEventInputSchema } from '@c2/api-client/schemas/event';
import type { ServiceDecision, ServiceViolation } from '@c2/api-client/schemas/violation-service';
import type { AnalyticsMessage, AnalyticsPort } from '../../analytics/analytics-port';
import type { SimCameraSpec } from '../../sim-province/camera-layout';
import type { EvidenceFile, ViolationsPort } from '../violations-port';
import { renderEvidence } from './evidence-media';

const KEEP = 5000;

const EVIDENCE = [
  { name: 'overview.jpg', kind: 'overview', contentType: 'image/jpeg' },
  { name: 'vehicle.jpg', kind: 'vehicle', contentType: 'image/jpeg' },
  { name: 'plate.jpg', kind: 'plate', contentType: 'image/jpeg' },
  { name: 'clip.mp4', kind: 'clip', contentType: 'video/mp4' },
] as const;

export interface SimViolations extends ViolationsPort {
  /** Decisions the simulated service received, newest last (drills and tests read them). */
  decisions(): ReadonlyArray<{ id: string; decision: ServiceDecision }>;
}

/**
 * The violation service of the simulated province: every plated violation event from the simulated edge AI
 * becomes a record with its evidence (overview, vehicle close-up, plate crop, and a clip where ffmpeg runs). Evidence is rendered on first
 * request (sharp, ffmpeg) and cached under `mediaDir`, never in the repository; renders are deterministic per
 * record so a cache wiped between restarts gives back the same bytes.
 */
export function createSimViolations(
  analytics: AnalyticsPort,
  cameras: readonly SimCameraSpec[],
  options: {
    mediaDir: string;
    /** ffmpeg for the clip; null: the records carry no clip (a machine without ffmpeg). */
    ffmpeg: string | null;
  },
): SimViolations {
  const evidenceSpecs = EVIDENCE.filter((x) => x.kind !== 'clip' || options.ffmpeg !== null);
  const cameraById = new Map(cameras.map((c) => [c.id, c]));
  // A run id in the cursor: a cursor from a previous run of the simulator starts again from its beginning.
  const runId = Date.now().toString(36);
  const records: ServiceViolation[] = [];
  // Records ever received; records[i] has sequence number `counter - records.length + i`.
  let counter = 0;
  const decided: Array<{ id: string; decision: ServiceDecision }> = [];
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | null = null;
  let rendering: Promise<unknown> = Promise.resolve();

  async function onMessage(message: AnalyticsMessage): Promise<void> {
    if (!('decoded' in message.body)) return;
    const e = analyticsEventInputSchema.safeParse(message.body.decoded);
    if (!e.success || !e.data.plate) return;
    const type = violationTypeSchema.safeParse(e.data.type);
    if (!type.success || !cameraById.has(e.data.cameraId)) return;
    const speed = e.data.metadata.speedKmh;
    const limit = e.data.metadata.limitKmh;
    records.push({
      id: `vp-${e.data.id}`,
      eventId: e.data.id,
      cameraId: e.data.cameraId,
      type: type.data,
      plate: e.data.plate,
      plateConfidence: e.data.objects[0]?.confidence ?? 0.8,
      ts: e.data.ts,
      speedKmh: typeof speed === 'number' ? speed : null,
      limitKmh: typeof limit === 'number' ? limit : null,
      evidence: evidenceSpecs.map((x) => ({ ...x })),
    });
    counter++;
    if (records.length > KEEP) records.splice(0, records.length - KEEP);
    for (const l of listeners) l();
  }

  const baseSeq = () => counter - records.length;

  function seqFromCursor(cursor: string | null): number {
    if (!cursor) return 0;
    const [run, n] = cursor.split(':');
    return run === runId && n !== undefined && /^\d+$/.test(n) ? Number(n) : 0;
  }

  /** Renders one file at a time: ffmpeg and sharp share two cores with everything else. */
  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const next = rendering.then(fn, fn);
    rendering = next.catch(() => undefined);
    return next;
  }

  return {
    adapter: 'sim',
    async poll(after, limit) {
      const from = Math.max(seqFromCursor(after), baseSeq());
      const start = from - baseSeq();
      const items = records.slice(start, start + limit);
      return { items, cursor: items.length > 0 ? `${runId}:${from + items.length}` : after };
    },
    onAvailable(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async evidence(record, name): Promise<EvidenceFile | null> {
      const spec = record.evidence.find((x) => x.name === name);
      const camera = cameraById.get(record.cameraId);
      if (!spec || !camera) return null;
      const key = createHash('sha256').update(record.id).digest('hex').slice(0, 24);
      const file = path.join(options.mediaDir, key.slice(0, 2), `${key}-${name}`);
      const cached = await fs.readFile(file).catch(() => null);
      if (cached) return { bytes: cached, contentType: spec.contentType };
      const bytes = await serialized(() =>
        renderEvidence(record, camera, name, {
          workDir: path.join(options.mediaDir, 'tmp', `${key}-${process.pid}`),
          ffmpeg: options.ffmpeg,
        }),
      );
      if (!bytes) return null;
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written under a temporary name and renamed, so a concurrent reader never sees half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
      return { bytes, contentType: spec.contentType };
    },
    async decide(id, decision) {
      const prior = decided.find((d) => d.id === id);
      if (prior && prior.decision.decision !== decision.decision)
        throw new Error(`violation ${id} already decided ${prior.decision.decision}`);
      if (!prior) decided.push({ id, decision });
    },
    decisions: () => decided,
    async start() {
      unsubscribe = analytics.onMessage(onMessage);
    },
    async stop() {
      unsubscribe?.();
    },
    async health() {
      return { ok: true, detail: `simulated violation service, ${records.length} records` };
    },
  };
}
