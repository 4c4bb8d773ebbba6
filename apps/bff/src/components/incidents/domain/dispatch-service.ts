import { randomUUID } from 'node:crypto';
import type {
  AssignmentEnd,
  FieldAssignment,
  Incident,
  TimelineEntry,
  UnitSuggestion,
} from '@c2/api-client/schemas/incident';
import type { Unit, UnitStatus } from '@c2/api-client/schemas/unit';
import type { Db } from '../../../platform/db';
import type { Logger } from '../../../platform/logger';
import type { Metrics } from '../../../platform/metrics';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors';
import type { Audience } from '../../live/domain/audience';
import { checkTransition, WORKING, type Refusal } from '../../units/domain/cad-status';
import {
  applyStatus,
  selectUnit,
  selectUnitIdOfUser,
  selectUnits,
  touchUnit,
} from '../../units/data/unit-store';
import type { Point, RoutingPort, TravelEstimate } from '../../../upstreams/units/routing-port';
import type { StatusReport, UnitTask } from '../../../upstreams/units/units-port';
import {
  insertAssignment,
  insertAttachment,
  insertTimeline,
  selectActiveAssignment,
  selectAssignments,
  selectAttachment,
  selectCurrentAssignment,
  selectIncidentRow,
  selectTimeline,
  toAssignment,
  updateAssignment,
  type AssignmentRow,
  type AssignmentUpdate,
} from '../data/incident-store';
import type { IncidentService } from './incident-service';
import { refused } from './incident-service';
import { currentTask, type Caller, type Work, type WorkRunner } from './incident-work';
import { sniffPhoto, type PhotoStore } from './photo-store';

/** An illegal CAD transition: 409 with the reason in words and as a code. */
function illegal(r: Refusal, from: UnitStatus, to: UnitStatus): AppError {
  return new AppError('illegal_transition', r.message, 409, { from, to, reason: r.code });
}

function noAssignment(unit: Unit): AppError {
  return new AppError('conflict', `${unit.callSign} has no assignment`, 409, { reason: 'no_assignment' });
}

interface StatusOptions {
  reason: string | null;
  /** A person of the crew did it in the field view: a simulated crew stops acting for this assignment. */
  byCrew: boolean;
  /** Why the assignment ends when the change takes the unit off it (default: released or completed). */
  endReason?: AssignmentEnd;
}

/**
 * Dispatch: ranks available units by ETA, assigns and reassigns them, moves them through the CAD status model
 * (from the dispatcher by radio, the field view, or the unit's terminal), and serves the field view of a unit's
 * own assignment. Every change settles the incident's state and times (see incident-work).
 */
export function createDispatchService(deps: {
  db: Db;
  work: WorkRunner;
  incidents: IncidentService;
  routing: RoutingPort;
  /** Freshest GPS position of a unit (memory first, then the database's). */
  positionOf: (unit: Unit) => Point | null;
  sendTask: (unitId: string, task: UnitTask) => void;
  photos: PhotoStore;
  logger: Logger;
  metrics: Metrics;
}) {
  const { db, work, incidents, logger } = deps;

  /** One CAD status change with everything it implies for the unit's assignment and incident. */
  async function changeStatus(w: Work, unit: Unit, to: UnitStatus, o: StatusOptions): Promise<void> {
    const no = checkTransition(unit.callSign, unit.status, to, 'status');
    if (no) throw illegal(no, unit.status, to);
    const assignment = await selectActiveAssignment(w.q, unit.id);
    if (assignment) {
      const set: AssignmentUpdate = o.byCrew ? { crew_acted: true } : {};
      const end = (reason: AssignmentEnd) =>
        Object.assign(set, { active: false, ended_at: w.at, end_reason: reason });
      if (to === 'en_route' || to === 'on_scene') {
        set[to === 'en_route' ? 'en_route_at' : 'on_scene_at'] = w.at;
        if (!assignment.accepted_at) set.accepted_at = w.at;
      } else if (to === 'returning' || (to === 'available' && unit.status === 'on_scene')) {
        set.cleared_at = w.at;
        // A unit that worked the scene completed its part, whatever ended the incident.
        end('completed');
      } else if (to === 'available') end(o.endReason ?? 'released');
      else if (to === 'out_of_service') end('unit_unavailable');
      await updateAssignment(w.q, assignment.id, set);
      w.timeline.push({
        incidentId: assignment.incident_id,
        ts: w.at,
        actor: w.caller.actor,
        kind: 'unit_status',
        data: {
          unitId: unit.id,
          callSign: unit.callSign,
          change: 'status',
          from: unit.status,
          to,
          etaSeconds: null,
          reason: o.reason,
        },
      });
      w.touchIncident(assignment.incident_id);
    }
    await applyStatus(w.q, {
      unitId: unit.id,
      from: unit.status,
      to,
      incidentId: assignment && WORKING.includes(to) ? assignment.incident_id : null,
      actorId: w.caller.actor.id,
      actorName: w.caller.actor.name,
      reason: o.reason,
      at: w.at,
    });
    w.touchUnit(unit.id);
  }

  async function lockUnit(w: Work, unitId: string, areas: string[] | null): Promise<Unit> {
    const unit = await selectUnit(w.q, unitId, areas, true);
    if (!unit) throw notFound(`Unit ${unitId}`);
    return unit;
  }

  /** Units still working an incident leave it: on scene they clear and return, otherwise they are released. */
  async function endAssignments(w: Work, incidentId: string): Promise<void> {
    for (const a of await selectAssignments(w.q, [incidentId])) {
      if (!a.active) continue;
      const unit = await lockUnit(w, a.unit_id, null);
      await changeStatus(w, unit, unit.status === 'on_scene' ? 'returning' : 'available', {
        reason: null,
        byCrew: false,
        endReason: 'incident_ended',
      });
    }
  }

  async function fieldUnitId(userId: string): Promise<string> {
    const unitId = await selectUnitIdOfUser(db, userId);
    if (!unitId) throw forbidden('This account is not linked to a field unit');
    return unitId;
  }

  /** The field unit's current assignment (active, or the last one on an incident not yet closed). */
  async function fieldView(unitId: string): Promise<FieldAssignment> {
    const stored = await selectUnit(db, unitId, null);
    if (!stored) throw notFound('Unit');
    // The stored position lags by up to a few seconds; the crew's distance to the scene wants the newest fix.
    const at = deps.positionOf(stored);
    const unit: Unit =
      at && stored.position
        ? { ...stored, position: { ...stored.position, lng: at[0], lat: at[1] } }
        : stored;
    const assignment = await selectCurrentAssignment(db, unitId);
    const row = assignment ? await selectIncidentRow(db, assignment.incident_id, null) : null;
    const notes = row ? await selectTimeline(db, row.id, ['note', 'attachment']) : [];
    return {
      unit,
      assignment: assignment ? toAssignment(assignment) : null,
      incident: row
        ? {
            id: row.id,
            code: row.code,
            type: row.type,
            priority: row.priority,
            state: row.state,
            title: row.title,
            description: row.description,
            location: { lng: row.lng, lat: row.lat },
            address: row.address,
            areaName: row.area_name,
            detectedAt: new Date(row.detected_at).toISOString(),
          }
        : null,
      notes: notes.reverse(),
    };
  }

  /** The assignment a field action applies to (notes and photos also go to a just-finished one). */
  async function fieldAssignment(w: Work, unit: Unit, activeOnly: boolean): Promise<AssignmentRow> {
    const a = activeOnly
      ? await selectActiveAssignment(w.q, unit.id)
      : await selectCurrentAssignment(w.q, unit.id);
    if (!a) throw noAssignment(unit);
    const row = await selectIncidentRow(w.q, a.incident_id, null, true);
    if (row) {
      const closed = refused('change', row);
      if (closed) throw closed;
    }
    return a;
  }

  return {
    endAssignments,

    /** Available units in the caller's jurisdiction, fastest first (road network where possible). */
    async suggestions(audience: Audience, incidentId: string, limit: number): Promise<UnitSuggestion[]> {
      const row = await incidents.visibleRow(incidentId, audience);
      const candidates = (await selectUnits(db, audience.areas))
        .filter((u) => u.status === 'available')
        .map((unit) => ({ unit, at: deps.positionOf(unit) }))
        .filter((c): c is { unit: Unit; at: Point } => c.at !== null);
      const estimates = await deps.routing.estimateTo(
        [row.lng, row.lat],
        candidates.map((c) => c.at),
      );
      return candidates
        .map((c, i) => {
          const e = estimates[i] as TravelEstimate;
          return {
            unit: c.unit,
            etaSeconds: Math.round(e.seconds),
            distanceMeters: Math.round(e.meters),
            method: e.method,
          };
        })
        .sort((a, b) => a.etaSeconds - b.etaSeconds)
        .slice(0, limit);
    },

    /**
     * Sends units. A unit working another incident moves only with `reassign` (its old incident records it);
     * every refusal names the unit and why, and nothing is assigned when one unit is refused.
     */
    async assign(
      caller: Caller,
      audience: Audience,
      incidentId: string,
      req: { unitIds: string[]; reassign: boolean },
    ): Promise<Incident> {
      const target = await incidents.visibleRow(incidentId, audience);
      const unitIds = [...new Set(req.unitIds)];
      const estimates = new Map<string, TravelEstimate>();
      const located: { id: string; at: Point }[] = [];
      for (const id of unitIds) {
        const unit = await selectUnit(db, id, audience.areas);
        if (!unit) throw notFound(`Unit ${id}`);
        const at = deps.positionOf(unit);
        if (at) located.push({ id, at });
      }
      const found = await deps.routing.estimateTo(
        [target.lng, target.lat],
        located.map((l) => l.at),
      );
      located.forEach((l, i) => estimates.set(l.id, found[i] as TravelEstimate));

      await work.run(caller, async (w) => {
        const row = await incidents.visibleRow(incidentId, audience, true, w.q);
        const no = refused('dispatch', row);
        if (no) throw no;
        for (const id of unitIds) {
          const unit = await lockUnit(w, id, audience.areas);
          const current = await selectActiveAssignment(w.q, id);
          if (current?.incident_id === incidentId) {
            throw new AppError('conflict', `${unit.callSign} is already assigned to ${row.code}`, 409, {
              reason: 'already_assigned',
            });
          }
          const refusal = checkTransition(
            unit.callSign,
            unit.status,
            'assigned',
            req.reassign ? 'reassign' : 'dispatch',
          );
          if (refusal) throw illegal(refusal, unit.status, 'assigned');
          if (current) {
            await updateAssignment(w.q, current.id, {
              active: false,
              ended_at: w.at,
              end_reason: 'reassigned',
            });
            w.timeline.push({
              incidentId: current.incident_id,
              ts: w.at,
              actor: caller.actor,
              kind: 'unit_status',
              data: {
                unitId: id,
                callSign: unit.callSign,
                change: 'reassigned',
                from: unit.status,
                to: 'assigned',
                etaSeconds: null,
                reason: row.code,
              },
            });
            w.touchIncident(current.incident_id);
          }
          const e = estimates.get(id);
          await insertAssignment(w.q, {
            id: randomUUID(),
            incidentId,
            unitId: id,
            callSign: unit.callSign,
            assignedAt: w.at,
            assignedBy: caller.actor.name,
            etaSeconds: e ? Math.round(e.seconds) : null,
            distanceMeters: e ? Math.round(e.meters) : null,
            etaMethod: e?.method ?? null,
          });
          await applyStatus(w.q, {
            unitId: id,
            from: unit.status,
            to: 'assigned',
            incidentId,
            actorId: caller.actor.id,
            actorName: caller.actor.name,
            reason: null,
            at: w.at,
          });
          w.timeline.push({
            incidentId,
            ts: w.at,
            actor: caller.actor,
            kind: 'unit_status',
            data: {
              unitId: id,
              callSign: unit.callSign,
              change: 'assigned',
              from: unit.status,
              to: 'assigned',
              etaSeconds: e ? Math.round(e.seconds) : null,
              reason: null,
            },
          });
          w.touchUnit(id);
        }
        w.touchIncident(incidentId);
        w.audit('incident.assign', incidentId, { units: unitIds, reassign: req.reassign });
      });
      return incidents.get(incidentId, audience);
    },

    /** Takes a unit off an incident: released if it had not arrived, cleared if it was on scene. */
    async release(caller: Caller, audience: Audience, incidentId: string, unitId: string): Promise<Incident> {
      await work.run(caller, async (w) => {
        await incidents.visibleRow(incidentId, audience, true, w.q);
        const unit = await lockUnit(w, unitId, audience.areas);
        const current = await selectActiveAssignment(w.q, unitId);
        if (current?.incident_id !== incidentId) throw notFound(`Assignment of ${unit.callSign}`);
        await changeStatus(w, unit, 'available', { reason: 'released by the dispatcher', byCrew: false });
        w.audit('incident.release', incidentId, { unit: unitId });
      });
      return incidents.get(incidentId, audience);
    },

    /** A status change for a unit in the caller's jurisdiction, on the crew's behalf (by radio). */
    async setStatus(
      caller: Caller,
      areas: string[] | null,
      unitId: string,
      to: UnitStatus,
      reason: string | null,
    ): Promise<Unit> {
      await work.run(caller, async (w) => {
        const unit = await lockUnit(w, unitId, areas);
        await changeStatus(w, unit, to, { reason, byCrew: false });
        w.audit('unit.status', unitId, { from: unit.status, to, reason });
      });
      const unit = await selectUnit(db, unitId, areas);
      if (!unit) throw notFound(`Unit ${unitId}`);
      return unit;
    },

    /** A status button pressed on a vehicle terminal or by a simulated crew; refused ones are logged and counted. */
    async onReport(report: StatusReport): Promise<void> {
      const unit = await selectUnit(db, report.unitId, null);
      if (!unit) return;
      try {
        await work.run({ actor: { id: null, name: unit.callSign }, ip: null }, async (w) => {
          const locked = await lockUnit(w, report.unitId, null);
          await changeStatus(w, locked, report.status, { reason: null, byCrew: false });
          w.audit('unit.status', report.unitId, {
            from: locked.status,
            to: report.status,
            source: report.source,
          });
        });
        deps.metrics.unitStatusReports.inc({ source: report.source, outcome: 'applied' });
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 409) throw err;
        deps.metrics.unitStatusReports.inc({ source: report.source, outcome: 'refused' });
        logger.info(
          { unit: unit.callSign, status: report.status, reason: err.message },
          'unit status report refused',
        );
      }
    },

    /** Tells every unit's terminal what it is doing (after a restart, the simulator resumes the drives). */
    async syncTasks(): Promise<void> {
      for (const unit of await selectUnits(db, null)) deps.sendTask(unit.id, await currentTask(db, unit));
    },

    field: {
      async view(userId: string): Promise<FieldAssignment> {
        return fieldView(await fieldUnitId(userId));
      },

      async accept(caller: Caller, userId: string): Promise<FieldAssignment> {
        const unitId = await fieldUnitId(userId);
        await work.run(caller, async (w) => {
          const unit = await lockUnit(w, unitId, null);
          const a = await fieldAssignment(w, unit, true);
          if (a.accepted_at) {
            throw new AppError('conflict', `${unit.callSign} already accepted this assignment`, 409, {
              reason: 'already_accepted',
            });
          }
          await updateAssignment(w.q, a.id, { accepted_at: w.at, crew_acted: true });
          await touchUnit(w.q, unitId, w.at);
          w.timeline.push({
            incidentId: a.incident_id,
            ts: w.at,
            actor: caller.actor,
            kind: 'unit_status',
            data: {
              unitId,
              callSign: unit.callSign,
              change: 'accepted',
              from: unit.status,
              to: unit.status,
              etaSeconds: null,
              reason: null,
            },
          });
          w.touchIncident(a.incident_id);
          w.touchUnit(unitId);
          w.audit('field.accept', a.incident_id, { unit: unitId });
        });
        return fieldView(unitId);
      },

      async status(
        caller: Caller,
        userId: string,
        to: UnitStatus,
        reason: string | null,
      ): Promise<FieldAssignment> {
        const unitId = await fieldUnitId(userId);
        await work.run(caller, async (w) => {
          const unit = await lockUnit(w, unitId, null);
          await changeStatus(w, unit, to, { reason, byCrew: true });
          w.audit('field.status', unitId, { from: unit.status, to, reason });
        });
        return fieldView(unitId);
      },

      /** "Still here, all in order": resets the board's check-in timer without changing status. */
      async checkIn(caller: Caller, userId: string): Promise<FieldAssignment> {
        const unitId = await fieldUnitId(userId);
        await work.run(caller, async (w) => {
          const unit = await lockUnit(w, unitId, null);
          await touchUnit(w.q, unitId, w.at);
          const a = await selectActiveAssignment(w.q, unitId);
          if (a) {
            w.timeline.push({
              incidentId: a.incident_id,
              ts: w.at,
              actor: caller.actor,
              kind: 'unit_status',
              data: {
                unitId,
                callSign: unit.callSign,
                change: 'check_in',
                from: unit.status,
                to: unit.status,
                etaSeconds: null,
                reason: null,
              },
            });
            w.touchIncident(a.incident_id);
          }
          w.touchUnit(unitId);
          w.audit('field.check_in', unitId, {});
        });
        return fieldView(unitId);
      },

      async note(caller: Caller, userId: string, text: string): Promise<TimelineEntry> {
        const unitId = await fieldUnitId(userId);
        return work.run(caller, async (w) => {
          const unit = await lockUnit(w, unitId, null);
          const a = await fieldAssignment(w, unit, false);
          await touchUnit(w.q, unitId, w.at);
          const [entry] = await insertTimeline(w.q, [
            {
              incidentId: a.incident_id,
              ts: w.at,
              actor: caller.actor,
              kind: 'note',
              data: { text, unitId },
            },
          ]);
          w.touchIncident(a.incident_id);
          w.touchUnit(unitId);
          w.audit('field.note', a.incident_id, { unit: unitId, length: text.length });
          return entry!;
        });
      },

      /** A photo from the scene: the bytes must be the image type declared; stored under a generated name. */
      async photo(caller: Caller, userId: string, declared: string, data: Buffer): Promise<TimelineEntry> {
        const unitId = await fieldUnitId(userId);
        const type = sniffPhoto(data);
        if (!type)
          throw badRequest('The file is not a JPEG, PNG or WebP image', {
            body: 'not a JPEG, PNG or WebP image',
          });
        if (type !== declared)
          throw badRequest(`The file is ${type}, not ${declared}`, {
            'content-type': `the bytes are ${type}`,
          });
        const unit = await selectUnit(db, unitId, null);
        const current = unit ? await selectCurrentAssignment(db, unitId) : null;
        if (!unit || !current) throw noAssignment(unit ?? ({ callSign: unitId } as Unit));
        const stored = await deps.photos.save(current.incident_id, type, data);
        try {
          return await work.run(caller, async (w) => {
            const locked = await lockUnit(w, unitId, null);
            const a = await fieldAssignment(w, locked, false);
            if (a.incident_id !== current.incident_id) throw noAssignment(locked);
            await insertAttachment(w.q, {
              id: stored.id,
              incident_id: a.incident_id,
              unit_id: unitId,
              content_type: stored.contentType,
              bytes: stored.bytes,
              sha256: stored.sha256,
              path: stored.path,
              uploadedBy: caller.actor,
            });
            await touchUnit(w.q, unitId, w.at);
            const [entry] = await insertTimeline(w.q, [
              {
                incidentId: a.incident_id,
                ts: w.at,
                actor: caller.actor,
                kind: 'attachment',
                data: {
                  attachmentId: stored.id,
                  contentType: stored.contentType,
                  bytes: stored.bytes,
                  sha256: stored.sha256,
                  unitId,
                },
              },
            ]);
            w.touchIncident(a.incident_id);
            w.touchUnit(unitId);
            w.audit('field.photo', a.incident_id, {
              unit: unitId,
              attachment: stored.id,
              sha256: stored.sha256,
            });
            return entry!;
          });
        } catch (err) {
          await deps.photos.remove(stored.path).catch(() => undefined);
          throw err;
        }
      },

      /** A photo of the unit's own (current) incident. */
      async attachment(userId: string, attachmentId: string) {
        const unitId = await fieldUnitId(userId);
        const current = await selectCurrentAssignment(db, unitId);
        const row = current ? await selectAttachment(db, current.incident_id, attachmentId) : null;
        if (!row) throw notFound('Attachment');
        return { contentType: row.content_type, data: await deps.photos.read(row.path) };
      },
    },

    /** A photo of an incident the caller may see. */
    async attachment(audience: Audience, incidentId: string, attachmentId: string) {
      await incidents.visibleRow(incidentId, audience);
      const row = await selectAttachment(db, incidentId, attachmentId);
      if (!row) throw notFound('Attachment');
      return { contentType: row.content_type, data: await deps.photos.read(row.path) };
    },
  };
}
export type DispatchService = ReturnType<typeof createDispatchService>;
