import type { Upstream } from '../upstream-health';

/**
 * Edge AI boxes and the AI platform. Messages arrive untrusted: the events component validates each against the
 * ingestion schema, so the port hands over raw payloads with where they came from.
 */
export interface AnalyticsPort extends Upstream {
  onMessage(listener: (payload: unknown, source: string) => void): () => void;
}
