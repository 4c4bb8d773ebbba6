import { z } from 'zod';
import { isoTime } from './common';
import { cameraStatusSchema } from './camera';
import { analyticsEventSchema } from './event';
import { alertSchema } from './alert';
import { unitSchema } from './unit';
import { violationSchema } from './violation';
import { incidentSchema } from './incident';
import { deviceHealthChangeSchema } from './device';

const entryBase = {
  /** Monotonically increasing sequence number of the durable event log. */
  seq: z.number().int().nonnegative(),
  ts: isoTime,
  /** Jurisdiction of the change; null for province-wide records. */
  areaId: z.string().nullable(),
};

/**
 * One durable state change, as stored in the event log and pushed to consoles. A console that reconnects sends the
 * last `seq` it applied and receives every entry after it that it may see.
 */
export const logEntrySchema = z.discriminatedUnion('topic', [
  z.object({ ...entryBase, topic: z.literal('camera.status'), data: cameraStatusSchema }),
  z.object({ ...entryBase, topic: z.literal('event.new'), data: analyticsEventSchema }),
  z.object({ ...entryBase, topic: z.literal('alert.changed'), data: alertSchema }),
  z.object({ ...entryBase, topic: z.literal('unit.changed'), data: unitSchema }),
  z.object({ ...entryBase, topic: z.literal('violation.new'), data: violationSchema }),
  z.object({ ...entryBase, topic: z.literal('incident.changed'), data: incidentSchema }),
  z.object({ ...entryBase, topic: z.literal('device.health'), data: deviceHealthChangeSchema }),
  /** A violation's review status changed (verified, rejected, awaiting or given its second approval). */
  z.object({ ...entryBase, topic: z.literal('violation.changed'), data: violationSchema }),
]);
export type LogEntry = z.infer<typeof logEntrySchema>;
export type LogTopic = LogEntry['topic'];
export type LogData<T extends LogTopic> = Extract<LogEntry, { topic: T }>['data'];
export const LOG_TOPICS = [
  'camera.status',
  'event.new',
  'alert.changed',
  'unit.changed',
  'violation.new',
  'incident.changed',
  'device.health',
  'violation.changed',
] as const;

/** What the server answers to a resume: the missed entries in order, and whether they are all there. */
export const replaySchema = z.object({
  entries: z.array(logEntrySchema),
  /** Highest seq in the log when the replay was read. */
  head: z.number().int().nonnegative(),
  /**
   * False when more was missed than a replay carries (or the log was trimmed past the client's seq): the client
   * must refetch its server state instead of patching it.
   */
  complete: z.boolean(),
});
export type Replay = z.infer<typeof replaySchema>;

/** The handshake a console sends when it (re)connects. */
export const liveHandshakeSchema = z.object({
  lastSeq: z.number().int().nonnegative().nullable(),
});
export type LiveHandshake = z.infer<typeof liveHandshakeSchema>;
