import type {
  ServiceDecision,
  ServicePage,
  ServiceViolation,
} from '@c2/api-client/schemas/violation-service';
import type { Upstream } from '../upstream-health';

export interface EvidenceFile {
  bytes: Buffer;
  contentType: string;
}

/**
 * The violation processing service: records with evidence, read in the order the service received them (a
 * cursor the BFF keeps), and final decisions going back to it. Contract: api-client `schemas/violation-service.ts`.
 */
export interface ViolationsPort extends Upstream {
  /** Records received after `after` (null: from the oldest the service still holds), at most `limit`. */
  poll(after: string | null, limit: number): Promise<ServicePage>;
  /** Nudged when the service has something new (the simulator); HTTP services are polled on a timer. */
  onAvailable(listener: () => void): () => void;
  /** One evidence file of a record; null when the service does not have it. */
  evidence(record: ServiceViolation, name: string): Promise<EvidenceFile | null>;
  /** Sends a final decision; resolves when the service accepted it, throws otherwise (the BFF retries). */
  decide(id: string, decision: ServiceDecision): Promise<void>;
}
