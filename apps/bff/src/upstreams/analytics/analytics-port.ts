import type { Upstream } from '../upstream-health';

/** The formats the center accepts: its own (`analyticsEventInputSchema` in api-client) and Frigate's MQTT events. */
export type AnalyticsFormat = 'native' | 'frigate';

/**
 * One message from an edge AI box or the AI platform, untrusted: the events component parses and validates it.
 * `body` is either the raw bytes as received (JSON to decode) or a value a transport already decoded (one item of
 * a webhook batch, the simulator's object): only raw bytes are JSON-decoded, so a JSON *string* item is not
 * decoded a second time.
 */
export interface AnalyticsMessage {
  format: AnalyticsFormat;
  /** Where it came from, e.g. "mqtt:c2/v1/bn-01/events/wrong_way" or "http:edge-01". */
  source: string;
  body: { raw: Buffer } | { decoded: unknown };
}

/**
 * Edge AI boxes and the AI platform. The listener's promise settles when the message is stored (or dead-lettered):
 * adapters with acknowledgements (MQTT QoS 1) acknowledge only then, so an accepted message is never lost.
 */
export interface AnalyticsPort extends Upstream {
  onMessage(listener: (message: AnalyticsMessage) => Promise<unknown>): () => void;
}
