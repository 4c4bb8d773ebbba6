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
  /** This instance's stable id: connection i is `<clientId>-<i>`, so a restarted instance resumes its sessions. */
  clientId: string;
  /** How long the broker keeps a session (and queues for it) while its connection is down; 0: no session. */
  sessionExpirySeconds: number;
  logger: Logger;
}

const RETRY_MAX_MS = 5000;

/**
 * The client id and session lifetime an instance uses. A session is only worth keeping under an id the instance
 * will use again after a restart: MQTT_CLIENT_ID, or host name and port. A process on port 0 (tests) has no
 * such identity, so it gets a throwaway id and no session, instead of leaving orphans on the broker.
 */
export function mqttIdentity(config: {
  mqttClientId?: string | undefined;
  port: number;
  mqttSessionExpirySeconds: number;
}): { clientId: string; sessionExpirySeconds: number } {
  if (config.mqttClientId)
    return { clientId: config.mqttClientId, sessionExpirySeconds: config.mqttSessionExpirySeconds };
  const host = os
    .hostname()
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .slice(0, 60);
  if (config.port !== 0)
    return {
      clientId: `c2-bff-${host}-${config.port}`,
      sessionExpirySeconds: config.mqttSessionExpirySeconds,
    };
  return {
    clientId: `c2-bff-${host}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    sessionExpirySeconds: 0,
  };
}

/**
 * QoS 1 consumers that acknowledge a message only after it is committed. With a session (the default) each
 * connection has a stable client id and the broker keeps its session while it is away: what the instance had
 * received but not acknowledged when it crashed, and what the broker queued for it meanwhile, is redelivered when
 * it comes back (without a session, Mosquitto drops all of it with the connection). Redeliveries of messages that
 * were committed just before a crash are absorbed as duplicates by the event ids.
 */
export function createMqttAnalytics(options: MqttAnalyticsOptions): AnalyticsPort {
  const { logger } = options;
  const listeners = new Set<(message: AnalyticsMessage) => Promise<unknown>>();
  const clients: MqttClient[] = [];
  const frigateTopics = new Set(options.frigatePrefixes.map((p) => `${p}/events`));
  const filters = [`${options.topicRoot}/+/events/#`, ...frigateTopics].map(
    (t) => `$share/${options.group}/${t}`,
  );
  const persistent = options.sessionExpirySeconds > 0;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let onStop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (onStop = resolve));
  let received = 0;

  /** True once stored (or dead-lettered); false if the process is stopping first (then it is not acknowledged). */
  async function deliver(message: AnalyticsMessage): Promise<boolean> {
    // The database may be down: keep the message (unacknowledged, so the broker still owes it) and retry.
    for (let delay = 200; !stopping; delay = Math.min(delay * 2, RETRY_MAX_MS)) {
      try {
        if (listeners.size === 0) throw new Error('no consumer attached');
        await Promise.all([...listeners].map((l) => l(message)));
        return true;
      } catch (err) {
        logger.error({ err, source: message.source, retryInMs: delay }, 'analytics message not stored yet');
        await Promise.race([new Promise((r) => setTimeout(r, delay)), stopped]);
      }
    }
    return false;
  }

  function connect(index: number): Promise<void> {
    const client = mqtt.connect(options.url, {
      protocolVersion: 5,
      clientId: `${options.clientId}-${index}`,
      clean: !persistent,
      ...(persistent ? { properties: { sessionExpiryInterval: options.sessionExpirySeconds } } : {}),
      // Soon after a broker restart: until the consumers subscribe again, the broker has nobody to give messages to.
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      // Subscribing is done on every connection below; mqtt.js's own resubscription skips kept sessions.
      resubscribe: false,
    });
    // mqtt.js sends PUBACK only when `done` runs, and hands over the next message of this connection only then.
    client.handleMessage = (packet, done) => {
      // Stopping: leave it unacknowledged; the broker redelivers it to this session (or another member).
      if (stopping) return;
      received++;
      const format = frigateTopics.has(packet.topic) ? 'frigate' : 'native';
      const work = deliver({
        format,
        source: `mqtt:${packet.topic}`,
        body: { raw: packet.payload as Buffer },
      }).then((stored) => {
        if (stored) done();
      });
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    };
    client.on('error', (err) => logger.warn({ err: err.message }, 'mqtt error'));
    client.on('reconnect', () => logger.info({ index }, 'mqtt reconnecting'));
    clients.push(client);
    // Subscribe on every connection, also when the broker says it kept the session: Mosquitto 2.0 restores a
    // persisted session after its own restart without its shared subscriptions, and the consumer would sit
    // connected, receiving nothing (SUBSCRIBE again repairs it; re-subscribing an intact one is a no-op).
    return new Promise((resolve, reject) => {
      client.on('connect', () => {
        client.subscribe(filters, { qos: 1 }, (err) => {
          if (err) {
            logger.error({ err: err.message, index }, 'mqtt subscribe failed');
            reject(err);
          } else {
            logger.debug({ index }, 'mqtt subscribed');
            resolve();
          }
        });
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
      logger.info(
        { url: options.url, filters, consumers: options.consumers, clientId: options.clientId, persistent },
        'mqtt analytics subscribed',
      );
    },
    async stop() {
      stopping = true;
      onStop();
      // Commits under way finish and are acknowledged; the session (if any) keeps the rest for the next start.
      await Promise.allSettled([...inFlight]);
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
