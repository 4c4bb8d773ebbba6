import { foldPlate, normalizePlate, plateDistance, plateKeys } from '@c2/api-client/plate';
import type { Queryable } from '../../../platform/db';
import type { StoredEventsSink } from '../../events/domain/event-ingest';
import {
  indexSightings,
  selectPlate,
  selectPlatesByKeys,
  selectPlatesContaining,
} from '../data/plate-index-store';

export interface PlateCandidate {
  norm: string;
  display: string;
  /** Edit distance between the normalized query and this plate (0: the same plate). */
  distance: number;
}

/** Indexes the plate of every stored AI event inside the ingest transaction, so search never misses one. */
export const plateIndexSink: StoredEventsSink = async (q, events) => {
  await indexSightings(
    q,
    events
      .filter((e) => e.plate && normalizePlate(e.plate).length >= 3)
      .map((e) => {
        const norm = normalizePlate(e.plate!);
        const fold = foldPlate(norm);
        return { eventId: e.id, norm, fold, display: e.plate!, ts: e.ts, keys: plateKeys(fold) };
      }),
  );
};

/**
 * The plates a query stands for. Exact: the plate itself, separators, case and diacritics aside. Fuzzy: also
 * plates one edit away once look-alike characters are folded (an OCR misread, a mistyped digit), found through
 * the symmetric-delete keys; and, for a partial plate (fewer than 7 characters), plates that contain it.
 */
export async function resolvePlates(q: Queryable, query: string, fuzzy: boolean): Promise<PlateCandidate[]> {
  const norm = normalizePlate(query);
  if (!fuzzy) {
    const hit = await selectPlate(q, norm);
    return [{ norm, display: hit?.display ?? query, distance: 0 }];
  }
  const fold = foldPlate(norm);
  const found = new Map<string, PlateCandidate>();
  for (const p of await selectPlatesByKeys(q, plateKeys(fold))) {
    if (plateDistance(fold, p.plate_fold, 1) > 1) continue;
    found.set(p.plate_norm, {
      norm: p.plate_norm,
      display: p.display,
      distance: plateDistance(norm, p.plate_norm, 3),
    });
  }
  if (norm.length < 7) {
    for (const p of await selectPlatesContaining(q, norm, 200))
      if (!found.has(p.plate_norm))
        found.set(p.plate_norm, {
          norm: p.plate_norm,
          display: p.display,
          distance: p.plate_norm.length - norm.length,
        });
  }
  if (!found.has(norm)) found.set(norm, { norm, display: query, distance: 0 });
  return [...found.values()].sort((a, b) => a.distance - b.distance || a.norm.localeCompare(b.norm));
}
