import type { Priority } from '@c2/api-client/schemas/alert';
import type { AnalyticsEvent, EventType } from '@c2/api-client/schemas/event';
import type {
  Actor,
  Assignment,
  AssignmentEnd,
  EtaMethod,
  IncidentOutcome,
  IncidentState,
  IncidentType,
  TimelineEntry,
} from '@c2/api-client/schemas/incident';
import type { Queryable } from '../../../platform/db';
import { cameraTier } from '../../cameras/data/camera-store';

export interface IncidentRow {
  id: string;
  code: string;
  type: IncidentType;
  priority: Priority;
  state: IncidentState;
  outcome: IncidentOutcome | null;
  title: string;
  description: string;
  lng: number;
  lat: number;
  address: string | null;
  area_id: string;
  area_name: string;
  tier: number;
  camera_ids: string[];
  created_by_id: string | null;
  created_by_name: string | null;
  detected_at: Date;
  created_at: Date;
  acknowledged_at: Date | null;
  dispatched_at: Date | null;
  arrived_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
  response_target_seconds: number | null;
}

export interface AssignmentRow {
  id: string;
  incident_id: string;
  unit_id: string;
  call_sign: string;
  active: boolean;
  assigned_at: Date;
  assigned_by: string | null;
  accepted_at: Date | null;
  en_route_at: Date | null;
  on_scene_at: Date | null;
  cleared_at: Date | null;
  ended_at: Date | null;
  end_reason: AssignmentEnd | null;
  crew_acted: boolean;
  eta_seconds: number | null;
  distance_meters: number | null;
  eta_method: EtaMethod | null;
}

/** Who may read what: clearance tier and jurisdiction (null: province-wide). */
export interface Scope {
  maxTier: number;
  areas: string[] | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toAssignment(r: AssignmentRow): Assignment {
  return {
    id: r.id,
    unitId: r.unit_id,
    callSign: r.call_sign,
    active: r.active,
    assignedAt: new Date(r.assigned_at).toISOString(),
    assignedBy: r.assigned_by,
    acceptedAt: iso(r.accepted_at),
    enRouteAt: iso(r.en_route_at),
    onSceneAt: iso(r.on_scene_at),
    clearedAt: iso(r.cleared_at),
    endedAt: iso(r.ended_at),
    endReason: r.end_reason,
    etaSeconds: r.eta_seconds,
    distanceMeters: r.distance_meters,
    etaMethod: r.eta_method,
  };
}

const VISIBLE = `tier <= $1 AND ($2::text[] IS NULL OR area_id = ANY($2::text[]))`;

export async function nextIncidentNumber(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>(`SELECT nextval('incident_code_seq')::int AS n`);
  return Number(rows[0]?.n);
}

export interface NewIncident {
  id: string;
  code: string;
  type: IncidentType;
  priority: Priority;
  state: IncidentState;
  title: string;
  description: string;
  lng: number;
  lat: number;
  address: string | null;
  areaId: string;
  areaName: string;
  tier: number;
  cameraIds: string[];
  createdBy: Actor | null;
  detectedAt: Date;
  createdAt: Date;
  acknowledgedAt: Date | null;
  responseTargetSeconds: number | null;
}

export async function insertIncident(q: Queryable, i: NewIncident): Promise<void> {
  await q.query(
    `INSERT INTO incidents (id, code, type, priority, state, title, description, lng, lat, address, area_id,
       area_name, tier, camera_ids, created_by_id, created_by_name, detected_at, created_at, acknowledged_at,
       updated_at, response_target_seconds)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $18, $20)`,
    [
      i.id,
      i.code,
      i.type,
      i.priority,
      i.state,
      i.title,
      i.description,
      i.lng,
      i.lat,
      i.address,
      i.areaId,
      i.areaName,
      i.tier,
      i.cameraIds,
      i.createdBy?.id ?? null,
      i.createdBy?.name ?? null,
      i.detectedAt,
      i.createdAt,
      i.acknowledgedAt,
      i.responseTargetSeconds,
    ],
  );
}

/** One incident within a scope (null: out of it or unknown); `lock` holds it for the transaction. */
export async function selectIncidentRow(
  q: Queryable,
  id: string,
  scope: Scope | null,
  lock = false,
): Promise<IncidentRow | null> {
  const rows = scope
    ? await q.query<IncidentRow>(
        `SELECT * FROM incidents WHERE ${VISIBLE} AND id = $3${lock ? ' FOR UPDATE' : ''}`,
        [scope.maxTier, scope.areas, id],
      )
    : await q.query<IncidentRow>(`SELECT * FROM incidents WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function selectIncidentRows(
  q: Queryable,
  scope: Scope,
  which: 'open' | 'closed' | 'all',
  limit: number,
): Promise<IncidentRow[]> {
  const filter =
    which === 'open' ? `AND state <> 'closed'` : which === 'closed' ? `AND state = 'closed'` : '';
  return q.query<IncidentRow>(
    `SELECT * FROM incidents WHERE ${VISIBLE} ${filter}
     ORDER BY (state = 'closed'), priority, created_at DESC LIMIT $3`,
    [scope.maxTier, scope.areas, limit],
  );
}

export type IncidentUpdate = Partial<{
  state: IncidentState;
  outcome: IncidentOutcome | null;
  acknowledged_at: Date;
  dispatched_at: Date;
  arrived_at: Date;
  resolved_at: Date;
  closed_at: Date;
  camera_ids: string[];
  tier: number;
  detected_at: Date;
}>;

export async function updateIncident(q: Queryable, id: string, set: IncidentUpdate, at: Date): Promise<void> {
  const entries = Object.entries(set).filter(([, v]) => v !== undefined);
  const assignments = entries.map(([k], i) => `${k} = $${i + 3}`);
  await q.query(
    `UPDATE incidents SET updated_at = $2${assignments.length > 0 ? `, ${assignments.join(', ')}` : ''} WHERE id = $1`,
    [id, at, ...entries.map(([, v]) => v as Date | string | number | string[] | null)],
  );
}

export async function selectAssignments(
  q: Queryable,
  incidentIds: readonly string[],
): Promise<AssignmentRow[]> {
  if (incidentIds.length === 0) return [];
  return q.query<AssignmentRow>(
    `SELECT * FROM incident_assignments WHERE incident_id = ANY($1::text[]) ORDER BY assigned_at, id`,
    [incidentIds],
  );
}

export async function selectActiveAssignment(q: Queryable, unitId: string): Promise<AssignmentRow | null> {
  const rows = await q.query<AssignmentRow>(
    'SELECT * FROM incident_assignments WHERE unit_id = $1 AND active',
    [unitId],
  );
  return rows[0] ?? null;
}

/** The assignment a field unit sees: its active one, else its most recent one on a not-yet-closed incident. */
export async function selectCurrentAssignment(q: Queryable, unitId: string): Promise<AssignmentRow | null> {
  const rows = await q.query<AssignmentRow>(
    `SELECT a.* FROM incident_assignments a JOIN incidents i ON i.id = a.incident_id
     WHERE a.unit_id = $1 AND (a.active OR i.state <> 'closed')
     ORDER BY a.active DESC, a.assigned_at DESC LIMIT 1`,
    [unitId],
  );
  return rows[0] ?? null;
}

export interface NewAssignment {
  id: string;
  incidentId: string;
  unitId: string;
  callSign: string;
  assignedAt: Date;
  assignedBy: string | null;
  etaSeconds: number | null;
  distanceMeters: number | null;
  etaMethod: EtaMethod | null;
}

export async function insertAssignment(q: Queryable, a: NewAssignment): Promise<void> {
  await q.query(
    `INSERT INTO incident_assignments (id, incident_id, unit_id, call_sign, assigned_at, assigned_by, eta_seconds,
       distance_meters, eta_method)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      a.id,
      a.incidentId,
      a.unitId,
      a.callSign,
      a.assignedAt,
      a.assignedBy,
      a.etaSeconds,
      a.distanceMeters,
      a.etaMethod,
    ],
  );
}

export type AssignmentUpdate = Partial<{
  accepted_at: Date;
  en_route_at: Date;
  on_scene_at: Date;
  cleared_at: Date;
  crew_acted: boolean;
  active: boolean;
  ended_at: Date;
  end_reason: AssignmentEnd;
}>;

export async function updateAssignment(q: Queryable, id: string, set: AssignmentUpdate): Promise<void> {
  const entries = Object.entries(set).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return;
  await q.query(
    `UPDATE incident_assignments SET ${entries.map(([k], i) => `${k} = $${i + 2}`).join(', ')} WHERE id = $1`,
    [id, ...entries.map(([, v]) => v as Date | boolean | string)],
  );
}

export async function insertLinks(
  q: Queryable,
  incidentId: string,
  kind: 'event' | 'alert',
  refIds: readonly string[],
): Promise<void> {
  if (refIds.length === 0) return;
  await q.query(
    `INSERT INTO incident_links (kind, ref_id, incident_id) SELECT $1, x, $2 FROM unnest($3::text[]) AS x`,
    [kind, incidentId, refIds],
  );
}

/** Which of these refs already belong to an incident (ref → incident id). */
export async function selectLinkedRefs(
  q: Queryable,
  kind: 'event' | 'alert',
  refIds: readonly string[],
): Promise<Map<string, string>> {
  if (refIds.length === 0) return new Map();
  const rows = await q.query<{ ref_id: string; incident_id: string }>(
    'SELECT ref_id, incident_id FROM incident_links WHERE kind = $1 AND ref_id = ANY($2::text[])',
    [kind, refIds],
  );
  return new Map(rows.map((r) => [r.ref_id, r.incident_id]));
}

export async function selectLinks(
  q: Queryable,
  incidentIds: readonly string[],
): Promise<{ kind: 'event' | 'alert'; ref_id: string; incident_id: string }[]> {
  if (incidentIds.length === 0) return [];
  return q.query(
    `SELECT kind, ref_id, incident_id FROM incident_links WHERE incident_id = ANY($1::text[]) ORDER BY linked_at, ref_id`,
    [incidentIds],
  );
}

/** A timeline entry to write: its kind and data as in the contract, without id and incident. */
export type NewTimelineEntry = {
  [K in TimelineEntry['kind']]: { kind: K; data: Extract<TimelineEntry, { kind: K }>['data'] };
}[TimelineEntry['kind']] & { incidentId: string; ts: Date; actor: Actor | null };

interface TimelineRow {
  id: number;
  incident_id: string;
  ts: Date;
  kind: TimelineEntry['kind'];
  actor_id: string | null;
  actor_name: string | null;
  data: unknown;
}

function toEntry(r: TimelineRow): TimelineEntry {
  // The data was built from the contract's types when it was written; the cast restores its static type.
  return {
    id: Number(r.id),
    incidentId: r.incident_id,
    ts: new Date(r.ts).toISOString(),
    kind: r.kind,
    actor: r.actor_name === null ? null : { id: r.actor_id, name: r.actor_name },
    data: r.data,
  } as TimelineEntry;
}

export async function insertTimeline(
  q: Queryable,
  entries: readonly NewTimelineEntry[],
): Promise<TimelineEntry[]> {
  if (entries.length === 0) return [];
  const rows = await q.query<TimelineRow>(
    `INSERT INTO incident_timeline (incident_id, ts, kind, actor_id, actor_name, data)
     SELECT i, t, k, a, n, d::jsonb
     FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(i, t, k, a, n, d)
     RETURNING *`,
    [
      entries.map((e) => e.incidentId),
      entries.map((e) => e.ts.toISOString()),
      entries.map((e) => e.kind),
      entries.map((e) => e.actor?.id ?? null) as string[],
      entries.map((e) => e.actor?.name ?? null) as string[],
      entries.map((e) => JSON.stringify(e.data)),
    ],
  );
  return rows.map(toEntry).sort((a, b) => a.id - b.id);
}

export async function selectTimeline(
  q: Queryable,
  incidentId: string,
  kinds: readonly TimelineEntry['kind'][] | null = null,
): Promise<TimelineEntry[]> {
  const rows = await q.query<TimelineRow>(
    `SELECT * FROM incident_timeline WHERE incident_id = $1 AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
     ORDER BY ts, id`,
    [incidentId, kinds],
  );
  return rows.map(toEntry);
}

/** Events of the given ids the scope may see, with the clearance tier of their camera. */
export async function selectEventsForIncident(
  q: Queryable,
  ids: readonly string[],
  scope: Scope,
  lateAfterMs: number,
): Promise<(AnalyticsEvent & { tier: number })[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<EventRow>(
    `SELECT e.*, ${TIER_OF_CAMERA} AS tier FROM analytics_events e JOIN cameras c ON c.id = e.camera_id
     WHERE e.id = ANY($1::text[]) AND ${TIER_OF_CAMERA} <= $2 AND ($3::text[] IS NULL OR e.area_id = ANY($3::text[]))`,
    [ids, scope.maxTier, scope.areas],
  );
  return rows.map((r) => ({ ...toEvent(r, lateAfterMs), tier: Number(r.tier) }));
}

/**
 * Recent events of kinds that call for an incident, within the scope, that no incident has taken yet: what a
 * dispatcher turns into incidents until the alert engine does it.
 */
export async function selectCandidateEvents(
  q: Queryable,
  scope: Scope,
  types: readonly EventType[],
  since: Date,
  limit: number,
  lateAfterMs: number,
): Promise<AnalyticsEvent[]> {
  const rows = await q.query<EventRow>(
    `SELECT e.*, ${TIER_OF_CAMERA} AS tier FROM analytics_events e JOIN cameras c ON c.id = e.camera_id
     WHERE e.type = ANY($1::text[]) AND e.ts >= $2 AND ${TIER_OF_CAMERA} <= $3
       AND ($4::text[] IS NULL OR e.area_id = ANY($4::text[]))
       AND NOT EXISTS (SELECT 1 FROM incident_links l WHERE l.kind = 'event' AND l.ref_id = e.id)
     ORDER BY e.ts DESC LIMIT $5`,
    [types, since, scope.maxTier, scope.areas, limit],
  );
  return rows.map((r) => toEvent(r, lateAfterMs));
}

const TIER_OF_CAMERA = cameraTier('c');

interface EventRow {
  id: string;
  camera_id: string;
  area_id: string;
  type: EventType;
  severity: AnalyticsEvent['severity'];
  ts: Date;
  received_at: Date;
  plate: string | null;
  snapshot: string | null;
  objects: AnalyticsEvent['objects'];
  metadata: Record<string, unknown>;
  tier: number;
}

/** As the events component presents them: received more than `lateAfterMs` after they happened is delayed. */
function toEvent(r: EventRow, lateAfterMs: number): AnalyticsEvent {
  const ts = new Date(r.ts);
  const receivedAt = new Date(r.received_at);
  return {
    id: r.id,
    cameraId: r.camera_id,
    areaId: r.area_id,
    type: r.type,
    severity: r.severity,
    ts: new Date(r.ts).toISOString(),
    receivedAt: new Date(r.received_at).toISOString(),
    objects: r.objects,
    plate: r.plate,
    snapshot: r.snapshot,
    metadata: r.metadata,
    delayed: receivedAt.getTime() - ts.getTime() > lateAfterMs,
  };
}

export interface AttachmentRow {
  id: string;
  incident_id: string;
  unit_id: string | null;
  content_type: string;
  bytes: number;
  sha256: string;
  path: string;
}

export async function insertAttachment(
  q: Queryable,
  a: AttachmentRow & { uploadedBy: Actor },
): Promise<void> {
  await q.query(
    `INSERT INTO incident_attachments (id, incident_id, unit_id, content_type, bytes, sha256, path, uploaded_by_id,
       uploaded_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      a.id,
      a.incident_id,
      a.unit_id,
      a.content_type,
      a.bytes,
      a.sha256,
      a.path,
      a.uploadedBy.id,
      a.uploadedBy.name,
    ],
  );
}

export async function selectAttachment(
  q: Queryable,
  incidentId: string,
  id: string,
): Promise<AttachmentRow | null> {
  const rows = await q.query<AttachmentRow>(
    'SELECT * FROM incident_attachments WHERE incident_id = $1 AND id = $2',
    [incidentId, id],
  );
  return rows[0] ?? null;
}
