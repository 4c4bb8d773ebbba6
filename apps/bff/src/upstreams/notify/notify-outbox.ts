import client from 'prom-client';
import type { Channel, OutboxMessage } from '@c2/api-client/schemas/alert';
import type { Config } from '../../platform/config';
import type { Db, Queryable, SqlParam } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import type { Metrics } from '../../platform/metrics';
import { createLocalOutboxAdapter } from './local/local-outbox';
import type { MessageParams, NotifyAdapter, OutgoingMessage, SendResult } from './notify-port';
import { createHttpSmsAdapter } from './sms-http/http-sms';
import { createSmtpEmailAdapter } from './smtp/smtp-email';
import { createZaloZnsAdapter } from './zalo/zalo-zns';

/** A message to send, addressed and rendered; written in the caller's transaction. */
export interface NewMessage {
  alertId: string | null;
  channel: Channel;
  recipientId: string | null;
  recipientName: string;
  address: string | null;
  subject: string;
  body: string;
  ackUrl: string | null;
  params: MessageParams | Record<string, never>;
  /** Why it was sent, e.g. "escalation level 2". */
  reason: string;
}

interface OutboxRow {
  id: number;
  alert_id: string | null;
  channel: Channel;
  transport: string;
  recipient_id: string | null;
  recipient_name: string;
  address: string | null;
  subject: string;
  body: string;
  ack_url: string | null;
  params: MessageParams | Record<string, never>;
  reason: string;
  status: OutboxMessage['status'];
  attempts: number;
  last_error: string | null;
  created_at: Date;
  next_attempt_at: Date | null;
  sent_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toOutboxMessage(r: OutboxRow): OutboxMessage {
  return {
    id: r.id,
    alertId: r.alert_id,
    channel: r.channel,
    transport: r.transport,
    recipientId: r.recipient_id,
    recipientName: r.recipient_name,
    address: r.address,
    subject: r.subject,
    body: r.body,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    reason: r.reason,
    createdAt: new Date(r.created_at).toISOString(),
    nextAttemptAt: iso(r.next_attempt_at),
    sentAt: iso(r.sent_at),
  };
}

/** Adapters by channel as the configuration names them; a channel without a gateway delivers locally. */
export function adaptersFromConfig(config: Config): Record<Channel, NotifyAdapter> {
  return {
    in_app: createLocalOutboxAdapter('in_app'),
    email: config.smtpUrl
      ? createSmtpEmailAdapter({ url: config.smtpUrl, from: config.smtpFrom })
      : createLocalOutboxAdapter('email'),
    sms: config.smsGatewayUrl
      ? createHttpSmsAdapter({
          url: config.smsGatewayUrl,
          token: config.smsGatewayToken,
          brandname: config.smsBrandname,
        })
      : createLocalOutboxAdapter('sms'),
    zalo: config.zaloOaAccessToken
      ? createZaloZnsAdapter({
          url: config.zaloOaApiUrl,
          accessToken: config.zaloOaAccessToken,
          templateId: config.zaloOaTemplateId,
        })
      : createLocalOutboxAdapter('zalo'),
  };
}

/** Seconds before attempt n+1: 2, 4, 8 … capped at 10 minutes. */
export const backoffSeconds = (attempts: number) => Math.min(600, 2 ** Math.max(1, attempts));

const LEASE_SECONDS = 60;

/**
 * The durable outbox: every notification is a row written in the transaction that decided to send it, then
 * delivered by whichever instance claims it (FOR UPDATE SKIP LOCKED), with retries, exponential backoff and a
 * delivery status. A claim is a lease: an instance that dies mid-send leaves a row another one picks up after
 * the lease, so a message is never lost (at worst sent twice, which only a crash during the send can cause).
 */
export function createNotifyOutbox(deps: {
  db: Db;
  adapters: Record<Channel, NotifyAdapter>;
  maxAttempts: number;
  logger: Logger;
  metrics: Metrics;
  pollMs?: number;
}) {
  const { db, adapters, logger } = deps;
  const pollMs = deps.pollMs ?? 500;
  const sent = new client.Counter({
    name: 'c2_notify_messages_total',
    help: 'Notification delivery attempts by channel and outcome (sent, retry, dead)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [deps.metrics.registry],
  });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  const delivered = new Set<(ids: number[]) => void>();

  async function claim(): Promise<OutboxRow[]> {
    return db.query<OutboxRow>(
      `UPDATE notify_outbox SET status = 'sending', attempts = attempts + 1,
         lease_until = clock_timestamp() + interval '${LEASE_SECONDS} seconds'
       WHERE id IN (
         SELECT id FROM notify_outbox
         WHERE (status IN ('pending', 'failed') AND next_attempt_at <= clock_timestamp())
            OR (status = 'sending' AND lease_until < clock_timestamp())
         ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
    );
  }

  /** Marks delivered messages in one statement: a burst of escalations sends hundreds at once. */
  async function settleSent(rows: readonly OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    for (const r of rows) sent.inc({ channel: r.channel, outcome: 'sent' });
    await db.query(
      `UPDATE notify_outbox SET status = 'sent', sent_at = clock_timestamp(), last_error = NULL,
         lease_until = NULL, next_attempt_at = NULL WHERE id = ANY($1::bigint[])`,
      [rows.map((r) => r.id)],
    );
  }

  async function settleFailed(row: OutboxRow, result: Extract<SendResult, { ok: false }>): Promise<void> {
    const dead = result.permanent || row.attempts >= deps.maxAttempts;
    sent.inc({ channel: row.channel, outcome: dead ? 'dead' : 'retry' });
    logger.warn(
      { id: row.id, channel: row.channel, error: result.error, dead },
      'notification not delivered',
    );
    await db.query(
      `UPDATE notify_outbox SET status = $2, last_error = $3, lease_until = NULL,
         next_attempt_at = CASE WHEN $2 = 'dead' THEN NULL ELSE clock_timestamp() + make_interval(secs => $4) END
       WHERE id = $1`,
      [row.id, dead ? 'dead' : 'failed', result.error, backoffSeconds(row.attempts)],
    );
  }

  async function deliver(row: OutboxRow): Promise<OutboxRow | null> {
    const message: OutgoingMessage = {
      id: row.id,
      channel: row.channel,
      address: row.address,
      recipientName: row.recipient_name,
      subject: row.subject,
      body: row.body,
      ackUrl: row.ack_url,
      params: row.params,
    };
    const adapter = adapters[row.channel];
    const result = await adapter
      .send(message)
      .catch((err: unknown): SendResult => ({ ok: false, error: String(err), permanent: false }));
    if (result.ok) return row;
    await settleFailed(row, result);
    return null;
  }

  async function pass(): Promise<void> {
    for (;;) {
      const rows = await claim();
      if (rows.length === 0) return;
      const done = await Promise.all(rows.map((r) => deliver(r)));
      await settleSent(done.filter((r): r is OutboxRow => r !== null));
      const ok = rows.map((r) => r.id);
      for (const l of delivered) l(ok);
    }
  }

  function run(): void {
    if (stopped || running) return;
    running = pass()
      .catch((err: unknown) => logger.error({ err }, 'outbox pass failed'))
      .finally(() => {
        running = null;
        schedule(pollMs);
      });
  }
  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref();
  }

  return {
    adapters,

    /** Writes messages inside the caller's transaction; call `wake` after it commits. */
    async enqueueWithin(q: Queryable, messages: readonly NewMessage[]): Promise<void> {
      if (messages.length === 0) return;
      const params: SqlParam[] = [];
      const rows = messages.map((m) => {
        const b = params.length;
        params.push(
          m.alertId,
          m.channel,
          adapters[m.channel].transport,
          m.recipientId,
          m.recipientName,
          m.address,
          m.subject,
          m.body,
          m.ackUrl,
          JSON.stringify(m.params),
          m.reason,
        );
        const p = Array.from({ length: 11 }, (_, i) => `$${b + i + 1}`);
        return `(${p.slice(0, 9).join(', ')}, ${p[9]}::jsonb, ${p[10]}, clock_timestamp())`;
      });
      await q.query(
        `INSERT INTO notify_outbox (alert_id, channel, transport, recipient_id, recipient_name, address, subject,
           body, ack_url, params, reason, next_attempt_at) VALUES ${rows.join(', ')}`,
        params,
      );
    },

    /** Something was enqueued and committed: deliver now rather than at the next poll. */
    wake(): void {
      if (!stopped && !running) schedule(0);
    },

    onDelivered(listener: (ids: number[]) => void): () => void {
      delivered.add(listener);
      return () => delivered.delete(listener);
    },

    async list(filter: { limit: number; alertId?: string | undefined }): Promise<OutboxMessage[]> {
      const rows = await db.query<OutboxRow>(
        `SELECT * FROM notify_outbox WHERE ($2::text IS NULL OR alert_id = $2) ORDER BY id DESC LIMIT $1`,
        [filter.limit, filter.alertId ?? null],
      );
      return rows.map(toOutboxMessage);
    },

    async inAppFor(userId: string, limit: number): Promise<OutboxMessage[]> {
      const rows = await db.query<OutboxRow>(
        `SELECT * FROM notify_outbox WHERE recipient_id = $1 AND channel = 'in_app' ORDER BY id DESC LIMIT $2`,
        [userId, limit],
      );
      return rows.map(toOutboxMessage);
    },

    /** An administrator sends a failed or dead message again. */
    async retry(id: number): Promise<OutboxMessage | null> {
      const rows = await db.query<OutboxRow>(
        `UPDATE notify_outbox SET status = 'pending', next_attempt_at = clock_timestamp(), last_error = NULL,
           attempts = 0 WHERE id = $1 AND status IN ('failed', 'dead') RETURNING *`,
        [id],
      );
      if (rows[0]) this.wake();
      return rows[0] ? toOutboxMessage(rows[0]) : null;
    },

    start(): void {
      stopped = false;
      schedule(0);
    },

    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await Promise.all(Object.values(adapters).map((a) => a.close?.()));
    },
  };
}
export type NotifyOutbox = ReturnType<typeof createNotifyOutbox>;
