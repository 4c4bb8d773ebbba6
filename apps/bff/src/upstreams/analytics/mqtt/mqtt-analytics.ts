import os from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from '../../../platform/logger';
import type { AnalyticsMessage, AnalyticsPort } from '../analytics-port';

/**
 * Topic scheme (documented in docs/mqtt.md):
 *   <root>/<siteId>/events/<type>  our native AnalyticsEventInput JSON, one event per message (root: c2/v1)
 *   <frigatePrefix>/events         Frigate's own event messages (new / update / end)
 * Both are consumed through a shared subscription, so N BFF instances in one group split the stream and each
 * message is processed by one of them.
 */
export interface MqttAnalyticsOptions {
  url: string;
  /** Shared-subscription group: every BFF instance of one deployment uses the same. */
  group: string;
  /** Root of the native topics (MQTT_TOPIC_ROOT, default c2/v1). */
  topicRoot: string;
  frigatePrefixes: string[];
  /** Connections per instance: each has one message in flight (acknowledged after commit). */
  consumers: number;
  logger: Logger;
}

const RETRY_MAX_MS = 5000;

export function createMqttAnalytics(options: MqttAnalyticsOptions): AnalyticsPort {
  const { logger } = options;
  const listeners = new Set<(message: AnalyticsMessage) => Promise<unknown>>();
  const clients: MqttClient[] = [];
  const frigateTopics = new Set(options.frigatePrefixes.map((p) => `${p}/events`));
  const filters = [`${options.topicRoot}/+/events/#`, ...frigateTopics].map(
    (t) => `$share/${options.group}/${t}`,
  );
  let stopping = false;
  let received = 0;

  async function deliver(message: AnalyticsMessage): Promise<void> {
    // The database may be down: keep the message (unacknowledged, so the broker still owes it) and retry.
    for (let delay = 200; !stopping; delay = Math.min(delay * 2, RETRY_MAX_MS)) {
      try {
        if (listeners.size === 0) throw new Error('no consumer attached');
        await Promise.all([...listeners].map((l) => l(message)));
        return;
      } catch (err) {
        logger.error({ err, source: message.source, retryInMs: delay }, 'analytics message not stored yet');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  function connect(index: number): Promise<void> {
    const client = mqtt.connect(options.url, {
      protocolVersion: 5,
      clientId: `c2-bff-${os.hostname()}-${process.pid}-${index}-${Math.random().toString(36).slice(2, 8)}`,
      clean: true,
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
    });
    // mqtt.js sends PUBACK only when this callback runs: after the event is committed.
    client.handleMessage = (packet, done) => {
      received++;
      const format = frigateTopics.has(packet.topic) ? 'frigate' : 'native';
      deliver({ format, source: `mqtt:${packet.topic}`, body: { raw: packet.payload as Buffer } }).then(
        () => done(),
        () => done(),
      );
    };
    client.on('error', (err) => logger.warn({ err: err.message }, 'mqtt error'));
    client.on('reconnect', () => logger.info({ index }, 'mqtt reconnecting'));
    clients.push(client);
    return new Promise((resolve, reject) => {
      client.once('connect', () => {
        client.subscribe(filters, { qos: 1 }, (err) => (err ? reject(err) : resolve()));
      });
      client.once('error', reject);
    });
  }

  return {
    adapter: 'mqtt',
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      await Promise.all(Array.from({ length: options.consumers }, (_, i) => connect(i)));
      logger.info({ url: options.url, filters, consumers: options.consumers }, 'mqtt analytics subscribed');
    },
    async stop() {
      stopping = true;
      await Promise.all(clients.map((c) => c.endAsync()));
    },
    async health() {
      const connected = clients.filter((c) => c.connected).length;
      return {
        ok: connected === clients.length && clients.length > 0,
        detail: `mqtt ${connected}/${clients.length} connections, ${received} messages`,
      };
    },
  };
}

/** Several analytics sources behind one port (e.g. MQTT plus the simulator in a demo). */
export function combineAnalytics(ports: AnalyticsPort[]): AnalyticsPort {
  return {
    adapter: ports.map((p) => p.adapter).join('+'),
    onMessage(listener) {
      const offs = ports.map((p) => p.onMessage(listener));
      return () => offs.forEach((off) => off());
    },
    async start() {
      await Promise.all(ports.map((p) => p.start()));
    },
    async stop() {
      await Promise.all(ports.map((p) => p.stop()));
    },
    async health() {
      const all = await Promise.all(ports.map((p) => p.health()));
      return { ok: all.every((h) => h.ok), detail: all.map((h) => h.detail).join('; ') };
    },
  };
}
