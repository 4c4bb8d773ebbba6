import { randomUUID } from 'node:crypto';
import type {
  AlertRule,
  AlertRuleInput,
  AlertUser,
  ContactInput,
  EscalationPolicy,
  EscalationPolicyInput,
  RosterShift,
  RosterShiftInput,
  SopTemplate,
  SopTemplateInput,
  Suppression,
  SuppressionInput,
} from '@c2/api-client/schemas/alert';
import {
  alertRuleInputSchema,
  contactInputSchema,
  escalationPolicyInputSchema,
  rosterShiftInputSchema,
  sopTemplateInputSchema,
  suppressionInputSchema,
} from '@c2/api-client/schemas/alert';
import type { Db, Queryable } from '../../../platform/db';
import { badRequest, notFound } from '../../../platform/errors';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import {
  deleteById,
  insertShift,
  insertSuppression,
  selectPeople,
  selectPerson,
  selectPolicies,
  selectRoster,
  selectRules,
  selectSuppressions,
  selectTemplates,
  upsertContact,
  upsertPolicy,
  upsertRule,
  upsertTemplate,
} from '../data/config-store';
import type { Actor } from './alert-service';
import { DEFAULT_POLICIES, DEFAULT_RULES, DEFAULT_SOPS } from './default-config';

type Kind = 'rule' | 'sop' | 'policy' | 'shift' | 'suppression';
const TABLE = {
  rule: 'alert_rules',
  sop: 'sop_templates',
  policy: 'escalation_policies',
  shift: 'duty_roster',
  suppression: 'alert_suppressions',
} as const;

/**
 * Administrators configure the alert loop: rules, procedures, escalation policies, maintenance windows, the duty
 * roster and how people are reached. Every change is audited; a rule naming a procedure or policy that does not
 * exist is refused with the field named.
 */
export function createAlertAdmin(deps: { db: Db; audit: AuditTrail }) {
  const { db, audit } = deps;

  async function audited<T>(
    actor: Actor,
    action: string,
    target: string,
    detail: object,
    fn: (q: Queryable) => Promise<T>,
  ) {
    return db.tx(async (q) => {
      const out = await fn(q);
      await audit.record(
        { actorId: actor.id, actorName: actor.name, action, target, ip: actor.ip, detail: { ...detail } },
        q,
      );
      return out;
    });
  }

  async function checkRefs(q: Queryable, r: { sopTemplateId: string | null; policyId: string | null }) {
    if (r.sopTemplateId && !(await selectTemplates(q)).some((t) => t.id === r.sopTemplateId))
      throw badRequest('Unknown procedure', { sopTemplateId: 'no such SOP template' });
    if (r.policyId && !(await selectPolicies(q)).some((p) => p.id === r.policyId))
      throw badRequest('Unknown escalation policy', { policyId: 'no such policy' });
  }

  return {
    rules: () => selectRules(db),
    templates: () => selectTemplates(db),
    policies: () => selectPolicies(db),
    suppressions: () => selectSuppressions(db, false),
    roster: () => selectRoster(db),
    people: (): Promise<AlertUser[]> => selectPeople(db).then((ps) => ps.map(({ areas: _areas, ...p }) => p)),

    saveRule: (actor: Actor, id: string | null, input: AlertRuleInput): Promise<AlertRule> => {
      const r = alertRuleInputSchema.parse(input);
      const ruleId = id ?? `rule-${randomUUID().slice(0, 8)}`;
      return audited(actor, id ? 'alert.rule.update' : 'alert.rule.create', ruleId, r, async (q) => {
        if (id && !(await selectRules(q)).some((x) => x.id === id)) throw notFound('Rule');
        await checkRefs(q, r);
        return upsertRule(q, ruleId, r);
      });
    },

    saveTemplate: (actor: Actor, id: string | null, input: SopTemplateInput): Promise<SopTemplate> => {
      const t = sopTemplateInputSchema.parse(input);
      const templateId = id ?? `sop-${randomUUID().slice(0, 8)}`;
      return audited(actor, id ? 'alert.sop.update' : 'alert.sop.create', templateId, t, async (q) => {
        if (id && !(await selectTemplates(q)).some((x) => x.id === id)) throw notFound('Procedure');
        return upsertTemplate(q, templateId, t);
      });
    },

    savePolicy: (
      actor: Actor,
      id: string | null,
      input: EscalationPolicyInput,
    ): Promise<EscalationPolicy> => {
      const p = escalationPolicyInputSchema.parse(input);
      const policyId = id ?? `policy-${randomUUID().slice(0, 8)}`;
      return audited(actor, id ? 'alert.policy.update' : 'alert.policy.create', policyId, p, async (q) => {
        if (id && !(await selectPolicies(q)).some((x) => x.id === id)) throw notFound('Policy');
        for (const [i, step] of p.steps.entries())
          for (const [j, t] of step.targets.entries())
            if (t.kind === 'user' && !(await selectPerson(q, t.userId)))
              throw badRequest('Unknown user', { [`steps.${i}.targets.${j}.userId`]: 'no such user' });
        return upsertPolicy(q, policyId, p);
      });
    },

    addSuppression: (actor: Actor, input: SuppressionInput): Promise<Suppression> => {
      const s = suppressionInputSchema.parse(input);
      const id = `sup-${randomUUID().slice(0, 8)}`;
      return audited(actor, 'alert.suppression.create', id, s, (q) =>
        insertSuppression(q, { id, ...s, createdBy: actor.name }),
      );
    },

    addShift: (actor: Actor, input: RosterShiftInput): Promise<RosterShift[]> => {
      const s = rosterShiftInputSchema.parse(input);
      const id = `shift-${randomUUID().slice(0, 8)}`;
      return audited(actor, 'alert.roster.add', id, s, async (q) => {
        if (!(await selectPerson(q, s.userId))) throw badRequest('Unknown user', { userId: 'no such user' });
        await insertShift(q, { id, ...s });
        return selectRoster(q);
      });
    },

    saveContact: (actor: Actor, userId: string, input: ContactInput): Promise<void> => {
      const c = contactInputSchema.parse(input);
      return audited(actor, 'alert.contact.update', userId, c, async (q) => {
        if (!(await selectPerson(q, userId))) throw notFound('User');
        await upsertContact(q, userId, c);
      });
    },

    remove: (actor: Actor, kind: Kind, id: string): Promise<void> =>
      audited(actor, `alert.${kind}.delete`, id, {}, async (q) => {
        if (!(await deleteById(q, TABLE[kind], id))) throw notFound(kind);
      }),

    /**
     * Writes the default procedures, policies and rules into an empty configuration (once, whichever instance
     * starts first), and gives freshly seeded accounts a contact and a week of duty so escalation reaches someone.
     */
    async seed(seededUsers: readonly { username: string; role: string }[]): Promise<void> {
      await db.tx(async (q) => {
        await q.query('SELECT pg_advisory_xact_lock(727275)');
        const empty =
          (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_rules'))[0]!.n === 0;
        const neverSeeded =
          (await q.query("SELECT 1 FROM alert_settings WHERE name = 'seeded'")).length === 0;
        if (empty && neverSeeded) {
          for (const { id, ...t } of DEFAULT_SOPS)
            await upsertTemplate(q, id, sopTemplateInputSchema.parse(t));
          for (const { id, ...p } of DEFAULT_POLICIES)
            await upsertPolicy(q, id, escalationPolicyInputSchema.parse(p));
          for (const { id, ...r } of DEFAULT_RULES) await upsertRule(q, id, alertRuleInputSchema.parse(r));
        }
        await q.query(
          "INSERT INTO alert_settings (name, value) VALUES ('seeded', 'yes') ON CONFLICT DO NOTHING",
        );
        if (seededUsers.length === 0) return;
        const users = await q.query<{ id: string; username: string }>(
          'SELECT id, username FROM users WHERE username = ANY($1::text[])',
          [seededUsers.map((u) => u.username)],
        );
        const start = new Date(Date.now() - 3600_000);
        const end = new Date(Date.now() + 7 * 86_400_000);
        for (const [i, u] of users.entries()) {
          const phone = `09${String(12_345_670 + i).padStart(8, '0')}`;
          await upsertContact(q, u.id, { email: `${u.username}@c2.bacninh.local`, phone, zaloPhone: phone });
          const duty =
            u.username === 'operator' ? 'operator' : u.username === 'dispatcher' ? 'supervisor' : null;
          if (duty)
            await insertShift(q, {
              id: `shift-seed-${u.username}`,
              userId: u.id,
              duty,
              startsAt: start,
              endsAt: end,
            });
        }
      });
    },
  };
}
export type AlertAdmin = ReturnType<typeof createAlertAdmin>;
