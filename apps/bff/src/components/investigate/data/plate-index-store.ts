import type { Queryable } from '../../../platform/db';

export interface PlateRow {
  plate_norm: string;
  plate_fold: string;
  display: string;
}

/**
 * Indexes plate sightings: one row per event, the plate once in `plates`, and a plate's fuzzy keys the first
 * time it is seen (a plate seen a thousand times costs its keys once).
 */
export async function indexSightings(
  q: Queryable,
  rows: ReadonlyArray<{
    eventId: string;
    norm: string;
    fold: string;
    display: string;
    ts: string;
    keys: string[];
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO plate_sightings (event_id, plate_norm, ts)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) ON CONFLICT (event_id) DO NOTHING`,
    [rows.map((r) => r.eventId), rows.map((r) => r.norm), rows.map((r) => r.ts)],
  );
  const byPlate = new Map<string, (typeof rows)[number]>();
  for (const r of rows) byPlate.set(r.norm, r);
  const plates = [...byPlate.values()];
  const fresh = await q.query<{ plate_norm: string }>(
    `INSERT INTO plates (plate_norm, plate_fold, display, first_seen, last_seen)
     SELECT n, f, d, t, t FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS x(n, f, d, t)
     ON CONFLICT (plate_norm) DO UPDATE SET last_seen = GREATEST(plates.last_seen, EXCLUDED.last_seen)
     RETURNING plate_norm, (xmax = 0) AS inserted`,
    [
      plates.map((p) => p.norm),
      plates.map((p) => p.fold),
      plates.map((p) => p.display),
      plates.map((p) => p.ts),
    ],
  );
  const inserted = new Set(
    (fresh as Array<{ plate_norm: string; inserted?: boolean }>)
      .filter((r) => r.inserted)
      .map((r) => r.plate_norm),
  );
  const keys: Array<[string, string]> = [];
  for (const p of plates) if (inserted.has(p.norm)) for (const k of p.keys) keys.push([k, p.norm]);
  if (keys.length === 0) return;
  await q.query(
    `INSERT INTO plate_keys (key, plate_norm) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [keys.map((k) => k[0]), keys.map((k) => k[1])],
  );
}

export async function selectPlatesByKeys(q: Queryable, keys: readonly string[]): Promise<PlateRow[]> {
  return q.query<PlateRow>(
    `SELECT p.plate_norm, p.plate_fold, p.display FROM plates p
     WHERE p.plate_norm IN (SELECT plate_norm FROM plate_keys WHERE key = ANY($1::text[]))`,
    [keys],
  );
}

/** Partial plates ("…123.45"): a scan of the distinct plates, which stay far fewer than the sightings. */
export async function selectPlatesContaining(
  q: Queryable,
  fragment: string,
  limit: number,
): Promise<PlateRow[]> {
  return q.query<PlateRow>(
    `SELECT plate_norm, plate_fold, display FROM plates WHERE plate_norm LIKE '%' || $1 || '%'
     ORDER BY last_seen DESC LIMIT $2`,
    [fragment, limit],
  );
}

export async function selectPlate(q: Queryable, norm: string): Promise<PlateRow | null> {
  const rows = await q.query<PlateRow>(
    'SELECT plate_norm, plate_fold, display FROM plates WHERE plate_norm = $1',
    [norm],
  );
  return rows[0] ?? null;
}
