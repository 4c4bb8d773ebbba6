import type { EventType } from '@c2/api-client/schemas/event';
import type { ViolationStatus } from '@c2/api-client/schemas/violation';
import type { Queryable } from '../../../platform/db';
import type { EventRow } from '../../events/data/event-store';
import { cameraTier } from '../../cameras/data/camera-store';

export interface Scope {
  maxTier: number;
  areas: string[] | null;
}

const TIER = cameraTier('c');

export interface SightingRow extends EventRow {
  camera_name: string;
  lng: number;
  lat: number;
  violation_id: string | null;
  violation_status: ViolationStatus | null;
  violation_plate_norm: string | null;
  violation_plate: string | null;
  bookmarked: boolean;
}

export interface SightingFilter {
  from: string;
  to: string;
  plates: string[] | null;
  cameraIds: string[] | null;
  areaId: string | null;
  types: EventType[] | null;
}

/**
 * AI events matching the filter within the caller's scope, newest first, with the violation raised from each and
 * whether the caller bookmarked it. With plates, the events come from the plate index (and from violations whose
 * plate a reviewer corrected), both by index.
 */
export async function selectSightings(
  q: Queryable,
  scope: Scope,
  userId: string,
  f: SightingFilter,
  limit: number,
): Promise<SightingRow[]> {
  // With plates, the few matching events are found by index first and only then joined and ordered: left to
  // itself the planner walks the whole time range newest-first hoping to fill the LIMIT early (it never does for
  // one plate among hundreds of thousands of sightings).
  const source = f.plates
    ? `(WITH hits AS MATERIALIZED (
         SELECT s.event_id FROM plate_sightings s WHERE s.plate_norm = ANY($9::text[]) AND s.ts >= $4 AND s.ts < $5
         UNION
         SELECT x.event_id FROM violations x
         WHERE x.plate_norm = ANY($9::text[]) AND x.event_id IS NOT NULL AND x.ts >= $4 AND x.ts < $5)
       SELECT a.* FROM hits JOIN analytics_events a ON a.id = hits.event_id)`
    : 'analytics_events';
  return q.query<SightingRow>(
    `SELECT e.*, c.name AS camera_name, c.lng, c.lat, v.id AS violation_id, v.status AS violation_status,
       v.plate_norm AS violation_plate_norm, v.plate AS violation_plate, (b.event_id IS NOT NULL) AS bookmarked
     FROM ${source} e
     JOIN cameras c ON c.id = e.camera_id
     LEFT JOIN violations v ON v.event_id = e.id
     LEFT JOIN investigate_bookmarks b ON b.event_id = e.id AND b.user_id = $3
     WHERE e.ts >= $4 AND e.ts < $5
       AND ${TIER} <= $1 AND ($2::text[] IS NULL OR e.area_id = ANY($2::text[]))
       AND ($6::text[] IS NULL OR e.camera_id = ANY($6::text[]))
       AND ($7::text IS NULL OR e.area_id = $7)
       AND ($8::text[] IS NULL OR e.type = ANY($8::text[]))
       AND ($9::text[] IS NULL OR TRUE) -- names $9 in both shapes of the query, so its type is always known
     ORDER BY e.ts DESC, e.id DESC LIMIT $10`,
    [scope.maxTier, scope.areas, userId, f.from, f.to, f.cameraIds, f.areaId, f.types, f.plates, limit],
  );
}

/** Whether the caller may see a camera (and so its events, violations and clips). */
export async function cameraVisible(
  q: Queryable,
  scope: Scope,
  cameraId: string,
): Promise<{ name: string } | null> {
  const rows = await q.query<{ name: string }>(
    `SELECT c.name FROM cameras c WHERE c.id = $1 AND ${TIER} <= $2 AND ($3::text[] IS NULL OR c.area_id = ANY($3::text[]))`,
    [cameraId, scope.maxTier, scope.areas],
  );
  return rows[0] ?? null;
}

export async function eventVisible(
  q: Queryable,
  scope: Scope,
  eventId: string,
): Promise<{ camera_id: string; ts: Date } | null> {
  const rows = await q.query<{ camera_id: string; ts: Date }>(
    `SELECT e.camera_id, e.ts FROM analytics_events e JOIN cameras c ON c.id = e.camera_id
     WHERE e.id = $1 AND ${TIER} <= $2 AND ($3::text[] IS NULL OR e.area_id = ANY($3::text[]))`,
    [eventId, scope.maxTier, scope.areas],
  );
  return rows[0] ?? null;
}

export interface BookmarkRow {
  event_id: string;
  note: string | null;
  created_at: Date;
}

export async function upsertBookmark(
  q: Queryable,
  userId: string,
  eventId: string,
  note: string | null,
): Promise<BookmarkRow> {
  const rows = await q.query<BookmarkRow>(
    `INSERT INTO investigate_bookmarks (user_id, event_id, note) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, event_id) DO UPDATE SET note = EXCLUDED.note RETURNING event_id, note, created_at`,
    [userId, eventId, note],
  );
  return rows[0]!;
}

export async function deleteBookmark(q: Queryable, userId: string, eventId: string): Promise<boolean> {
  const rows = await q.query<{ event_id: string }>(
    'DELETE FROM investigate_bookmarks WHERE user_id = $1 AND event_id = $2 RETURNING event_id',
    [userId, eventId],
  );
  return rows.length > 0;
}

export async function selectBookmarks(q: Queryable, userId: string): Promise<BookmarkRow[]> {
  return q.query<BookmarkRow>(
    'SELECT event_id, note, created_at FROM investigate_bookmarks WHERE user_id = $1 ORDER BY created_at DESC LIMIT 500',
    [userId],
  );
}

export interface CaseRow {
  id: string;
  code: string;
  title: string;
  description: string;
  status: 'open' | 'closed';
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  item_count: number;
}

export async function insertCase(
  q: Queryable,
  c: { id: string; title: string; description: string; createdBy: string; createdByName: string },
): Promise<CaseRow> {
  const rows = await q.query<CaseRow>(
    `INSERT INTO cases (id, code, title, description, created_by, created_by_name)
     VALUES ($1, 'HS-' || to_char((now() AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY') || '-' || lpad(nextval('case_code_seq')::text, 4, '0'),
       $2, $3, $4, $5)
     RETURNING *, 0 AS item_count`,
    [c.id, c.title, c.description, c.createdBy, c.createdByName],
  );
  return rows[0]!;
}

export async function selectCases(q: Queryable): Promise<CaseRow[]> {
  return q.query<CaseRow>(
    `SELECT k.*, (SELECT count(*)::int FROM case_items i WHERE i.case_id = k.id) AS item_count
     FROM cases k ORDER BY k.status, k.updated_at DESC LIMIT 500`,
  );
}

export async function selectCase(q: Queryable, id: string): Promise<CaseRow | null> {
  const rows = await q.query<CaseRow>(
    `SELECT k.*, (SELECT count(*)::int FROM case_items i WHERE i.case_id = k.id) AS item_count
     FROM cases k WHERE k.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function updateCase(
  q: Queryable,
  id: string,
  patch: {
    title?: string | undefined;
    description?: string | undefined;
    status?: 'open' | 'closed' | undefined;
  },
): Promise<void> {
  await q.query(
    `UPDATE cases SET title = COALESCE($2, title), description = COALESCE($3, description),
       status = COALESCE($4, status), updated_at = now() WHERE id = $1`,
    [id, patch.title ?? null, patch.description ?? null, patch.status ?? null],
  );
}

export const touchCase = (q: Queryable, id: string) =>
  q.query('UPDATE cases SET updated_at = now() WHERE id = $1', [id]);

export interface CaseItemRow {
  id: number;
  kind: 'event' | 'violation' | 'clip';
  ref_id: string | null;
  camera_id: string;
  camera_name: string | null;
  ts: Date;
  until: Date | null;
  note: string | null;
  added_by_name: string;
  added_at: Date;
  type: EventType | null;
  plate: string | null;
}

/** A case's items the caller may see (an item from a camera outside their scope is left out). */
export async function selectCaseItems(q: Queryable, caseId: string, scope: Scope): Promise<CaseItemRow[]> {
  return q.query<CaseItemRow>(
    `SELECT i.id, i.kind, i.ref_id, i.camera_id, c.name AS camera_name, i.ts, i.until, i.note, i.added_by_name,
       i.added_at, COALESCE(e.type, v.type) AS type, COALESCE(v.plate, e.plate) AS plate
     FROM case_items i
     JOIN cameras c ON c.id = i.camera_id
     LEFT JOIN analytics_events e ON i.kind = 'event' AND e.id = i.ref_id
     LEFT JOIN violations v ON i.kind = 'violation' AND v.id = i.ref_id
     WHERE i.case_id = $1 AND ${TIER} <= $2 AND ($3::text[] IS NULL OR c.area_id = ANY($3::text[]))
     ORDER BY i.ts, i.id`,
    [caseId, scope.maxTier, scope.areas],
  );
}

export async function insertCaseItem(
  q: Queryable,
  item: {
    caseId: string;
    kind: 'event' | 'violation' | 'clip';
    refId: string | null;
    cameraId: string;
    ts: string;
    until: string | null;
    note: string | null;
    addedBy: string;
    addedByName: string;
  },
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO case_items (case_id, kind, ref_id, camera_id, ts, until, note, added_by, added_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      item.caseId,
      item.kind,
      item.refId,
      item.cameraId,
      item.ts,
      item.until,
      item.note,
      item.addedBy,
      item.addedByName,
    ],
  );
  return rows[0]!.id;
}

export async function deleteCaseItem(q: Queryable, caseId: string, itemId: number): Promise<boolean> {
  const rows = await q.query<{ id: number }>(
    'DELETE FROM case_items WHERE case_id = $1 AND id = $2 RETURNING id',
    [caseId, itemId],
  );
  return rows.length > 0;
}

export interface CaseNoteRow {
  id: number;
  text: string;
  author_name: string;
  at: Date;
}

export async function insertCaseNote(
  q: Queryable,
  n: { caseId: string; text: string; authorId: string; authorName: string },
): Promise<CaseNoteRow> {
  const rows = await q.query<CaseNoteRow>(
    `INSERT INTO case_notes (case_id, text, author_id, author_name) VALUES ($1, $2, $3, $4)
     RETURNING id, text, author_name, at`,
    [n.caseId, n.text, n.authorId, n.authorName],
  );
  return rows[0]!;
}

export async function selectCaseNotes(q: Queryable, caseId: string): Promise<CaseNoteRow[]> {
  return q.query<CaseNoteRow>(
    'SELECT id, text, author_name, at FROM case_notes WHERE case_id = $1 ORDER BY at, id',
    [caseId],
  );
}
