import type { DeadLetter } from '@c2/api-client/schemas/event';
import type { Queryable } from '../../../platform/db';

const MAX_PAYLOAD_CHARS = 65_536;

export interface NewDeadLetter {
  source: string;
  format: string;
  reason: string;
  payload: string;
}

export async function insertDeadLetters(q: Queryable, letters: NewDeadLetter[]): Promise<void> {
  for (const l of letters) {
    await q.query(
      `INSERT INTO dead_letters (source, format, reason, payload, payload_bytes) VALUES ($1, $2, $3, $4, $5)`,
      [
        l.source.slice(0, 512),
        l.format,
        l.reason.slice(0, 2000),
        // PostgreSQL text cannot hold NUL; the byte count keeps the original size.
        l.payload.slice(0, MAX_PAYLOAD_CHARS).replaceAll('\0', '\\u0000'),
        Buffer.byteLength(l.payload),
      ],
    );
  }
}

export async function selectDeadLetters(q: Queryable, limit: number): Promise<DeadLetter[]> {
  const rows = await q.query<{
    id: number;
    received_at: Date;
    source: string;
    format: string;
    reason: string;
    payload: string;
    payload_bytes: number;
  }>(`SELECT * FROM dead_letters ORDER BY id DESC LIMIT $1`, [limit]);
  return rows.map((r) => ({
    id: r.id,
    receivedAt: new Date(r.received_at).toISOString(),
    source: r.source,
    format: r.format,
    reason: r.reason,
    payload: r.payload,
    payloadBytes: r.payload_bytes,
  }));
}
