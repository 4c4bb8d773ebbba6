import { analyticsEventInputSchema, type AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { z } from 'zod';
import type { Db, Queryable } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import type { Logger } from '../../../platform/logger';
import type { Metrics } from '../../../platform/metrics';
import type { EventLog } from '../../live/domain/event-log';
import type { Tier } from '../../live/domain/audience';
import type { CameraRef } from '../../cameras/domain/camera-service';
import type { AnalyticsMessage } from '../../../upstreams/analytics/analytics-port';
import { frigateEventSchema, fromFrigate } from '../../../upstreams/analytics/mqtt/frigate-event';
import { insertEvents } from '../data/event-store';
import { insertDeadLetters, type NewDeadLetter } from '../data/dead-letter-store';

export type IngestOutcome =
  | { outcome: 'stored'; event: AnalyticsEvent }
  | { outcome: 'duplicate'; id: string }
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'rejected'; reason: string };

type Parsed =
  | { ok: true; input: z.output<typeof analyticsEventInputSchema> }
  | { ok: false; reason: string; ignore?: boolean };

const issuesOf = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');

function rawText(body: AnalyticsMessage['body']): string {
  if ('raw' in body) return body.raw.toString('utf8');
  try {
    return JSON.stringify(body.decoded) ?? String(body.decoded);
  } catch {
    // Nested deeper than the stack (a hostile payload): keep a marker rather than fail the batch.
    return '(not serializable: nested too deep)';
  }
}

const isUnavailable = (err: unknown) => err instanceof AppError && err.code === 'unavailable';

/** Decodes, maps (Frigate) and validates one message; never throws. */
function parse(message: AnalyticsMessage): Parsed {
  let payload: unknown;
  if ('raw' in message.body) {
    try {
      payload = JSON.parse(message.body.raw.toString('utf8'));
    } catch {
      return { ok: false, reason: '(message): not valid JSON' };
    }
  } else payload = message.body.decoded;
  if (message.format === 'frigate') {
    const frigate = frigateEventSchema.safeParse(payload);
    if (!frigate.success) return { ok: false, reason: `frigate ${issuesOf(frigate.error)}` };
    const mapped = fromFrigate(frigate.data);
    if (!mapped) return { ok: false, ignore: true, reason: 'false positive' };
    payload = mapped;
  }
  const parsed = analyticsEventInputSchema.safeParse(payload);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, reason: issuesOf(parsed.error) };
}

/**
 * Work another component does with newly stored events inside the ingest transaction (an alert inbox row, a KPI
 * rollup): it commits with the events or not at all, so a crash between the two cannot lose it.
 */
export type StoredEventsSink = (q: Queryable, events: readonly AnalyticsEvent[]) => Promise<void>;

interface Pending {
  message: AnalyticsMessage;
  resolve: (outcome: IngestOutcome) => void;
  reject: (err: unknown) => void;
}

/**
 * The door for analytics events, whatever carried them (MQTT, HTTP webhook, simulator): decode, validate, attach
 * jurisdiction from the camera, store once (idempotent by id), append to the event log, publish. A message that
 * cannot be accepted goes to the dead letters with its reason and raw payload, and is counted; nothing throws.
 *
 * Messages that arrive while a write is under way are grouped into the next transaction (at most `maxBatch`), so
 * many concurrent producers cost one commit, not one each. `submit` settles after the commit: a caller that
 * acknowledges only then (MQTT QoS 1, the webhook's 202) never loses an accepted event.
 */
export function createEventIngest(deps: {
  db: Db;
  eventLog: EventLog;
  cameraRef: (id: string) => CameraRef | undefined;
  metrics: Metrics;
  logger: Logger;
  lateAfterMs: number;
  maxBatch?: number;
}) {
  const { db, eventLog, metrics, logger } = deps;
  const maxBatch = deps.maxBatch ?? 500;
  const sinks = new Set<StoredEventsSink>();
  let queue: Pending[] = [];
  let writing: Promise<void> | null = null;

  async function writeBatch(batch: Pending[]): Promise<void> {
    const outcomes: IngestOutcome[] = new Array(batch.length);
    const dead: NewDeadLetter[] = [];
    const accepted: Array<{
      index: number;
      event: Omit<AnalyticsEvent, 'receivedAt' | 'delayed'>;
      tier: Tier;
    }> = [];
    batch.forEach(({ message }, index) => {
      const parsed = parse(message);
      if (parsed.ok) {
        const ref = deps.cameraRef(parsed.input.cameraId);
        if (ref) {
          accepted.push({ index, event: { ...parsed.input, areaId: ref.areaId }, tier: ref.tier });
          return;
        }
        outcomes[index] = {
          outcome: 'rejected',
          reason: `cameraId: unknown camera ${parsed.input.cameraId}`,
        };
      } else if (parsed.ignore) {
        outcomes[index] = { outcome: 'ignored', reason: parsed.reason };
        metrics.eventsIngested.inc({ outcome: 'ignored' });
        return;
      } else {
        outcomes[index] = { outcome: 'rejected', reason: parsed.reason };
      }
      const reason = (outcomes[index] as { reason: string }).reason;
      dead.push({ source: message.source, format: message.format, reason, payload: rawText(message.body) });
    });

    const stored = await db.tx(async (q) => {
      if (dead.length > 0) await insertDeadLetters(q, dead);
      const events = await insertEvents(
        q,
        accepted.map((a) => a.event),
        deps.lateAfterMs,
      );
      const tiers = new Map<string, Tier>(accepted.map((a) => [a.event.id, a.tier]));
      // Consoles see events in the order they happened, also when a backlog arrives late.
      events.sort((a, b) => a.ts.localeCompare(b.ts));
      if (events.length > 0) for (const sink of sinks) await sink(q, events);
      const items = await eventLog.appendWithin(
        q,
        events.map((e) => ({
          topic: 'event.new' as const,
          areaId: e.areaId,
          tier: tiers.get(e.id) ?? 2,
          data: e,
        })),
      );
      return { events, items };
    });
    try {
      eventLog.publish(stored.items);
    } catch (err) {
      // Committed: a failing live push must not make the producer send it again. Consoles catch up by replay.
      logger.error({ err }, 'live publish of stored events failed');
    }

    const byId = new Map(stored.events.map((e) => [e.id, e]));
    for (const a of accepted) {
      const event = byId.get(a.event.id);
      // A repeated id inside one batch is stored once: the first claims it, the rest are duplicates.
      if (event) byId.delete(a.event.id);
      outcomes[a.index] = event ? { outcome: 'stored', event } : { outcome: 'duplicate', id: a.event.id };
    }
    for (const [i, o] of outcomes.entries()) {
      if (o.outcome === 'stored' || o.outcome === 'duplicate')
        metrics.eventsIngested.inc({ outcome: o.outcome });
      if (o.outcome === 'rejected') {
        const source = batch[i]!.message.source.split(':')[0] ?? 'unknown';
        metrics.badInput.inc({ source: `analytics:${source}` });
        metrics.deadLetters.inc({ source });
        logger.warn(
          { source: batch[i]!.message.source, reason: o.reason },
          'analytics message dead-lettered',
        );
      }
      batch[i]!.resolve(o);
    }
  }

  /**
   * One message the database refuses although it passed validation must not sink its neighbours, nor come back
   * forever (an MQTT message that is never acknowledged is redelivered forever): written alone, it is
   * dead-lettered with the database's reason. Only an unavailable database makes messages wait.
   */
  async function writeAlone(p: Pending): Promise<void> {
    try {
      await writeBatch([p]);
    } catch (err) {
      if (isUnavailable(err)) return p.reject(err);
      const reason = `not storable: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
      const { message } = p;
      await insertDeadLetters(db, [
        { source: message.source, format: message.format, reason, payload: rawText(message.body) },
      ]).catch((e: unknown) => logger.error({ err: e }, 'dead letter not storable either'));
      const source = message.source.split(':')[0] ?? 'unknown';
      metrics.badInput.inc({ source: `analytics:${source}` });
      metrics.deadLetters.inc({ source });
      logger.warn({ source: message.source, reason }, 'analytics message dead-lettered');
      p.resolve({ outcome: 'rejected', reason });
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await writeBatch(batch);
      } catch (err) {
        logger.error({ err }, 'analytics batch write failed');
        if (isUnavailable(err)) for (const p of batch) p.reject(err);
        else for (const p of batch) await writeAlone(p);
      }
    }
    writing = null;
  }

  return {
    /** Settles when the message is stored, absorbed, ignored or dead-lettered; rejects only if the database fails. */
    submit(message: AnalyticsMessage): Promise<IngestOutcome> {
      return new Promise<IngestOutcome>((resolve, reject) => {
        queue.push({ message, resolve, reject });
        writing ??= Promise.resolve().then(drain);
      });
    },
    /** Registers work done with newly stored (not duplicate) events inside their transaction. */
    onStoredWithin(sink: StoredEventsSink): () => void {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    /** Waits for everything queued to be written (graceful shutdown). */
    async flush(): Promise<void> {
      while (writing) await writing;
    },
  };
}
export type EventIngest = ReturnType<typeof createEventIngest>;
