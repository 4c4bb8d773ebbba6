import type { Actor, Incident } from '@c2/api-client/schemas/incident';
import type { Unit } from '@c2/api-client/schemas/unit';
import type { Db, Queryable } from '../../../platform/db';
import type { AuditTrail } from '../../audit/domain/audit-trail';
import type { Change, EventLog } from '../../live/domain/event-log';
import { selectUnit } from '../../units/data/unit-store';
import type { UnitTask } from '../../../upstreams/units/units-port';
import {
  insertTimeline,
  selectActiveAssignment,
  selectAssignments,
  selectIncidentRow,
  updateIncident,
  type AssignmentRow,
  type IncidentRow,
  type IncidentUpdate,
  type NewTimelineEntry,
} from '../data/incident-store';
import { derive } from './incident-state';
import { presentIncidents } from './incident-presenter';

/** Who asks for a change: the actor written to the timeline and the audit trail, and where from. */
export interface Caller {
  actor: Actor;
  ip: string | null;
}

/**
 * One change to incidents and units, inside one transaction. Use-cases write their rows, add timeline entries and
 * say which incidents and units they touched; the runner then settles each touched incident's state from its
 * assignments, writes the timeline, appends `incident.changed` / `unit.changed` to the event log, records the
 * audit, commits, publishes, and tells every touched unit's terminal what it is doing now.
 */
export interface Work {
  q: Queryable;
  at: Date;
  caller: Caller;
  timeline: NewTimelineEntry[];
  touchIncident(id: string): void;
  touchUnit(id: string): void;
  audit(action: string, target: string, detail: Record<string, unknown>): void;
}

/** What a unit's terminal is told after a change (the simulator drives by it). */
export function taskOf(unit: Unit, assignment: AssignmentRow | null, incident: IncidentRow | null): UnitTask {
  switch (unit.status) {
    case 'available':
      return { kind: 'patrol' };
    case 'returning':
      return { kind: 'return' };
    case 'out_of_service':
      return { kind: 'stand_down' };
    default:
      if (!assignment || !incident) return { kind: 'stand_down' };
      return {
        kind: 'respond',
        incidentId: incident.id,
        to: [incident.lng, incident.lat],
        stage: unit.status,
        crewActed: assignment.crew_acted,
      };
  }
}

/** The unit's task as the database says now (used after a change and at start). */
export async function currentTask(q: Queryable, unit: Unit): Promise<UnitTask> {
  const assignment = await selectActiveAssignment(q, unit.id);
  const incident = assignment ? await selectIncidentRow(q, assignment.incident_id, null) : null;
  return taskOf(unit, assignment, incident);
}

export function createWorkRunner(deps: {
  db: Db;
  eventLog: EventLog;
  audit: AuditTrail;
  sendTask: (unitId: string, task: UnitTask) => void;
  now: () => Date;
}) {
  /** Brings an incident's state and step times in line with its assignments. */
  async function settle(w: Work, id: string): Promise<void> {
    const row = await selectIncidentRow(w.q, id, null, true);
    if (!row) return;
    const assignments = await selectAssignments(w.q, [id]);
    const next = derive(
      row.state,
      assignments.map((a) => ({ active: a.active, onSceneAt: a.on_scene_at, endReason: a.end_reason })),
    );
    const first = (dates: (Date | null)[]) =>
      dates.filter((d): d is Date => d !== null).sort((a, b) => +new Date(a) - +new Date(b))[0];
    const set: IncidentUpdate = {};
    if (next !== row.state) {
      set.state = next;
      w.timeline.push({
        incidentId: id,
        ts: w.at,
        actor: w.caller.actor,
        kind: 'state',
        data: { from: row.state, to: next, outcome: null, note: null },
      });
    }
    const dispatched = first(assignments.map((a) => a.assigned_at));
    if (!row.dispatched_at && dispatched) set.dispatched_at = dispatched;
    // Sending a unit is taking the incident on: dispatch implies acknowledgement.
    if (!row.acknowledged_at && dispatched) set.acknowledged_at = dispatched;
    const arrived = first(assignments.map((a) => a.on_scene_at));
    if (!row.arrived_at && arrived) set.arrived_at = arrived;
    if (next === 'resolved' && !row.resolved_at) set.resolved_at = w.at;
    await updateIncident(w.q, id, set, w.at);
  }

  return {
    async run<T>(caller: Caller, fn: (w: Work) => Promise<T>): Promise<T> {
      const out = await deps.db.tx(async (q) => {
        const incidents = new Set<string>();
        const units = new Set<string>();
        const audits: { action: string; target: string; detail: Record<string, unknown> }[] = [];
        const w: Work = {
          q,
          at: deps.now(),
          caller,
          timeline: [],
          touchIncident: (id) => void incidents.add(id),
          touchUnit: (id) => void units.add(id),
          audit: (action, target, detail) => void audits.push({ action, target, detail }),
        };
        const result = await fn(w);
        for (const id of incidents) await settle(w, id);
        await insertTimeline(q, w.timeline);

        const rows: IncidentRow[] = [];
        for (const id of incidents) {
          const row = await selectIncidentRow(q, id, null);
          if (row) rows.push(row);
        }
        const presented: Incident[] = await presentIncidents(q, rows, w.at);
        const changed: Unit[] = [];
        const tasks: [string, UnitTask][] = [];
        for (const id of units) {
          const unit = await selectUnit(q, id, null);
          if (!unit) continue;
          changed.push(unit);
          tasks.push([id, await currentTask(q, unit)]);
        }
        const changes: Change[] = [
          ...presented.map((incident, i): Change => ({
            topic: 'incident.changed',
            areaId: incident.areaId,
            tier: Math.min(2, Math.max(0, rows[i]!.tier)) as 0 | 1 | 2,
            data: incident,
          })),
          ...changed.map((unit): Change => ({
            topic: 'unit.changed',
            areaId: unit.areaId,
            tier: 0,
            data: unit,
          })),
        ];
        const items = await deps.eventLog.appendWithin(q, changes);
        for (const a of audits) {
          await deps.audit.record(
            {
              actorId: caller.actor.id,
              actorName: caller.actor.name,
              action: a.action,
              target: a.target,
              ip: caller.ip,
              detail: a.detail,
            },
            q,
          );
        }
        return { result, items, tasks };
      });
      deps.eventLog.publish(out.items);
      for (const [unitId, task] of out.tasks) deps.sendTask(unitId, task);
      return out.result;
    },
  };
}
export type WorkRunner = ReturnType<typeof createWorkRunner>;
