import type {
  AlertRule,
  AlertUser,
  Duty,
  EscalationPolicy,
  RosterShift,
  SopTemplate,
  Suppression,
} from '@c2/api-client/schemas/alert';
import type { Role } from '@c2/api-client/schemas/role';
import { can } from '@c2/api-client/permissions';
import type { Queryable, SqlParam } from '../../../platform/db';

const isoOf = (d: Date) => new Date(d).toISOString();

// --- rules ---

interface RuleRow {
  id: string;
  name: string;
  enabled: boolean;
  event_types: AlertRule['eventTypes'];
  min_severity: AlertRule['minSeverity'];
  area_ids: string[] | null;
  camera_ids: string[] | null;
  active_from: number | null;
  active_to: number | null;
  priority: AlertRule['priority'];
  sop_template_id: string | null;
  policy_id: string | null;
  group_window_seconds: number;
  updated_at: Date;
}

const toRule = (r: RuleRow): AlertRule => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  eventTypes: r.event_types,
  minSeverity: r.min_severity,
  areaIds: r.area_ids,
  cameraIds: r.camera_ids,
  activeFrom: r.active_from,
  activeTo: r.active_to,
  priority: r.priority,
  sopTemplateId: r.sop_template_id,
  policyId: r.policy_id,
  groupWindowSeconds: r.group_window_seconds,
  updatedAt: isoOf(r.updated_at),
});

export async function selectRules(q: Queryable): Promise<AlertRule[]> {
  return (await q.query<RuleRow>('SELECT * FROM alert_rules ORDER BY priority, name')).map(toRule);
}

export async function upsertRule(
  q: Queryable,
  id: string,
  r: Omit<AlertRule, 'id' | 'updatedAt'>,
): Promise<AlertRule> {
  const rows = await q.query<RuleRow>(
    `INSERT INTO alert_rules (id, name, enabled, event_types, min_severity, area_ids, camera_ids, active_from,
       active_to, priority, sop_template_id, policy_id, group_window_seconds)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (id) DO UPDATE SET name = $2, enabled = $3, event_types = $4, min_severity = $5, area_ids = $6,
       camera_ids = $7, active_from = $8, active_to = $9, priority = $10, sop_template_id = $11, policy_id = $12,
       group_window_seconds = $13, updated_at = now()
     RETURNING *`,
    [
      id,
      r.name,
      r.enabled,
      r.eventTypes,
      r.minSeverity,
      r.areaIds,
      r.cameraIds,
      r.activeFrom,
      r.activeTo,
      r.priority,
      r.sopTemplateId,
      r.policyId,
      r.groupWindowSeconds,
    ],
  );
  return toRule(rows[0]!);
}

// --- SOP templates ---

interface TemplateRow {
  id: string;
  name: string;
  description: string;
  steps: SopTemplate['steps'];
  updated_at: Date;
}
const toTemplate = (r: TemplateRow): SopTemplate => ({
  id: r.id,
  name: r.name,
  description: r.description,
  steps: r.steps,
  updatedAt: isoOf(r.updated_at),
});

export async function selectTemplates(q: Queryable): Promise<SopTemplate[]> {
  return (await q.query<TemplateRow>('SELECT * FROM sop_templates ORDER BY name')).map(toTemplate);
}

export async function selectTemplate(q: Queryable, id: string): Promise<SopTemplate | null> {
  const rows = await q.query<TemplateRow>('SELECT * FROM sop_templates WHERE id = $1', [id]);
  return rows[0] ? toTemplate(rows[0]) : null;
}

export async function upsertTemplate(
  q: Queryable,
  id: string,
  t: Pick<SopTemplate, 'name' | 'description' | 'steps'>,
): Promise<SopTemplate> {
  const rows = await q.query<TemplateRow>(
    `INSERT INTO sop_templates (id, name, description, steps) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (id) DO UPDATE SET name = $2, description = $3, steps = $4::jsonb, updated_at = now()
     RETURNING *`,
    [id, t.name, t.description, JSON.stringify(t.steps)],
  );
  return toTemplate(rows[0]!);
}

// --- escalation policies ---

interface PolicyRow {
  id: string;
  name: string;
  priorities: EscalationPolicy['priorities'];
  ack_sla_seconds: number;
  resolve_sla_seconds: number;
  steps: EscalationPolicy['steps'];
  updated_at: Date;
}
const toPolicy = (r: PolicyRow): EscalationPolicy => ({
  id: r.id,
  name: r.name,
  priorities: r.priorities,
  ackSlaSeconds: r.ack_sla_seconds,
  resolveSlaSeconds: r.resolve_sla_seconds,
  steps: r.steps,
  updatedAt: isoOf(r.updated_at),
});

export async function selectPolicies(q: Queryable): Promise<EscalationPolicy[]> {
  return (await q.query<PolicyRow>('SELECT * FROM escalation_policies ORDER BY name')).map(toPolicy);
}

export async function upsertPolicy(
  q: Queryable,
  id: string,
  p: Omit<EscalationPolicy, 'id' | 'updatedAt'>,
): Promise<EscalationPolicy> {
  const rows = await q.query<PolicyRow>(
    `INSERT INTO escalation_policies (id, name, priorities, ack_sla_seconds, resolve_sla_seconds, steps)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (id) DO UPDATE SET name = $2, priorities = $3, ack_sla_seconds = $4, resolve_sla_seconds = $5,
       steps = $6::jsonb, updated_at = now()
     RETURNING *`,
    [id, p.name, p.priorities, p.ackSlaSeconds, p.resolveSlaSeconds, JSON.stringify(p.steps)],
  );
  return toPolicy(rows[0]!);
}

export async function deleteById(
  q: Queryable,
  table: 'alert_rules' | 'sop_templates' | 'escalation_policies' | 'duty_roster' | 'alert_suppressions',
  id: string,
): Promise<boolean> {
  return (await q.query(`DELETE FROM ${table} WHERE id = $1 RETURNING id`, [id])).length > 0;
}

// --- suppressions ---

interface SuppressionRow {
  id: string;
  reason: string;
  camera_ids: string[] | null;
  area_ids: string[] | null;
  event_types: Suppression['eventTypes'];
  starts_at: Date;
  ends_at: Date;
  created_by: string;
  suppressed: number;
}
const toSuppression = (r: SuppressionRow): Suppression => ({
  id: r.id,
  reason: r.reason,
  cameraIds: r.camera_ids,
  areaIds: r.area_ids,
  eventTypes: r.event_types,
  startsAt: isoOf(r.starts_at),
  endsAt: isoOf(r.ends_at),
  createdBy: r.created_by,
  suppressed: r.suppressed,
});

/** Windows not over for more than a day (a late backlog is judged by when its events happened). */
export async function selectSuppressions(q: Queryable, onlyRecent: boolean): Promise<Suppression[]> {
  const rows = await q.query<SuppressionRow>(
    `SELECT * FROM alert_suppressions WHERE NOT $1 OR ends_at > now() - interval '1 day' ORDER BY starts_at DESC`,
    [onlyRecent],
  );
  return rows.map(toSuppression);
}

export async function insertSuppression(
  q: Queryable,
  s: Omit<Suppression, 'suppressed'>,
): Promise<Suppression> {
  const rows = await q.query<SuppressionRow>(
    `INSERT INTO alert_suppressions (id, reason, camera_ids, area_ids, event_types, starts_at, ends_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [s.id, s.reason, s.cameraIds, s.areaIds, s.eventTypes, s.startsAt, s.endsAt, s.createdBy],
  );
  return toSuppression(rows[0]!);
}

export async function countSuppressed(q: Queryable, id: string): Promise<void> {
  await q.query('UPDATE alert_suppressions SET suppressed = suppressed + 1 WHERE id = $1', [id]);
}

// --- people: users, contacts, roster ---

interface PersonRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  areas: string[] | null;
  disabled: boolean;
  email: string | null;
  phone: string | null;
  zalo_phone: string | null;
  duties: Duty[] | null;
}

export interface Person extends AlertUser {
  areas: string[] | null;
}

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  areas: r.areas,
  duties: r.duties ?? [],
  canHandle: can(r.role, 'alert:handle'),
  email: r.email,
  phone: r.phone,
  zaloPhone: r.zalo_phone,
});

const PEOPLE = `SELECT u.id, u.username, u.display_name, u.role, u.areas, u.disabled, c.email, c.phone, c.zalo_phone,
    (SELECT array_agg(DISTINCT d.duty) FROM duty_roster d
      WHERE d.user_id = u.id AND d.starts_at <= clock_timestamp() AND d.ends_at > clock_timestamp()) AS duties
  FROM users u LEFT JOIN user_contacts c ON c.user_id = u.id`;

export async function selectPeople(q: Queryable): Promise<Person[]> {
  return (await q.query<PersonRow>(`${PEOPLE} WHERE NOT u.disabled ORDER BY u.display_name`)).map(toPerson);
}

export async function selectPerson(q: Queryable, id: string): Promise<Person | null> {
  const rows = await q.query<PersonRow>(`${PEOPLE} WHERE u.id = $1 AND NOT u.disabled`, [id]);
  return rows[0] ? toPerson(rows[0]) : null;
}

export async function selectPeopleByRole(q: Queryable, role: Role): Promise<Person[]> {
  return (await q.query<PersonRow>(`${PEOPLE} WHERE u.role = $1 AND NOT u.disabled`, [role])).map(toPerson);
}

/** Who holds a duty now, per the roster. */
export async function selectOnDuty(q: Queryable, duty: Duty): Promise<Person[]> {
  const rows = await q.query<PersonRow>(
    `${PEOPLE} WHERE NOT u.disabled AND EXISTS (SELECT 1 FROM duty_roster d WHERE d.user_id = u.id AND d.duty = $1
       AND d.starts_at <= clock_timestamp() AND d.ends_at > clock_timestamp())`,
    [duty],
  );
  return rows.map(toPerson);
}

export async function upsertContact(
  q: Queryable,
  userId: string,
  c: { email: string | null; phone: string | null; zaloPhone: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO user_contacts (user_id, email, phone, zalo_phone) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET email = $2, phone = $3, zalo_phone = $4`,
    [userId, c.email, c.phone, c.zaloPhone],
  );
}

interface ShiftRow {
  id: string;
  user_id: string;
  display_name: string;
  duty: Duty;
  starts_at: Date;
  ends_at: Date;
  current: boolean;
}

/** Shifts not yet over (and those of the last day), earliest first. */
export async function selectRoster(q: Queryable): Promise<RosterShift[]> {
  const rows = await q.query<ShiftRow>(
    `SELECT d.*, u.display_name, (d.starts_at <= clock_timestamp() AND d.ends_at > clock_timestamp()) AS current
     FROM duty_roster d JOIN users u ON u.id = d.user_id
     WHERE d.ends_at > now() - interval '1 day' ORDER BY d.starts_at, u.display_name`,
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.display_name,
    duty: r.duty,
    startsAt: isoOf(r.starts_at),
    endsAt: isoOf(r.ends_at),
    current: r.current,
  }));
}

export async function insertShift(
  q: Queryable,
  s: { id: string; userId: string; duty: Duty; startsAt: string | Date; endsAt: string | Date },
): Promise<void> {
  await q.query(
    'INSERT INTO duty_roster (id, user_id, duty, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)',
    [s.id, s.userId, s.duty, s.startsAt as SqlParam, s.endsAt as SqlParam],
  );
}

// --- settings ---

/** Reads a shared setting, creating it with `initial` if no instance has yet (the first writer wins). */
export async function ensureSetting(q: Queryable, name: string, initial: string): Promise<string> {
  await q.query('INSERT INTO alert_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    initial,
  ]);
  return (await q.query<{ value: string }>('SELECT value FROM alert_settings WHERE name = $1', [name]))[0]!
    .value;
}
