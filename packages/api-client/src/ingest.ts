/**
 * The HTTP ingestion webhook's contract for producers (edge boxes, the AI platform): POST a JSON array of events
 * (`analyticsEventInputSchema`, or Frigate's with `?format=frigate`) to `/ingest/v1/events` with these headers.
 * The signature is the hex HMAC-SHA256, keyed by the key's secret, over `"<timestamp>.<raw body>"`; the timestamp
 * is Unix seconds and must be within the server's replay window (INGEST_MAX_SKEW_SECONDS). See docs/mqtt.md.
 */
export const INGEST_PATH = '/ingest/v1/events';
export const INGEST_HEADERS = {
  keyId: 'x-c2-key-id',
  timestamp: 'x-c2-timestamp',
  signature: 'x-c2-signature',
} as const;
