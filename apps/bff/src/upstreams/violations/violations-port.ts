import type { Violation } from '@c2/api-client/schemas/violation';
import type { Upstream } from '../upstream-health';

/** The violation processing service: records with evidence; decisions go back to it. */
export interface ViolationsPort extends Upstream {
  list(filter: { status?: Violation['status']; limit: number }): Promise<Violation[]>;
  get(id: string): Promise<Violation | null>;
  onViolation(listener: (violation: Violation) => void): () => void;
}
