import type { LogEntry } from '@c2/api-client/schemas/live';
import type { Queryable } from '../../../platform/db';
import type { Audience, Tier } from '../domain/audience';

export interface LogRow {
  seq: number;
  ts: Date;
  topic: string;
  area_id: string | null;
  tier: number;
  data: unknown;
}

export interface NewLogRow {
  topic: string;
  areaId: string | null;
  tier: Tier;
  data: unknown;
}

export function rowToEntry(row: LogRow): LogEntry {
  // The data was validated against the contract before it was appended; the cast restores its static type.
  return {
    seq: Number(row.seq),
    ts: row.ts.toISOString(),
    topic: row.topic,
    areaId: row.area_id,
    data: row.data,
  } as LogEntry;
}

/** Appends rows in one statement; sequence numbers come back in insertion order. */
export async function insertLogRows(q: Queryable, rows: readonly NewLogRow[]): Promise<LogRow[]> {
  if (rows.length === 0) return [];
  return q
    .query<LogRow>(
      `INSERT INTO event_log (topic, area_id, tier, data)
     SELECT t, a, ti, d::jsonb FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) AS x(t, a, ti, d)
     RETURNING seq, ts, topic, area_id, tier, data`,
      [
        rows.map((r) => r.topic),
        rows.map((r) => r.areaId) as string[],
        rows.map((r) => r.tier),
        rows.map((r) => JSON.stringify(r.data)),
      ],
    )
    .then((out) => out.sort((x, y) => Number(x.seq) - Number(y.seq)));
}

/** Entries after `afterSeq` that the audience may see, oldest first; one more than `limit` tells truncation. */
export async function selectLogSince(
  q: Queryable,
  afterSeq: number,
  audience: Audience,
  limit: number,
): Promise<LogRow[]> {
  return q.query<LogRow>(
    `SELECT seq, ts, topic, area_id, tier, data FROM event_log
     WHERE seq > $1 AND topic = ANY($2::text[]) AND tier <= $3
       AND (area_id IS NULL OR $4::text[] IS NULL OR area_id = ANY($4::text[]))
     ORDER BY seq LIMIT $5`,
    [afterSeq, audience.topics, audience.maxTier, audience.areas, limit + 1],
  );
}

/** Every entry after `afterSeq`, whatever its audience (the caller routes each to its rooms), oldest first. */
export async function selectLogTail(q: Queryable, afterSeq: number, limit: number): Promise<LogRow[]> {
  return q.query<LogRow>(
    `SELECT seq, ts, topic, area_id, tier, data FROM event_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [afterSeq, limit],
  );
}

/** The first seq written at or after `since`, looking only above `scanAfterSeq` (bounds the scan); null if none. */
export async function selectFirstSeqSince(
  q: Queryable,
  since: Date,
  scanAfterSeq: number,
): Promise<number | null> {
  const rows = await q.query<{ seq: number | null }>(
    'SELECT min(seq) AS seq FROM event_log WHERE seq > $1 AND ts >= $2',
    [scanAfterSeq, since],
  );
  return rows[0]?.seq == null ? null : Number(rows[0].seq);
}

export async function selectHead(q: Queryable): Promise<number> {
  const rows = await q.query<{ head: number | null }>('SELECT max(seq) AS head FROM event_log');
  return Number(rows[0]?.head ?? 0);
}

export async function selectOldest(q: Queryable): Promise<number> {
  const rows = await q.query<{ oldest: number | null }>('SELECT min(seq) AS oldest FROM event_log');
  return Number(rows[0]?.oldest ?? 0);
}
