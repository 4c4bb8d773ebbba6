import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { INGEST_HEADERS, INGEST_PATH } from '@c2/api-client/ingest';
import { signIngest } from '../../src/components/events/http/ingest-webhook';
import { login } from '../support/test-server';

/** What fault tests share: edge producers that remember what was acknowledged, and a look into the store. */

export const INGEST_KEY = { id: 'fault-edge', secret: 'fault-edge-secret-0123456789' };
export const INGEST_KEYS_ENV = `${INGEST_KEY.id}:${INGEST_KEY.secret}`;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls until the check holds. A check that throws (a request to a process that is restarting, a connection a
 * busy server reset) counts as "not yet"; the last such error is named if time runs out.
 */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < end) {
    try {
      if (await check()) return;
    } catch (err) {
      lastError = err;
    }
    await sleep(100);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for: ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
  );
}

export function nativeEvent(id: string, cameraId: string) {
  return {
    id,
    cameraId,
    type: 'stalled_vehicle',
    severity: 'major',
    ts: new Date().toISOString(),
    objects: [{ label: 'truck', confidence: 0.91 }],
  };
}

/** Ids of the public cameras of the simulated province, asked of a running BFF. */
export async function publicCameras(baseUrl: string): Promise<string[]> {
  const session = await login(baseUrl, 'investigator');
  return (await session.api.cameras.list()).filter((c) => c.classification === 'public').map((c) => c.id);
}

/**
 * An edge box on MQTT, QoS 1, that does what docs/mqtt.md asks of producers: a PUBACK with reason code 0x10 ("no
 * matching subscribers": no BFF was subscribed, e.g. just after a broker restart) means the broker dropped the
 * message, so it is published again. `acked` holds the ids the broker accepted for a subscriber, which the center
 * must never lose. It reconnects by itself and re-sends what was not acknowledged, as mqtt.js does.
 */
export async function mqttEdge(url: string, topicRoot: string) {
  const client: MqttClient = await mqtt.connectAsync(url, {
    protocolVersion: 5,
    clientId: `edge-${randomUUID().slice(0, 8)}`,
    reconnectPeriod: 300,
  });
  client.on('error', () => undefined);
  const unrouted = new Set<number>();
  client.on('packetreceive', (packet) => {
    if (packet.cmd === 'puback' && packet.reasonCode === 0x10 && packet.messageId !== undefined)
      unrouted.add(packet.messageId);
  });
  const acked = new Set<string>();
  let republished = 0;

  async function publishOne(event: { id: string }): Promise<void> {
    for (;;) {
      const sent = await client.publishAsync(
        `${topicRoot}/site-1/events/stalled_vehicle`,
        JSON.stringify(event),
        { qos: 1 },
      );
      const id = sent?.messageId;
      if (id !== undefined && unrouted.delete(id)) {
        republished++;
        await sleep(200);
        continue;
      }
      acked.add(event.id);
      return;
    }
  }

  return {
    acked,
    /** Publishes answered "no matching subscribers" and sent again. */
    get republished() {
      return republished;
    },
    /** Publishes every event with at most `window` unacknowledged at a time; `pace` slows it (ms per message). */
    async publishAll(events: Array<{ id: string }>, opts: { window?: number; pace?: number } = {}) {
      const window = opts.window ?? 100;
      const pending = new Set<Promise<void>>();
      for (const event of events) {
        const p = publishOne(event).catch(() => undefined);
        pending.add(p);
        void p.finally(() => pending.delete(p));
        if (pending.size >= window) await Promise.race(pending);
        if (opts.pace) await sleep(opts.pace);
      }
      await Promise.all(pending);
    },
    close: () => client.endAsync(true),
  };
}

export interface WebhookAnswer {
  status: number;
  retryAfter: string | null;
  results: Array<{ outcome: string; id?: string; reason?: string }>;
}

export async function postSigned(baseUrl: string, body: string, query = ''): Promise<WebhookAnswer> {
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${baseUrl}${INGEST_PATH}${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INGEST_HEADERS.keyId]: INGEST_KEY.id,
      [INGEST_HEADERS.timestamp]: ts,
      [INGEST_HEADERS.signature]: signIngest(INGEST_KEY.secret, ts, body),
    },
    body,
  });
  const text = await res.text();
  let results: WebhookAnswer['results'] = [];
  if (res.status === 200) results = (JSON.parse(text) as { results: WebhookAnswer['results'] }).results;
  return { status: res.status, retryAfter: res.headers.get('retry-after'), results };
}

/**
 * A producer on the signed webhook that behaves as a careful one does: a batch counts as delivered only on a 200,
 * anything else (refused connection, 503) is retried. `acked` holds the ids answered 200; `statuses` every
 * answer it met (0: no connection), so a test can say what a producer saw during a fault.
 */
export function webhookEdge(baseUrl: () => string) {
  const acked = new Set<string>();
  const statuses: Array<{ status: number; retryAfter: string | null }> = [];
  return {
    acked,
    statuses,
    async deliver(events: Array<{ id: string }>, retryMs = 250): Promise<void> {
      const body = JSON.stringify(events);
      for (;;) {
        const answer = await postSigned(baseUrl(), body).catch((): WebhookAnswer => ({
          status: 0,
          retryAfter: null,
          results: [],
        }));
        statuses.push({ status: answer.status, retryAfter: answer.retryAfter });
        if (answer.status === 200) {
          for (const r of answer.results) {
            if (r.outcome !== 'stored' && r.outcome !== 'duplicate')
              throw new Error(`event refused: ${JSON.stringify(r)}`);
            acked.add(r.id!);
          }
          return;
        }
        await sleep(retryMs);
      }
    },
  };
}

/**
 * How many times each event id is stored, how many `event.new` log entries each has, and any further per-id
 * counts a test names (`once`: label → SQL returning `id, n`), each of which must also be at most one per id.
 * When the alert engine lands, the broker-restart test adds e.g.
 * `{ alerts: 'SELECT event_id AS id, count(*)::int AS n FROM alerts GROUP BY 1' }`.
 */
export interface StoreCounts {
  stored: Map<string, number>;
  logged: Map<string, number>;
  once: Record<string, Map<string, number>>;
}

const STORED_SQL = 'SELECT id, count(*)::int AS n FROM analytics_events GROUP BY id';
const LOGGED_SQL = `SELECT data->>'id' AS id, count(*)::int AS n FROM event_log WHERE topic = 'event.new' GROUP BY 1`;

type CountQuery = (sql: string) => Promise<Array<{ id: string; n: number }>>;

async function countWith(query: CountQuery, once: Record<string, string>): Promise<StoreCounts> {
  const counts = async (sql: string) => new Map((await query(sql)).map((r) => [r.id, Number(r.n)]));
  const extra: Record<string, Map<string, number>> = {};
  for (const [label, sql] of Object.entries(once)) extra[label] = await counts(sql);
  return { stored: await counts(STORED_SQL), logged: await counts(LOGGED_SQL), once: extra };
}

export async function postgresCounts(
  url: string,
  schema: string,
  once: Record<string, string> = {},
): Promise<StoreCounts> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await countWith(async (sql) => (await client.query<{ id: string; n: number }>(sql)).rows, once);
  } finally {
    await client.end();
  }
}

/** Opens an embedded database directory (its BFF must be stopped: PGlite has one owner at a time). */
export async function pgliteCounts(dir: string, once: Record<string, string> = {}): Promise<StoreCounts> {
  const db = await PGlite.create(dir);
  try {
    return await countWith(async (sql) => (await db.query<{ id: string; n: number }>(sql)).rows, once);
  } finally {
    await db.close();
  }
}

/** Ids acknowledged but absent, and ids stored, logged or counted more than once; all empty is the pass. */
export function audit(acknowledged: Iterable<string>, store: StoreCounts) {
  const twice = (m: Map<string, number>) => [...m].filter(([, n]) => n > 1).map(([id]) => id);
  const missing = [...acknowledged].filter((id) => !store.stored.has(id) || !store.logged.has(id));
  const onceTwice = Object.fromEntries(Object.entries(store.once).map(([label, m]) => [label, twice(m)]));
  return { missing, storedTwice: twice(store.stored), loggedTwice: twice(store.logged), onceTwice };
}

/** A counter of a BFF's /metrics (0 when absent). */
export async function metric(baseUrl: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const escaped = `${name}${labels ? `{${labels}}` : ''}`.replace(/[{}()[\].*+?^$|\\]/g, '\\$&');
  const m = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

const t0 = Date.now();
/** With FAULT_TRACE=1, prints each step of a fault test with the seconds since the file started. */
export function trace(step: string): void {
  if (process.env.FAULT_TRACE)
    process.stderr.write(`[fault +${((Date.now() - t0) / 1000).toFixed(1)}s] ${step}\n`);
}

/** /readyz's status (0 when the process does not answer). */
export async function readyStatus(baseUrl: string): Promise<number> {
  return fetch(`${baseUrl}/readyz`)
    .then((r) => r.status)
    .catch(() => 0);
}
