import { randomUUID } from 'node:crypto';
import { foldPlate, normalizePlate, plateDistance } from '@c2/api-client/plate';
import type {
  Bookmark,
  CaseDetail,
  CaseFile,
  CaseItem,
  CaseItemCreate,
  CaseNote,
  SearchResult,
  Sighting,
} from '@c2/api-client/schemas/investigate';
import type { EventType } from '@c2/api-client/schemas/event';
import type { Db } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { Principal } from '../../auth/domain/auth-service';
import { toEvent } from '../../events/data/event-store';
import type { EventSigning } from '../../evidence/domain/event-signing';
import { scopeOf } from '../../violations/domain/violation-review';
import {
  cameraVisible,
  deleteBookmark,
  deleteCaseItem,
  eventVisible,
  insertCase,
  insertCaseItem,
  insertCaseNote,
  selectBookmarks,
  selectCase,
  selectCaseItems,
  selectCaseNotes,
  selectCases,
  selectSightings,
  touchCase,
  updateCase,
  upsertBookmark,
  type CaseItemRow,
  type CaseNoteRow,
  type CaseRow,
} from '../data/investigate-store';
import { selectViolationsByIds } from '../../violations/data/violation-store';
import { resolvePlates } from './plate-index';

const iso = (d: Date | string) => new Date(d).toISOString();

function toCase(r: CaseRow): CaseFile {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    description: r.description,
    status: r.status,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    itemCount: r.item_count,
  };
}

function toItem(r: CaseItemRow): CaseItem {
  return {
    id: String(r.id),
    kind: r.kind,
    refId: r.ref_id,
    cameraId: r.camera_id,
    cameraName: r.camera_name ?? r.camera_id,
    ts: iso(r.ts),
    until: r.until ? iso(r.until) : null,
    type: r.type,
    plate: r.plate,
    note: r.note,
    addedByName: r.added_by_name,
    addedAt: iso(r.added_at),
  };
}

const toNote = (r: CaseNoteRow): CaseNote => ({
  id: String(r.id),
  text: r.text,
  authorName: r.author_name,
  at: iso(r.at),
});

export interface SearchInput {
  plate?: string | undefined;
  fuzzy?: boolean | undefined;
  cameraIds?: string[] | undefined;
  areaId?: string | undefined;
  types?: EventType[] | undefined;
  from: string;
  to: string;
  limit: number;
}

/**
 * The investigator's work: search AI events and violations by plate, camera, area, time and type; bookmark
 * and annotate; group what matters into case files. Searches are audited (they reveal where a vehicle went), as
 * is every change to a case.
 */
export function createInvestigation(deps: { db: Db; audit: AuditTrail; eventSigning: EventSigning }) {
  const { db, audit } = deps;

  const record = (
    p: Principal,
    action: string,
    target: string | null,
    ip: string | null,
    detail: Record<string, unknown> = {},
  ) => audit.record({ actorId: p.user.id, actorName: p.user.username, action, target, ip, detail });

  async function caseOr404(id: string): Promise<CaseRow> {
    const row = await selectCase(db, id);
    if (!row) throw notFound('Case');
    return row;
  }

  return {
    async search(p: Principal, input: SearchInput, ip: string | null): Promise<SearchResult> {
      const scope = scopeOf(p);
      const candidates = input.plate ? await resolvePlates(db, input.plate, input.fuzzy ?? false) : null;
      const rows = await selectSightings(
        db,
        scope,
        p.user.id,
        {
          from: input.from,
          to: input.to,
          plates: candidates ? candidates.map((c) => c.norm) : null,
          cameraIds: input.cameraIds?.length ? input.cameraIds : null,
          areaId: input.areaId ?? null,
          types: input.types?.length ? input.types : null,
        },
        input.limit + 1,
      );
      const page = rows.slice(0, input.limit);
      const events = page.map((r) => toEvent(r, Number.MAX_SAFE_INTEGER));
      const checks = await deps.eventSigning.check(db, events);
      const queryNorm = input.plate ? normalizePlate(input.plate) : null;
      const byNorm = new Map(candidates?.map((c) => [c.norm, c]));
      const counts = new Map<string, number>();
      const items: Sighting[] = page.map((r, i) => {
        const plate = r.violation_plate ?? r.plate;
        const norm = r.violation_plate_norm ?? (r.plate ? normalizePlate(r.plate) : null);
        let distance: number | null = null;
        if (queryNorm && norm) {
          distance = byNorm.get(norm)?.distance ?? plateDistance(queryNorm, norm, 3);
          counts.set(norm, (counts.get(norm) ?? 0) + 1);
        }
        return {
          eventId: r.id,
          violationId: r.violation_id,
          violationStatus: r.violation_status,
          cameraId: r.camera_id,
          cameraName: r.camera_name,
          areaId: r.area_id,
          lng: r.lng,
          lat: r.lat,
          ts: events[i]!.ts,
          type: r.type,
          plate,
          plateMatch: distance === null ? null : distance === 0 ? 'exact' : 'fuzzy',
          plateDistance: distance,
          signature: checks.get(r.id)!,
          bookmarked: r.bookmarked,
        };
      });
      // Oldest first: the order a vehicle's path and a timeline read in.
      items.reverse();
      const plates = [...counts.entries()]
        .map(([norm, count]) => ({
          plate:
            byNorm.get(norm)?.display ??
            items.find((x) => x.plate && normalizePlate(x.plate) === norm)?.plate ??
            norm,
          distance: byNorm.get(norm)?.distance ?? (queryNorm ? plateDistance(queryNorm, norm, 3) : 0),
          count,
        }))
        .sort((a, b) => a.distance - b.distance || b.count - a.count);
      await record(p, 'investigate.search', input.plate ?? null, ip, {
        plate: input.plate ?? null,
        plateFold: input.plate ? foldPlate(input.plate) : null,
        fuzzy: input.fuzzy ?? false,
        from: input.from,
        to: input.to,
        cameraIds: input.cameraIds ?? null,
        areaId: input.areaId ?? null,
        types: input.types ?? null,
        results: items.length,
      });
      return { items, plates, truncated: rows.length > input.limit };
    },

    async bookmarks(p: Principal): Promise<Bookmark[]> {
      return (await selectBookmarks(db, p.user.id)).map((b) => ({
        eventId: b.event_id,
        note: b.note,
        createdAt: iso(b.created_at),
      }));
    },

    async bookmark(p: Principal, eventId: string, note: string | null, ip: string | null): Promise<Bookmark> {
      if (!(await eventVisible(db, scopeOf(p), eventId))) throw notFound('Event');
      const b = await upsertBookmark(db, p.user.id, eventId, note);
      await record(p, 'investigate.bookmark', eventId, ip, { note });
      return { eventId: b.event_id, note: b.note, createdAt: iso(b.created_at) };
    },

    async unbookmark(p: Principal, eventId: string, ip: string | null): Promise<void> {
      if (!(await deleteBookmark(db, p.user.id, eventId))) throw notFound('Bookmark');
      await record(p, 'investigate.unbookmark', eventId, ip);
    },

    async cases(): Promise<CaseFile[]> {
      return (await selectCases(db)).map(toCase);
    },

    async caseDetail(p: Principal, id: string): Promise<CaseDetail> {
      const row = await caseOr404(id);
      const [items, notes] = await Promise.all([
        selectCaseItems(db, id, scopeOf(p)),
        selectCaseNotes(db, id),
      ]);
      return { ...toCase(row), items: items.map(toItem), notes: notes.map(toNote) };
    },

    async createCase(
      p: Principal,
      body: { title: string; description: string },
      ip: string | null,
    ): Promise<CaseFile> {
      const row = await db.tx(async (q) => {
        const created = await insertCase(q, {
          id: randomUUID(),
          title: body.title,
          description: body.description,
          createdBy: p.user.id,
          createdByName: p.user.displayName,
        });
        await audit.record(
          {
            actorId: p.user.id,
            actorName: p.user.username,
            action: 'case.create',
            target: created.id,
            ip,
            detail: { code: created.code, title: body.title },
          },
          q,
        );
        return created;
      });
      return toCase(row);
    },

    async updateCase(
      p: Principal,
      id: string,
      patch: {
        title?: string | undefined;
        description?: string | undefined;
        status?: 'open' | 'closed' | undefined;
      },
      ip: string | null,
    ): Promise<CaseFile> {
      await caseOr404(id);
      await updateCase(db, id, patch);
      await record(p, 'case.update', id, ip, patch);
      return toCase(await caseOr404(id));
    },

    async addItem(p: Principal, caseId: string, item: CaseItemCreate, ip: string | null): Promise<CaseItem> {
      await caseOr404(caseId);
      const scope = scopeOf(p);
      let cameraId: string;
      let ts: string;
      let until: string | null = null;
      let refId: string | null = null;
      if (item.kind === 'event') {
        const e = await eventVisible(db, scope, item.refId);
        if (!e) throw notFound('Event');
        cameraId = e.camera_id;
        ts = iso(e.ts);
        refId = item.refId;
      } else if (item.kind === 'violation') {
        const [v] = await selectViolationsByIds(db, [item.refId]);
        if (!v || !(await cameraVisible(db, scope, v.camera_id))) throw notFound('Violation');
        cameraId = v.camera_id;
        ts = iso(v.ts);
        refId = item.refId;
      } else {
        if (!(await cameraVisible(db, scope, item.cameraId))) throw notFound('Camera');
        cameraId = item.cameraId;
        ts = item.from;
        until = item.to;
      }
      const id = await db.tx(async (q) => {
        const itemId = await insertCaseItem(q, {
          caseId,
          kind: item.kind,
          refId,
          cameraId,
          ts,
          until,
          note: item.note ?? null,
          addedBy: p.user.id,
          addedByName: p.user.displayName,
        });
        await touchCase(q, caseId);
        await audit.record(
          {
            actorId: p.user.id,
            actorName: p.user.username,
            action: 'case.item.add',
            target: caseId,
            ip,
            detail: { kind: item.kind, refId, cameraId, ts, until },
          },
          q,
        );
        return itemId;
      });
      const added = (await selectCaseItems(db, caseId, scope)).find((i) => i.id === id)!;
      return toItem(added);
    },

    async removeItem(p: Principal, caseId: string, itemId: number, ip: string | null): Promise<void> {
      await caseOr404(caseId);
      if (!(await deleteCaseItem(db, caseId, itemId))) throw notFound('Case item');
      await touchCase(db, caseId);
      await record(p, 'case.item.remove', caseId, ip, { itemId });
    },

    async addNote(p: Principal, caseId: string, text: string, ip: string | null): Promise<CaseNote> {
      await caseOr404(caseId);
      const note = await insertCaseNote(db, {
        caseId,
        text,
        authorId: p.user.id,
        authorName: p.user.displayName,
      });
      await touchCase(db, caseId);
      await record(p, 'case.note', caseId, ip, { noteId: note.id });
      return toNote(note);
    },
  };
}
export type Investigation = ReturnType<typeof createInvestigation>;
