import type {
  Alert,
  AlertStatus,
  EscalationPolicy,
  SopStepRecord,
  SopTemplate,
  TimelineEntry,
} from '@c2/api-client/schemas/alert';
import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { Queryable, SqlParam } from '../../../platform/db';

export interface AlertRow {
  id: string;
  rule_id: string | null;
  priority: Alert['priority'];
  status: AlertStatus;
  type: Alert['type'];
  severity: Alert['severity'];
  title: string;
  camera_id: string | null;
  camera_name: string | null;
  event_id: string | null;
  area_id: string;
  tier: number;
  count: number;
  snapshot: string | null;
  group_key: string | null;
  group_window_seconds: number;
  created_at: Date;
  last_event_at: Date;
  updated_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_id: string | null;
  acknowledged_by: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  assigned_at: Date | null;
  escalation_level: number;
  escalated_at: Date | null;
  ack_deadline: Date | null;
  resolve_deadline: Date | null;
  sla_breached: boolean;
  resolved_at: Date | null;
  resolved_by: string | null;
  outcome_note: string | null;
  policy_id: string | null;
  policy: EscalationPolicy | null;
  sop: SopTemplate | null;
  sop_total: number;
  sop_done: number;
  sop_skipped_required: number;
  sop_compliance: number | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
export const isClosed = (s: AlertStatus) => s === 'resolved' || s === 'false_positive';

export function toAlert(r: AlertRow): Alert {
  const closed = isClosed(r.status);
  return {
    id: r.id,
    priority: r.priority,
    status: r.status,
    type: r.type,
    severity: r.severity,
    title: r.title,
    ruleId: r.rule_id,
    cameraId: r.camera_id,
    cameraName: r.camera_name,
    eventId: r.event_id,
    areaId: r.area_id,
    count: r.count,
    snapshot: r.snapshot,
    createdAt: new Date(r.created_at).toISOString(),
    lastEventAt: new Date(r.last_event_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    assignedAt: iso(r.assigned_at),
    escalationLevel: r.escalation_level,
    escalatedAt: iso(r.escalated_at),
    slaDeadline: closed ? null : iso(r.acknowledged_at ? r.resolve_deadline : r.ack_deadline),
    slaBreached: r.sla_breached,
    resolvedAt: iso(r.resolved_at),
    resolvedBy: r.resolved_by,
    outcomeNote: r.outcome_note,
    sop: r.sop
      ? {
          templateId: r.sop.id,
          name: r.sop.name,
          total: r.sop_total,
          done: r.sop_done,
          skippedRequired: r.sop_skipped_required,
          compliance: r.sop_compliance,
        }
      : null,
  };
}

/** Clearance tier and jurisdiction, as every alert read applies them. */
const VISIBLE = `tier <= $1 AND ($2::text[] IS NULL OR area_id = ANY($2::text[]))`;

const SCOPES = {
  active: `status NOT IN ('resolved', 'false_positive')`,
  closed: `status IN ('resolved', 'false_positive')`,
  all: 'true',
} as const;

/** The queue: most urgent first, then the longest waiting. Closed alerts: the latest closed first. */
export async function selectAlerts(
  q: Queryable,
  opts: { scope: keyof typeof SCOPES; limit: number; maxTier: number; areas: string[] | null },
): Promise<Alert[]> {
  const order = opts.scope === 'active' ? 'priority ASC, created_at ASC' : 'created_at DESC';
  const rows = await q.query<AlertRow>(
    `SELECT * FROM alerts WHERE ${VISIBLE} AND ${SCOPES[opts.scope]} ORDER BY ${order} LIMIT $3`,
    [opts.maxTier, opts.areas, opts.limit],
  );
  return rows.map(toAlert);
}

/** Alerts by id among those the audience may see (unknown and hidden ids are simply absent). */
export async function selectVisibleAlertRows(
  q: Queryable,
  ids: readonly string[],
  maxTier: number,
  areas: string[] | null,
): Promise<Array<AlertRow & { event_ts: Date | null }>> {
  if (ids.length === 0) return [];
  // The first event's own time: when it happened, which an incident's response is measured from.
  return q.query<AlertRow & { event_ts: Date | null }>(
    `SELECT alerts.*, e.ts AS event_ts FROM alerts LEFT JOIN analytics_events e ON e.id = alerts.event_id
     WHERE alerts.tier <= $1 AND ($2::text[] IS NULL OR alerts.area_id = ANY($2::text[]))
       AND alerts.id = ANY($3::text[])`,
    [maxTier, areas, [...ids]],
  );
}

export async function selectVisibleAlert(
  q: Queryable,
  id: string,
  maxTier: number,
  areas: string[] | null,
  forUpdate = false,
): Promise<AlertRow | null> {
  const rows = await q.query<AlertRow>(
    `SELECT * FROM alerts WHERE ${VISIBLE} AND id = $3${forUpdate ? ' FOR UPDATE' : ''}`,
    [maxTier, areas, id],
  );
  return rows[0] ?? null;
}

export async function selectAlertForUpdate(q: Queryable, id: string): Promise<AlertRow | null> {
  return (await q.query<AlertRow>('SELECT * FROM alerts WHERE id = $1 FOR UPDATE', [id]))[0] ?? null;
}

/** Sets columns of an alert (names are ours, never the caller's) and answers the row as it now is. */
export async function updateAlert(
  q: Queryable,
  id: string,
  set: Partial<Record<keyof AlertRow, SqlParam>>,
): Promise<AlertRow> {
  const entries = Object.entries(set);
  const assignments = entries.map(([k], i) => `${k} = $${i + 2}`);
  assignments.push('updated_at = clock_timestamp()');
  const rows = await q.query<AlertRow>(
    `UPDATE alerts SET ${assignments.join(', ')} WHERE id = $1 RETURNING *`,
    [id, ...entries.map(([, v]) => v as SqlParam)],
  );
  return rows[0]!;
}

/**
 * Takes the grouping locks of one pass (rule|camera|type keys) in one statement, in key order, so two instances
 * never wait on each other's keys crosswise; then reads the alerts still absorbing events under those keys.
 */
export async function lockOpenGroups(q: Queryable, keys: readonly string[]): Promise<Map<string, AlertRow>> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return new Map();
  await q.query(
    `SELECT pg_advisory_xact_lock(hashtext(k)) FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS keys`,
    [sorted],
  );
  const rows = await q.query<AlertRow>('SELECT * FROM alerts WHERE group_key = ANY($1::text[]) FOR UPDATE', [
    sorted,
  ]);
  return new Map(rows.map((r) => [r.group_key!, r]));
}

/** Events grouped into open alerts during one pass: the alerts' new counts, latest event and snapshot. */
export interface GroupedUpdate {
  id: string;
  count: number;
  lastEventAt: Date;
  snapshot: string | null;
  /** The events this pass added, in arrival order. */
  eventIds: string[];
}

/**
 * Writes a pass's grouped events: one UPDATE for every alert, and one `grouped` timeline entry per alert saying
 * how many events the pass added, which, and the new total (a busy road's congestion alert would otherwise fill
 * its timeline with an entry per event).
 */
export async function applyGrouped(q: Queryable, updates: readonly GroupedUpdate[]): Promise<AlertRow[]> {
  if (updates.length === 0) return [];
  const rows = await q.query<AlertRow>(
    `UPDATE alerts a SET count = v.count, last_event_at = v.last_event_at, snapshot = v.snapshot,
            updated_at = clock_timestamp()
       FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::text[]) AS v(id, count, last_event_at, snapshot)
      WHERE a.id = v.id
     RETURNING a.*`,
    [
      updates.map((u) => u.id),
      updates.map((u) => u.count),
      updates.map((u) => u.lastEventAt.toISOString()),
      updates.map((u) => u.snapshot),
    ],
  );
  await q.query(
    `INSERT INTO alert_activity (alert_id, kind, detail, at)
     SELECT v.id, 'grouped', v.detail::jsonb, clock_timestamp()
       FROM unnest($1::text[], $2::text[]) AS v(id, detail)`,
    [
      updates.map((u) => u.id),
      updates.map((u) => JSON.stringify({ count: u.count, added: u.eventIds.length, eventIds: u.eventIds })),
    ],
  );
  return rows;
}

export interface NewAlert {
  id: string;
  ruleId: string;
  priority: Alert['priority'];
  type: Alert['type'];
  severity: Alert['severity'];
  title: string;
  cameraId: string;
  cameraName: string | null;
  eventId: string;
  areaId: string;
  tier: number;
  snapshot: string | null;
  groupKey: string | null;
  groupWindowSeconds: number;
  createdAt: Date;
  lastEventAt: Date;
  ackDeadline: Date | null;
  resolveDeadline: Date | null;
  policy: EscalationPolicy | null;
  sop: SopTemplate | null;
  sopTotal: number;
}

export async function insertAlert(q: Queryable, a: NewAlert): Promise<AlertRow> {
  const rows = await q.query<AlertRow>(
    `INSERT INTO alerts (id, rule_id, priority, status, type, severity, title, camera_id, camera_name, event_id,
       area_id, tier, snapshot, group_key, group_window_seconds, created_at, last_event_at, updated_at,
       ack_deadline, resolve_deadline, policy_id, policy, sop, sop_total, sop_compliance)
     VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $15, $17, $18, $19,
       $20::jsonb, $21::jsonb, $22, CASE WHEN $22 > 0 THEN 0 ELSE NULL END)
     RETURNING *`,
    [
      a.id,
      a.ruleId,
      a.priority,
      a.type,
      a.severity,
      a.title,
      a.cameraId,
      a.cameraName,
      a.eventId,
      a.areaId,
      a.tier,
      a.snapshot,
      a.groupKey,
      a.groupWindowSeconds,
      a.createdAt,
      a.lastEventAt,
      a.ackDeadline,
      a.resolveDeadline,
      a.policy?.id ?? null,
      a.policy ? JSON.stringify(a.policy) : null,
      a.sop ? JSON.stringify(a.sop) : null,
      a.sopTotal,
    ],
  );
  return rows[0]!;
}

export async function insertActivity(
  q: Queryable,
  alertId: string,
  kind: TimelineEntry['kind'],
  actor: { id: string; name: string } | null,
  detail: Record<string, unknown> = {},
  at: Date | null = null,
): Promise<void> {
  await q.query(
    `INSERT INTO alert_activity (alert_id, kind, actor_id, actor_name, detail, at)
     VALUES ($1, $2, $3, $4, $5::jsonb, coalesce($6::timestamptz, clock_timestamp()))`,
    [alertId, kind, actor?.id ?? null, actor?.name ?? null, JSON.stringify(detail), at],
  );
}

interface ActivityRow {
  id: number;
  at: Date;
  kind: TimelineEntry['kind'];
  actor_id: string | null;
  actor_name: string | null;
  detail: Record<string, unknown>;
}

export async function selectTimeline(q: Queryable, alertId: string): Promise<TimelineEntry[]> {
  const rows = await q.query<ActivityRow>(
    'SELECT id, at, kind, actor_id, actor_name, detail FROM alert_activity WHERE alert_id = $1 ORDER BY id',
    [alertId],
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    kind: r.kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    detail: r.detail,
  }));
}

/** The SOP execution log of an alert, in the order it was recorded. */
export async function selectSopRecords(q: Queryable, alertId: string): Promise<SopStepRecord[]> {
  const rows = await q.query<ActivityRow>(
    `SELECT id, at, kind, actor_id, actor_name, detail FROM alert_activity
     WHERE alert_id = $1 AND kind = 'sop_step' ORDER BY id`,
    [alertId],
  );
  return rows.map((r) => ({
    stepId: String(r.detail.stepId),
    outcome: r.detail.outcome === 'skipped' ? 'skipped' : 'done',
    answer: typeof r.detail.answer === 'string' ? r.detail.answer : null,
    note: typeof r.detail.note === 'string' ? r.detail.note : null,
    by: r.actor_name ?? '',
    at: new Date(r.at).toISOString(),
  }));
}

// --- deadlines ---

export interface DeadlineRow {
  id: number;
  alert_id: string;
  kind: 'escalation' | 'sla';
  step_index: number;
  repeat_index: number;
  due_at: Date;
}

/** Creates or moves an alert's deadline of a kind (one per kind per alert). */
export async function upsertDeadline(
  q: Queryable,
  alertId: string,
  kind: DeadlineRow['kind'],
  step: number,
  repeat: number,
  dueAt: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO alert_deadlines (alert_id, kind, step_index, repeat_index, due_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (alert_id, kind) DO UPDATE SET step_index = $3, repeat_index = $4, due_at = $5`,
    [alertId, kind, step, repeat, dueAt],
  );
}

export async function deleteDeadline(
  q: Queryable,
  alertId: string,
  kind?: DeadlineRow['kind'],
): Promise<void> {
  await q.query('DELETE FROM alert_deadlines WHERE alert_id = $1 AND ($2::text IS NULL OR kind = $2)', [
    alertId,
    kind ?? null,
  ]);
}

export async function selectDeadline(
  q: Queryable,
  alertId: string,
  kind: DeadlineRow['kind'],
): Promise<DeadlineRow | null> {
  return (
    (
      await q.query<DeadlineRow>('SELECT * FROM alert_deadlines WHERE alert_id = $1 AND kind = $2', [
        alertId,
        kind,
      ])
    )[0] ?? null
  );
}

/**
 * Deadlines that are due, with their alerts, claimed so that no other instance acts on them until this
 * transaction ends. An alert a user is changing right now is skipped for this tick (milliseconds away): waiting
 * for its lock while holding the deadline's could deadlock against that very change.
 */
export async function claimDueDeadlines(
  q: Queryable,
  limit: number,
): Promise<{ deadline: DeadlineRow; alert: AlertRow }[]> {
  const rows = await q.query<{ d: DeadlineRow; a: AlertRow }>(
    `SELECT to_jsonb(d) AS d, to_jsonb(a) AS a FROM alert_deadlines d JOIN alerts a ON a.id = d.alert_id
     WHERE d.due_at <= clock_timestamp()
     ORDER BY d.due_at LIMIT $1 FOR UPDATE OF d, a SKIP LOCKED`,
    [limit],
  );
  return rows.map((r) => ({ deadline: reviveDates(r.d), alert: reviveDates(r.a) }));
}

const DATE_KEY = /(_at|_deadline)$/;
/** to_jsonb turns timestamps into strings; rows read that way get their Dates back. */
function reviveDates<T extends object>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out))
    if (DATE_KEY.test(k) && typeof v === 'string') out[k] = new Date(v);
  return out as T;
}

export async function nextDueAt(q: Queryable): Promise<Date | null> {
  const rows = await q.query<{ due: Date | null }>('SELECT min(due_at) AS due FROM alert_deadlines');
  return rows[0]?.due ? new Date(rows[0].due) : null;
}

// --- inbox ---

export interface InboxRow {
  seq: number;
  event_id: string;
  tier: number;
  event: AnalyticsEvent;
}

export async function insertInbox(
  q: Queryable,
  items: readonly { eventId: string; tier: number; event: unknown }[],
): Promise<void> {
  if (items.length === 0) return;
  const params: SqlParam[] = [];
  const values = items.map((it) => {
    const b = params.length;
    params.push(it.eventId, it.tier, JSON.stringify(it.event));
    return `($${b + 1}, $${b + 2}, $${b + 3}::jsonb)`;
  });
  await q.query(
    `INSERT INTO alert_inbox (event_id, tier, event) VALUES ${values.join(', ')} ON CONFLICT (event_id) DO NOTHING`,
    params,
  );
}

/**
 * Takes the oldest `limit` inbox rows no other instance holds, oldest first, in one statement: deleted by the
 * caller's transaction, so they are back in the inbox if it rolls back.
 */
export async function takeInbox(q: Queryable, limit: number): Promise<InboxRow[]> {
  const rows = await q.query<InboxRow>(
    `DELETE FROM alert_inbox WHERE seq IN (
       SELECT seq FROM alert_inbox ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED
     ) RETURNING *`,
    [limit],
  );
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq));
}

export async function dbNow(q: Queryable): Promise<Date> {
  const rows = await q.query<{ now: Date }>('SELECT clock_timestamp() AS now');
  return new Date(rows[0]!.now);
}
