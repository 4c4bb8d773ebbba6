import { randomBytes, randomUUID } from 'node:crypto';
import client from 'prom-client';
import {
  UNTAKEN_STATUSES,
  type Alert,
  type AlertDetail,
  type AlertRule,
  type Channel,
  type EscalationPolicy,
  type NotifyTarget,
  type SopStepAction,
  type SopTemplate,
} from '@c2/api-client/schemas/alert';
import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import { permissionsOf } from '@c2/api-client/permissions';
import type { Db, Queryable } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { Metrics } from '../../../platform/metrics';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { CameraRef } from '../../cameras/domain/camera-service';
import { audienceOf, type Tier } from '../../live/domain/audience';
import { recordKey, type EventLog } from '../../live/domain/event-log';
import type { NotifyOutbox, NewMessage } from '../../../upstreams/notify/notify-outbox';
import {
  claimDueDeadlines,
  takeInbox,
  dbNow,
  nextDueAt,
  deleteDeadline,
  applyGrouped,
  insertActivity,
  insertAlert,
  insertInbox,
  isClosed,
  lockOpenGroups,
  selectAlertForUpdate,
  selectAlerts,
  selectDeadline,
  selectSopRecords,
  selectTimeline,
  selectVisibleAlert,
  toAlert,
  updateAlert,
  upsertDeadline,
  type AlertRow,
  type DeadlineRow,
  type GroupedUpdate,
} from '../data/alert-store';
import {
  countSuppressed,
  ensureSetting,
  selectOnDuty,
  selectPeopleByRole,
  selectPerson,
  selectPolicies,
  selectRules,
  selectSuppressions,
  selectTemplates,
  type Person,
} from '../data/config-store';
import { signAckToken, verifyAckToken } from './ack-links';
import {
  decide,
  firstFiring,
  levelOf,
  nextEffectiveFiring,
  nextFiring,
  type ScheduledFiring,
} from './escalation-timing';
import { renderAlertMessage } from './messages';
import { pickRule, suppressionFor } from './rule-match';
import { checkStepAction, sopPath } from './sop-progress';

/** Who acts, as routes know them. */
export interface Actor {
  id: string;
  name: string;
  ip: string | null;
}
/** What a caller may see: clearance tier and jurisdiction. */
export interface Viewer {
  maxTier: number;
  areas: string[] | null;
}

/** One transaction's work: its clock, the alerts it changed (one live entry each) and whether it wrote mail. */
interface Work {
  q: Queryable;
  now: Date;
  touched: Map<string, AlertRow>;
  /**
   * Alerts whose only change in this transaction is more grouped events (a count, a time): consoles get the
   * newest state of each once per live window, not one message per pass (a busy road's congestion alert changes
   * many times a second). Anything else an alert goes through reaches them at once.
   */
  onlyGrouped: Set<string>;
  enqueued: boolean;
  /** People per target, looked up once per transaction: a burst of alerts on one policy asks the same thing. */
  people: Map<string, Person[]>;
}

/** Inbox rows (stored events) one pass of the alert loop takes. */
const INBOX_BATCH = 100;
const ACK_LINK_TTL_MS = 24 * 3600_000;
const stateOf = (r: AlertRow) => ({ acknowledged: r.acknowledged_at !== null, closed: isClosed(r.status) });
const canSee = (p: Person, r: AlertRow) => {
  const a = audienceOf(permissionsOf(p.role), p.areas);
  return (
    a.topics.includes('alert.changed') &&
    r.tier <= a.maxTier &&
    (a.areas === null || a.areas.includes(r.area_id))
  );
};

/**
 * The alert loop: events become alerts through the rules (grouped, suppressed in maintenance windows), alerts
 * are handled through their SOP, and escalate through their policy until someone acknowledges. Every change is
 * one transaction that also writes the timeline, the deadlines, the outbox and the live log entry.
 */
export function createAlertService(deps: {
  db: Db;
  eventLog: EventLog;
  outbox: NotifyOutbox;
  audit: AuditTrail;
  cameraRef: (id: string) => CameraRef | undefined;
  publicBaseUrl: () => string;
  logger: Logger;
  metrics: Metrics;
  pollMs?: number;
}) {
  const { db, eventLog, outbox, audit, logger } = deps;
  const pollMs = deps.pollMs ?? 500;
  let linkSecret = '';
  let stopWatching = () => {};
  const raised = new client.Counter({
    name: 'c2_alerts_total',
    help: 'Events handled by the alert rules, by outcome (raised, grouped, suppressed)',
    labelNames: ['outcome'] as const,
    registers: [deps.metrics.registry],
  });
  const lateness = new client.Histogram({
    name: 'c2_alert_deadline_lateness_seconds',
    help: 'How long after its due time an escalation or SLA deadline was acted on',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30],
    registers: [deps.metrics.registry],
  });

  async function inTx<T>(fn: (w: Work) => Promise<T>): Promise<T> {
    const out = await db.tx(async (q) => {
      const w: Work = {
        q,
        now: await dbNow(q),
        touched: new Map(),
        onlyGrouped: new Set(),
        enqueued: false,
        people: new Map(),
      };
      const result = await fn(w);
      const items = await eventLog.appendWithin(
        q,
        [...w.touched.values()].map((r) => ({
          topic: 'alert.changed' as const,
          areaId: r.area_id,
          tier: r.tier as Tier,
          data: toAlert(r),
          ...(w.onlyGrouped.has(r.id) ? { coalesceKey: recordKey('alert.changed', r.id) } : {}),
        })),
      );
      return { result, items, enqueued: w.enqueued };
    });
    eventLog.publish(out.items);
    if (out.enqueued) outbox.wake();
    // Changed alerts may carry new or earlier deadlines.
    if (out.items.length > 0) deadlineLoop.wake();
    return out.result;
  }

  // --- notifications ---

  async function peopleOf(w: Work, t: NotifyTarget): Promise<Person[]> {
    const key = JSON.stringify(t);
    let people = w.people.get(key);
    if (!people) {
      people =
        t.kind === 'user'
          ? [await selectPerson(w.q, t.userId)].filter((p): p is Person => p !== null)
          : t.kind === 'role'
            ? await selectPeopleByRole(w.q, t.role)
            : await selectOnDuty(w.q, t.duty);
      w.people.set(key, people);
    }
    return people;
  }

  async function recipientsOf(w: Work, targets: readonly NotifyTarget[], row: AlertRow): Promise<Person[]> {
    const found = new Map<string, Person>();
    for (const t of targets) {
      // Nobody hears of an alert they could not open: jurisdiction and clearance apply to notifications too.
      for (const p of await peopleOf(w, t)) if (canSee(p, row)) found.set(p.id, p);
    }
    return [...found.values()];
  }

  async function notify(
    w: Work,
    row: AlertRow,
    people: readonly Person[],
    channels: readonly Channel[],
    why: Parameters<typeof renderAlertMessage>[2],
    reason: string,
  ): Promise<{ recipients: string[]; messages: number; missing: string[] }> {
    const alert = toAlert(row);
    const messages: NewMessage[] = [];
    const missing: string[] = [];
    for (const p of people) {
      for (const channel of channels) {
        const address =
          channel === 'email'
            ? p.email
            : channel === 'sms'
              ? p.phone
              : channel === 'zalo'
                ? p.zaloPhone
                : null;
        if (channel !== 'in_app' && !address) {
          missing.push(`${p.displayName}: ${channel}`);
          continue;
        }
        const ackUrl =
          channel !== 'in_app' && p.canHandle
            ? `${deps.publicBaseUrl()}/ack/${signAckToken(linkSecret, {
                alertId: row.id,
                userId: p.id,
                expiresAt: w.now.getTime() + ACK_LINK_TTL_MS,
              })}`
            : null;
        const text = renderAlertMessage(alert, channel, why);
        messages.push({
          alertId: row.id,
          channel,
          recipientId: p.id,
          recipientName: p.displayName,
          address,
          subject: text.subject,
          body: text.body,
          ackUrl,
          params: text.params,
          reason,
        });
      }
    }
    await outbox.enqueueWithin(w.q, messages);
    if (messages.length > 0) w.enqueued = true;
    return { recipients: people.map((p) => p.displayName), messages: messages.length, missing };
  }

  // --- escalation ---

  async function fireStep(
    w: Work,
    row: AlertRow,
    firing: ScheduledFiring,
    manual: { actor: Actor; reason: string | undefined } | null,
  ): Promise<AlertRow> {
    const step = row.policy!.steps[firing.step]!;
    const level = Math.max(row.escalation_level, levelOf(firing));
    const raisedLevel = level > row.escalation_level && level > 1;
    const people = await recipientsOf(w, step.targets, row);
    const sent = await notify(
      w,
      { ...row, escalation_level: level },
      people,
      step.channels,
      {
        level,
        condition: manual ? 'manual' : step.condition,
        ...(manual?.reason ? { note: manual.reason } : {}),
      },
      manual ? `manual escalation to level ${level}` : `escalation level ${level}`,
    );
    let r = row;
    if (raisedLevel || manual) {
      r = await updateAlert(w.q, row.id, {
        escalation_level: level,
        escalated_at: w.now,
        status: row.status === 'open' || manual ? 'escalated' : row.status,
      });
      await insertActivity(w.q, row.id, 'escalated', manual?.actor ?? null, {
        level,
        manual: manual !== null,
        ...(manual?.reason ? { reason: manual.reason } : {}),
      });
    } else if (level !== row.escalation_level) {
      r = await updateAlert(w.q, row.id, { escalation_level: level });
    }
    await insertActivity(w.q, row.id, 'notified', null, {
      level,
      step: firing.step,
      repeat: firing.repeat,
      channels: step.channels,
      ...sent,
    });
    w.touched.set(r.id, r);
    return r;
  }

  /** Acts on a due firing (or a manual one) and moves the alert's escalation deadline to what comes next. */
  async function runEscalation(
    w: Work,
    row: AlertRow,
    firing: ScheduledFiring,
    manual: { actor: Actor; reason: string | undefined } | null = null,
  ): Promise<AlertRow> {
    const steps = row.policy?.steps ?? [];
    const step = steps[firing.step];
    if (!step) {
      await deleteDeadline(w.q, row.id, 'escalation');
      return row;
    }
    let r = row;
    if (manual || decide(step, stateOf(row)) === 'notify') r = await fireStep(w, row, firing, manual);
    const from = manual ? w.now.getTime() : firing.dueAt;
    await reschedule(w, r, nextFiring(steps, firing, from));
    return r;
  }

  async function reschedule(w: Work, row: AlertRow, candidate: ScheduledFiring | null): Promise<void> {
    const next = nextEffectiveFiring(row.policy?.steps ?? [], candidate, stateOf(row));
    if (next) await upsertDeadline(w.q, row.id, 'escalation', next.step, next.repeat, new Date(next.dueAt));
    else await deleteDeadline(w.q, row.id, 'escalation');
  }

  /** An acknowledgement moves the pending escalation past the steps that only chased it, and starts the resolve SLA. */
  async function afterAcknowledged(w: Work, row: AlertRow): Promise<void> {
    const d = await selectDeadline(w.q, row.id, 'escalation');
    if (d)
      await reschedule(w, row, {
        step: d.step_index,
        repeat: d.repeat_index,
        dueAt: new Date(d.due_at).getTime(),
      });
    const sla = await selectDeadline(w.q, row.id, 'sla');
    if (sla && sla.step_index === 0 && row.resolve_deadline)
      await upsertDeadline(w.q, row.id, 'sla', 1, 0, new Date(row.resolve_deadline));
  }

  async function runSla(w: Work, row: AlertRow, d: DeadlineRow): Promise<void> {
    if (isClosed(row.status)) return deleteDeadline(w.q, row.id, 'sla');
    const phase =
      d.step_index === 0 && !row.acknowledged_at ? 'acknowledge' : d.step_index === 1 ? 'resolve' : null;
    if (phase) {
      const r = await updateAlert(w.q, row.id, { sla_breached: true });
      await insertActivity(w.q, row.id, 'sla_breached', null, {
        sla: phase,
        deadline: new Date(d.due_at).toISOString(),
      });
      w.touched.set(r.id, r);
    }
    if (d.step_index === 0 && row.resolve_deadline)
      await upsertDeadline(w.q, row.id, 'sla', 1, 0, new Date(row.resolve_deadline));
    else await deleteDeadline(w.q, row.id, 'sla');
  }

  // --- raising alerts from events ---

  interface PassConfig {
    rules: AlertRule[];
    policies: EscalationPolicy[];
    templates: SopTemplate[];
    suppressions: Awaited<ReturnType<typeof selectSuppressions>>;
  }

  /**
   * One pass's grouping: the alert open under each key (its lock held since the pass began, across instances: two
   * events of one camera never open two alerts), and the events grouped into alerts, written once at the end.
   */
  interface PassGroups {
    open: Map<string, AlertRow>;
    grouped: Map<string, GroupedUpdate>;
  }

  const groupKeyOf = (rule: AlertRule, ev: AnalyticsEvent) =>
    rule.groupWindowSeconds > 0 ? `${rule.id}|${ev.cameraId}|${ev.type}` : null;

  async function raise(
    w: Work,
    cfg: PassConfig,
    groups: PassGroups,
    rule: AlertRule,
    ev: AnalyticsEvent,
    tier: number,
  ): Promise<void> {
    const window = rule.groupWindowSeconds;
    const groupKey = groupKeyOf(rule, ev);
    if (groupKey) {
      const open = groups.open.get(groupKey);
      if (open) {
        const last = new Date(open.last_event_at).getTime();
        if (!isClosed(open.status) && Date.parse(ev.ts) - last <= window * 1000) {
          const eventIds = groups.grouped.get(open.id)?.eventIds ?? [];
          eventIds.push(ev.id);
          const count = open.count + 1;
          const lastEventAt = new Date(Math.max(last, Date.parse(ev.ts)));
          const snapshot = ev.snapshot ?? open.snapshot;
          groups.grouped.set(open.id, { id: open.id, count, lastEventAt, snapshot, eventIds });
          groups.open.set(groupKey, { ...open, count, last_event_at: lastEventAt, snapshot });
          raised.inc({ outcome: 'grouped' });
          return;
        }
        await w.q.query('UPDATE alerts SET group_key = NULL WHERE id = $1', [open.id]);
        groups.open.delete(groupKey);
      }
    }
    const policy =
      (rule.policyId ? cfg.policies.find((p) => p.id === rule.policyId) : undefined) ??
      cfg.policies.find((p) => p.priorities.includes(rule.priority)) ??
      null;
    const sop = rule.sopTemplateId ? (cfg.templates.find((t) => t.id === rule.sopTemplateId) ?? null) : null;
    const cameraName =
      (await w.q.query<{ name: string }>('SELECT name FROM cameras WHERE id = $1', [ev.cameraId]))[0]?.name ??
      null;
    const at = (s: number | undefined) => (s === undefined ? null : new Date(w.now.getTime() + s * 1000));
    let row = await insertAlert(w.q, {
      id: randomUUID(),
      ruleId: rule.id,
      priority: rule.priority,
      type: ev.type,
      severity: ev.severity,
      title: rule.name,
      cameraId: ev.cameraId,
      cameraName,
      eventId: ev.id,
      areaId: ev.areaId,
      tier,
      snapshot: ev.snapshot,
      groupKey,
      groupWindowSeconds: window,
      createdAt: w.now,
      lastEventAt: new Date(ev.ts),
      ackDeadline: at(policy?.ackSlaSeconds),
      resolveDeadline: at(policy?.resolveSlaSeconds),
      policy,
      sop,
      sopTotal: sop ? sopPath(sop.steps, []).total : 0,
    });
    await insertActivity(w.q, row.id, 'created', null, {
      eventId: ev.id,
      ruleId: rule.id,
      rule: rule.name,
      policy: policy?.name ?? null,
    });
    w.touched.set(row.id, row);
    raised.inc({ outcome: 'raised' });
    if (policy) {
      await upsertDeadline(w.q, row.id, 'sla', 0, 0, row.ack_deadline!);
      row = await runEscalation(w, row, firstFiring(w.now.getTime()));
    }
    if (groupKey) groups.open.set(groupKey, row);
  }

  async function processInbox(): Promise<number> {
    return inTx(async (w) => {
      // Batches of a size a pass handles in tens of milliseconds: an alert's clock starts when its transaction does
      // and its deadlines become visible only at commit, so a long one would make a burst's alerts start late;
      // many small ones cost a dozen round trips each (at 2,000 events/s, 20 a pass made 100 passes a second).
      const rows = await takeInbox(w.q, INBOX_BATCH);
      if (rows.length === 0) return 0;
      const cfg: PassConfig = {
        rules: (await selectRules(w.q)).filter((r) => r.enabled),
        policies: await selectPolicies(w.q),
        templates: await selectTemplates(w.q),
        suppressions: await selectSuppressions(w.q, true),
      };
      const todo: Array<{ rule: AlertRule; ev: AnalyticsEvent; tier: number }> = [];
      for (const item of rows) {
        const ev = item.event;
        const rule = pickRule(cfg.rules, ev);
        if (!rule) continue;
        const window = suppressionFor(cfg.suppressions, ev);
        if (window) {
          await countSuppressed(w.q, window.id);
          raised.inc({ outcome: 'suppressed' });
          continue;
        }
        todo.push({ rule, ev, tier: item.tier });
      }
      // A burst mostly adds events to open alerts: a few statements per pass, not a few per event.
      const keys = todo.map(({ rule, ev }) => groupKeyOf(rule, ev)).filter((k): k is string => k !== null);
      const groups: PassGroups = { open: await lockOpenGroups(w.q, keys), grouped: new Map() };
      for (const { rule, ev, tier } of todo) await raise(w, cfg, groups, rule, ev, tier);
      for (const r of await applyGrouped(w.q, [...groups.grouped.values()])) {
        if (!w.touched.has(r.id)) w.onlyGrouped.add(r.id);
        w.touched.set(r.id, r);
      }
      return rows.length;
    });
  }

  async function tickDeadlines(): Promise<number> {
    return inTx(async (w) => {
      const due = await claimDueDeadlines(w.q, 20);
      let acted = 0;
      for (const { deadline: d, alert: row } of due) {
        lateness.observe(Math.max(0, (w.now.getTime() - new Date(d.due_at).getTime()) / 1000));
        if (d.kind === 'escalation')
          await runEscalation(w, row, {
            step: d.step_index,
            repeat: d.repeat_index,
            dueAt: new Date(d.due_at).getTime(),
          });
        else await runSla(w, row, d);
        acted++;
      }
      return acted;
    });
  }

  // --- the loops ---

  /**
   * A worker loop: runs passes while they find work, then sleeps for what `idle` says (the next deadline, capped
   * so work another instance left behind is still picked up). A wake during a pass runs another one right after.
   * PGlite runs queries on the event loop, so an idle loop must cost next to nothing.
   */
  function loop(name: string, pass: () => Promise<number>, idle: () => Promise<number>) {
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> | null = null;
    let again = false;
    let stopped = true;
    const schedule = (ms: number) => {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, ms);
      timer.unref();
    };
    const run = () => {
      if (stopped || running) return;
      again = false;
      running = (async () => {
        let next = pollMs;
        try {
          while (!stopped && (await pass()) > 0);
          next = again ? 0 : await idle();
        } catch (err) {
          logger.error({ err, loop: name }, 'alert loop pass failed');
        }
        running = null;
        schedule(next);
      })();
    };
    return {
      start() {
        stopped = false;
        schedule(0);
      },
      wake() {
        if (running) again = true;
        else schedule(0);
      },
      async stop() {
        stopped = true;
        if (timer) clearTimeout(timer);
        await running;
      },
    };
  }
  // Events arrive with a wake after their commit; the poll only collects what a crashed instance left.
  const inboxLoop = loop('inbox', processInbox, async () => 1000);
  // Sleeps until the next deadline, never longer than the poll (another instance may have added an earlier one).
  const deadlineLoop = loop('deadlines', tickDeadlines, async () => {
    const due = await nextDueAt(db);
    return due ? Math.min(pollMs, Math.max(5, due.getTime() - Date.now())) : pollMs;
  });

  // --- use-cases of people ---

  async function act(
    viewer: Viewer,
    actor: Actor,
    id: string,
    action: string,
    detail: Record<string, unknown>,
    fn: (w: Work, row: AlertRow) => Promise<AlertRow>,
  ): Promise<Alert> {
    return inTx(async (w) => {
      const row = await selectVisibleAlert(w.q, id, viewer.maxTier, viewer.areas, true);
      if (!row) throw notFound('Alert');
      const r = await fn(w, row);
      w.touched.set(r.id, r);
      await audit.record(
        {
          actorId: actor.id,
          actorName: actor.name,
          action: `alert.${action}`,
          target: id,
          ip: actor.ip,
          detail,
        },
        w.q,
      );
      return toAlert(r);
    });
  }

  const refuseClosed = (row: AlertRow) => {
    if (isClosed(row.status)) throw conflict('The alert is already closed');
  };

  /** Acknowledges if nobody has yet; answers the row as it now is. */
  async function ensureAcknowledged(w: Work, row: AlertRow, actor: Actor, via: string): Promise<AlertRow> {
    if (row.acknowledged_at) return row;
    const r = await updateAlert(w.q, row.id, {
      acknowledged_at: w.now,
      acknowledged_by_id: actor.id,
      acknowledged_by: actor.name,
      status: UNTAKEN_STATUSES.includes(row.status) ? 'acknowledged' : row.status,
    });
    await insertActivity(w.q, row.id, 'acknowledged', actor, { via });
    await afterAcknowledged(w, r);
    return r;
  }

  async function assignable(w: Work, row: AlertRow, userId: string): Promise<Person> {
    const person = await selectPerson(w.q, userId);
    if (!person || !person.canHandle || !canSee(person, row))
      throw badRequest('That user cannot handle this alert', { userId: 'cannot handle this alert' });
    return person;
  }

  async function close(
    w: Work,
    row: AlertRow,
    actor: Actor,
    status: 'resolved' | 'false_positive',
    note: string | null,
  ): Promise<AlertRow> {
    refuseClosed(row);
    const acked = await ensureAcknowledged(w, row, actor, 'console');
    const r = await updateAlert(w.q, row.id, {
      status,
      resolved_at: w.now,
      resolved_by: actor.name,
      outcome_note: note,
      group_key: null,
    });
    await deleteDeadline(w.q, row.id);
    await insertActivity(
      w.q,
      row.id,
      status,
      actor,
      note ? { note, escalationLevel: acked.escalation_level } : {},
    );
    return r;
  }

  return {
    /** The ingest's sink: an inbox row per stored event, committed with the event. */
    async inboxWithin(q: Queryable, events: readonly AnalyticsEvent[]): Promise<void> {
      await insertInbox(
        q,
        events.map((e) => ({ eventId: e.id, tier: deps.cameraRef(e.cameraId)?.tier ?? 2, event: e })),
      );
      // The rows commit after this returns: the loop is woken when the ingest publishes them (see start).
    },

    async start(): Promise<void> {
      // The ingest publishes its events after the commit that also wrote their inbox rows.
      stopWatching = eventLog.onAppended((items) => {
        if (items.some((i) => i.entry.topic === 'event.new')) inboxLoop.wake();
      });
      linkSecret = await ensureSetting(db, 'ack_link_secret', randomBytes(32).toString('base64url'));
      inboxLoop.start();
      deadlineLoop.start();
    },
    async stop(): Promise<void> {
      stopWatching();
      await inboxLoop.stop();
      await deadlineLoop.stop();
    },
    /** Drains the inbox and due deadlines now (tests, shutdown). */
    async settle(): Promise<void> {
      while ((await processInbox()) > 0);
      while ((await tickDeadlines()) > 0);
    },

    list: (viewer: Viewer, opts: { scope: 'active' | 'closed' | 'all'; limit: number }) =>
      selectAlerts(db, { ...opts, maxTier: viewer.maxTier, areas: viewer.areas }),

    async detail(viewer: Viewer, id: string): Promise<AlertDetail> {
      const row = await selectVisibleAlert(db, id, viewer.maxTier, viewer.areas);
      if (!row) throw notFound('Alert');
      const [timeline, sopRecords] = await Promise.all([selectTimeline(db, id), selectSopRecords(db, id)]);
      return { alert: toAlert(row), sop: row.sop, sopRecords, timeline };
    },

    acknowledge: (viewer: Viewer, actor: Actor, id: string) =>
      act(viewer, actor, id, 'acknowledge', {}, async (w, row) => {
        refuseClosed(row);
        if (row.acknowledged_at)
          throw conflict(`Already acknowledged by ${row.acknowledged_by ?? 'someone'}`);
        return ensureAcknowledged(w, row, actor, 'console');
      }),

    claim: (viewer: Viewer, actor: Actor, id: string) =>
      act(viewer, actor, id, 'claim', {}, async (w, row) => {
        refuseClosed(row);
        if (row.assignee_id === actor.id) throw conflict('The alert is already yours');
        const acked = await ensureAcknowledged(w, row, actor, 'console');
        const r = await updateAlert(w.q, row.id, {
          assignee_id: actor.id,
          assignee_name: actor.name,
          assigned_at: w.now,
          status: 'assigned',
        });
        await insertActivity(w.q, row.id, 'claimed', actor, { from: acked.assignee_name });
        return r;
      }),

    assign: (
      viewer: Viewer,
      actor: Actor,
      id: string,
      userId: string,
      reason: string | undefined,
      transfer: boolean,
    ) =>
      act(viewer, actor, id, transfer ? 'transfer' : 'assign', { userId, reason }, async (w, row) => {
        refuseClosed(row);
        if (transfer && !row.assignee_id)
          throw conflict('The alert is not assigned to anyone to transfer from');
        const person = await assignable(w, row, userId);
        if (row.assignee_id === person.id)
          throw conflict(`The alert is already assigned to ${person.displayName}`);
        await ensureAcknowledged(w, row, actor, 'console');
        const r = await updateAlert(w.q, row.id, {
          assignee_id: person.id,
          assignee_name: person.displayName,
          assigned_at: w.now,
          status: 'assigned',
        });
        await insertActivity(w.q, row.id, transfer ? 'transferred' : 'assigned', actor, {
          from: row.assignee_name,
          to: person.displayName,
          ...(reason ? { reason } : {}),
        });
        await notify(
          w,
          r,
          [person],
          ['in_app'],
          { level: r.escalation_level, condition: 'manual', note: reason },
          'assigned',
        );
        return r;
      }),

    escalate: (viewer: Viewer, actor: Actor, id: string, reason: string | undefined) =>
      act(viewer, actor, id, 'escalate', { reason }, async (w, row) => {
        refuseClosed(row);
        const steps = row.policy?.steps ?? [];
        if (steps.length === 0) throw conflict('The alert has no escalation policy');
        const step = Math.min(row.escalation_level, steps.length - 1);
        return runEscalation(w, row, { step, repeat: 0, dueAt: w.now.getTime() }, { actor, reason });
      }),

    resolve: (viewer: Viewer, actor: Actor, id: string, note: string | undefined) =>
      act(viewer, actor, id, 'resolve', { note }, (w, row) => close(w, row, actor, 'resolved', note ?? null)),

    falsePositive: (viewer: Viewer, actor: Actor, id: string, reason: string) =>
      act(viewer, actor, id, 'false_positive', { reason }, (w, row) =>
        close(w, row, actor, 'false_positive', reason),
      ),

    recordSopStep: (viewer: Viewer, actor: Actor, id: string, action: SopStepAction) =>
      act(viewer, actor, id, 'sop_step', { ...action }, async (w, row) => {
        refuseClosed(row);
        if (!row.sop) throw conflict('The alert has no procedure');
        const records = await selectSopRecords(w.q, row.id);
        const problem = checkStepAction(row.sop.steps, records, action);
        if (problem)
          throw badRequest(`Invalid SOP step: ${problem.field}: ${problem.message}`, {
            [problem.field]: problem.message,
          });
        const acked = await ensureAcknowledged(w, row, actor, 'sop');
        const step = row.sop.steps.find((s) => s.id === action.stepId)!;
        const record = {
          stepId: step.id,
          outcome: action.outcome,
          answer: action.answer ?? null,
          note: action.note ?? null,
          by: actor.name,
          at: w.now.toISOString(),
        };
        const path = sopPath(row.sop.steps, [...records, record]);
        let notified: string[] = [];
        if (action.outcome === 'skipped' && step.required) {
          const supervisors = (await selectOnDuty(w.q, 'supervisor')).filter((p) => canSee(p, row));
          const sent = await notify(
            w,
            acked,
            supervisors,
            ['in_app', 'email'],
            {
              level: acked.escalation_level,
              condition: 'sop_skip',
              note: `${step.title} — ${action.note ?? ''}`,
            },
            'required SOP step skipped',
          );
          notified = sent.recipients;
        }
        await insertActivity(w.q, row.id, 'sop_step', actor, {
          stepId: step.id,
          title: step.title,
          required: step.required,
          outcome: action.outcome,
          ...(action.answer ? { answer: action.answer } : {}),
          ...(action.note ? { note: action.note } : {}),
          ...(notified.length > 0 ? { supervisorsNotified: notified } : {}),
        });
        return updateAlert(w.q, row.id, {
          sop_total: path.total,
          sop_done: path.done,
          sop_skipped_required: path.skippedRequired,
          sop_compliance: path.compliance,
        });
      }),

    /** The page behind an acknowledge link: what the alert is, and whether the link still works. */
    async peekLink(token: string): Promise<{ alert: Alert; person: Person } | null> {
      const claims = verifyAckToken(linkSecret, token);
      if (!claims) return null;
      const person = await selectPerson(db, claims.userId);
      const row = (await db.query<AlertRow>('SELECT * FROM alerts WHERE id = $1', [claims.alertId]))[0];
      if (!person || !person.canHandle || !row || !canSee(person, row)) return null;
      return { alert: toAlert(row), person };
    },

    /** One-click acknowledgement from a message, in the name of its recipient. */
    async acknowledgeByLink(
      token: string,
      ip: string | null,
    ): Promise<{ outcome: 'acknowledged' | 'already' | 'closed'; alert: Alert; person: Person } | null> {
      const claims = verifyAckToken(linkSecret, token);
      if (!claims) return null;
      const person = await selectPerson(db, claims.userId);
      if (!person || !person.canHandle) return null;
      return inTx(async (w) => {
        const row = await selectAlertForUpdate(w.q, claims.alertId);
        if (!row || !canSee(person, row)) return null;
        if (isClosed(row.status)) return { outcome: 'closed' as const, alert: toAlert(row), person };
        if (row.acknowledged_at) return { outcome: 'already' as const, alert: toAlert(row), person };
        const actor = { id: person.id, name: person.displayName, ip };
        const r = await ensureAcknowledged(w, row, actor, 'link');
        w.touched.set(r.id, r);
        await audit.record(
          {
            actorId: person.id,
            actorName: person.displayName,
            action: 'alert.acknowledge',
            target: row.id,
            ip,
            detail: { via: 'link' },
          },
          w.q,
        );
        return { outcome: 'acknowledged' as const, alert: toAlert(r), person };
      });
    },
  };
}
export type AlertService = ReturnType<typeof createAlertService>;
