import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The hash the first entry of the chain links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry commits to. `ts` is the ISO time with milliseconds, exactly as stored and read back. */
export interface ChainedContent {
  id: number;
  ts: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/**
 * An entry's hash: SHA-256 over the previous entry's hash and the entry's canonical JSON. Including the id and
 * the previous hash means no entry can be edited, removed, reordered or slipped in without breaking every link
 * after it.
 */
export function entryHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/**
 * JSON as the database will give it back: jsonb keeps no `undefined`, no functions, no Dates (strings instead),
 * so the detail is normalised before it is hashed and stored.
 */
export function normaliseDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(detail ?? {})) as Record<string, unknown>;
}
