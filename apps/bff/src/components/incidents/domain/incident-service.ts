import { randomUUID } from 'node:crypto';
import type { Priority } from '@c2/api-client/schemas/alert';
import type { Camera } from '@c2/api-client/schemas/camera';
import type { LngLat } from '@c2/api-client/schemas/common';
import type { AnalyticsEvent, EventType } from '@c2/api-client/schemas/event';
import type {
  Incident,
  IncidentOutcome,
  NearbyCamera,
  TimelineEntry,
  createIncidentRequestSchema,
  linkRequestSchema,
} from '@c2/api-client/schemas/incident';
import { INCIDENT_TYPE_OF_EVENT } from '@c2/api-client/schemas/incident';
import type { Area } from '@c2/api-client/schemas/map';
import type { z } from 'zod';
import type { Db } from '../../../platform/db';
import { AppError, badRequest, notFound, unavailable } from '../../../platform/errors';
import type { Audience } from '../../live/domain/audience';
import {
  insertIncident,
  insertLinks,
  insertTimeline,
  nextIncidentNumber,
  selectCandidateEvents,
  selectEventsForIncident,
  selectIncidentRow,
  selectIncidentRows,
  selectLinkedRefs,
  selectTimeline,
  updateIncident,
  type IncidentRow,
  type NewTimelineEntry,
} from '../data/incident-store';
import { DEFAULT_PRIORITY, HANDLED_OUTCOMES, refuseAction, type IncidentAction } from './incident-state';
import { presentIncidents } from './incident-presenter';
import { metersBetween, nearestCameras } from './nearest-cameras';
import type { Caller, Work, WorkRunner } from './incident-work';

/** An alert as incidents need it; the alert engine provides the lookup (wired by the composition root). */
export interface AlertRef {
  id: string;
  title: string;
  type: EventType;
  priority: Priority;
  areaId: string;
  tier: 0 | 1 | 2;
  cameraId: string | null;
  eventId: string | null;
  createdAt: Date;
  /** When what raised it was first reported (its first event's time); the incident's clock starts there. */
  reportedAt: Date;
}

/** Finds alerts by id within what the caller may see; ids it does not return count as unknown. */
export interface AlertLookup {
  find(ids: readonly string[], audience: Audience): Promise<AlertRef[]>;
}

const CANDIDATE_TYPES = Object.keys(INCIDENT_TYPE_OF_EVENT).filter((t) => t !== 'object') as EventType[];
const CANDIDATE_WINDOW_MS = 6 * 3600_000;

const PRIORITY_ORDER: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
const higher = (a: Priority, b: Priority) => (PRIORITY_ORDER.indexOf(a) <= PRIORITY_ORDER.indexOf(b) ? a : b);

/** An action refused in the incident's current state: 409 with the reason. */
export function refused(action: IncidentAction | 'change', row: IncidentRow): AppError | null {
  const why =
    action === 'change'
      ? row.state === 'closed'
        ? 'the incident is closed'
        : null
      : refuseAction(action, row.state);
  if (!why) return null;
  const reason =
    row.state === 'closed'
      ? 'incident_closed'
      : row.state === 'resolved'
        ? 'incident_resolved'
        : 'incident_state';
  return new AppError('illegal_transition', `Incident ${row.code} cannot ${action}: ${why}`, 409, {
    state: row.state,
    reason,
  });
}

function codeOf(n: number, at: Date): string {
  // The date as the province reads it (UTC+7), so the code matches the day of the shift.
  const vn = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `SV-${vn}-${String(n).padStart(4, '0')}`;
}

/** The area whose centre is nearest: stands in for point-in-polygon where no boundaries are loaded. */
export function areaOfPoint(areas: readonly Area[], at: LngLat): Area | null {
  let best: Area | null = null;
  let bestM = Infinity;
  for (const a of areas) {
    const m = metersBetween({ lng: a.center[0], lat: a.center[1] }, at);
    if (m < bestM) {
      bestM = m;
      best = a;
    }
  }
  return best;
}

interface Sources {
  events: (AnalyticsEvent & { tier: number })[];
  alerts: AlertRef[];
  cameras: Camera[];
}

const tierOfCamera = (c: Camera) =>
  c.classification === 'secret' ? 2 : c.classification === 'restricted' ? 1 : 0;

/**
 * Incidents (sự vụ): created from events or alerts or by hand, acknowledged, resolved and closed with an outcome;
 * every change on the timeline, in the audit trail and in the live log.
 */
export function createIncidentService(deps: {
  db: Db;
  work: WorkRunner;
  cameras: {
    get(id: string, audience: Audience): Promise<Camera | null>;
    list(audience: Audience): Promise<Camera[]>;
  };
  areas: () => readonly Area[];
  alerts: AlertLookup | null;
  accidentResponseTargetSeconds: number;
  lateAfterMs: number;
  now: () => Date;
}) {
  const { db, work } = deps;

  async function visibleRow(id: string, audience: Audience, lock = false, q = db as Work['q']) {
    const row = await selectIncidentRow(q, id, audience, lock);
    if (!row) throw notFound('Incident');
    return row;
  }

  /**
   * Loads the events, alerts and camera a request names, within what the caller may see. Read before the
   * transaction (the camera service reads on its own connection); `unlinked` re-checks inside it.
   */
  async function gather(
    audience: Audience,
    req: { eventIds: string[]; alertIds: string[]; cameraId?: string | undefined },
  ): Promise<Sources> {
    const eventIds = [...new Set(req.eventIds)];
    const alertIds = [...new Set(req.alertIds)];
    const events = await selectEventsForIncident(db, eventIds, audience, deps.lateAfterMs);
    const missingEvent = eventIds.find((id) => !events.some((e) => e.id === id));
    if (missingEvent) throw notFound(`Event ${missingEvent}`);
    let alerts: AlertRef[] = [];
    if (alertIds.length > 0) {
      if (!deps.alerts) throw unavailable('Alerts are not connected to incidents in this deployment');
      alerts = await deps.alerts.find(alertIds, audience);
      const missingAlert = alertIds.find((id) => !alerts.some((a) => a.id === id));
      if (missingAlert) throw notFound(`Alert ${missingAlert}`);
    }
    const cameraIds = [
      ...new Set([
        ...events.map((e) => e.cameraId),
        ...alerts.flatMap((a) => (a.cameraId ? [a.cameraId] : [])),
        ...(req.cameraId ? [req.cameraId] : []),
      ]),
    ];
    const cameras: Camera[] = [];
    for (const id of cameraIds) {
      const camera = await deps.cameras.get(id, audience);
      if (camera) cameras.push(camera);
      else if (id === req.cameraId) throw notFound('Camera');
    }
    return { events, alerts, cameras };
  }

  /** None of the sources may already belong to an incident: 409 naming the one that has it. */
  async function unlinked(q: Work['q'], s: Sources): Promise<void> {
    for (const [kind, ids] of [
      ['event', s.events.map((e) => e.id)],
      ['alert', s.alerts.map((a) => a.id)],
    ] as const) {
      const taken = await selectLinkedRefs(q, kind, ids);
      const [ref, incident] = [...taken][0] ?? [];
      if (ref && incident) {
        const other = await selectIncidentRow(q, incident, null);
        const code = other?.code ?? incident;
        throw new AppError('conflict', `The ${kind} ${ref} already belongs to incident ${code}`, 409, {
          [kind === 'event' ? 'eventIds' : 'alertIds']: `already in ${code}`,
          incidentId: incident,
        });
      }
    }
  }

  /** Timeline entries for newly linked sources, at the time each happened. */
  function sourceEntries(incidentId: string, s: Sources): NewTimelineEntry[] {
    return [
      ...s.events.map((e): NewTimelineEntry => ({
        incidentId,
        ts: new Date(e.ts),
        actor: null,
        kind: 'event',
        data: { eventId: e.id, type: e.type, severity: e.severity, cameraId: e.cameraId, at: e.ts },
      })),
      ...s.alerts.map((a): NewTimelineEntry => ({
        incidentId,
        ts: a.createdAt,
        actor: null,
        kind: 'alert',
        data: { alertId: a.id, title: a.title, priority: a.priority },
      })),
    ];
  }

  const earliest = (s: Sources, fallback: Date): Date =>
    new Date(
      Math.min(
        fallback.getTime(),
        ...s.events.map((e) => Date.parse(e.ts)),
        ...s.alerts.map((a) => a.reportedAt.getTime()),
      ),
    );

  async function present(q: Work['q'], row: IncidentRow): Promise<Incident> {
    const [incident] = await presentIncidents(q, [row], deps.now());
    return incident!;
  }

  async function get(id: string, audience: Audience): Promise<Incident> {
    return present(db, await visibleRow(id, audience));
  }

  return {
    get,

    async list(audience: Audience, scope: 'open' | 'closed' | 'all', limit: number): Promise<Incident[]> {
      return presentIncidents(db, await selectIncidentRows(db, audience, scope, limit), deps.now());
    },

    async timeline(id: string, audience: Audience): Promise<TimelineEntry[]> {
      await visibleRow(id, audience);
      return selectTimeline(db, id);
    },

    /** Recent events of kinds that call for an incident, not yet taken by one. */
    candidates(audience: Audience): Promise<AnalyticsEvent[]> {
      const since = new Date(deps.now().getTime() - CANDIDATE_WINDOW_MS);
      return selectCandidateEvents(db, audience, CANDIDATE_TYPES, since, 50, deps.lateAfterMs);
    },

    async nearestCameras(id: string, audience: Audience, limit: number): Promise<NearbyCamera[]> {
      const row = await visibleRow(id, audience);
      return nearestCameras(await deps.cameras.list(audience), { lng: row.lng, lat: row.lat }, limit);
    },

    /**
     * Opens an incident. A person creating it has acknowledged it; one opened by the system (the alert engine,
     * `caller.actor.id` null) waits for a dispatcher to acknowledge.
     */
    async create(
      caller: Caller,
      audience: Audience,
      req: z.output<typeof createIncidentRequestSchema>,
    ): Promise<Incident> {
      const s = await gather(audience, req);
      return work
        .run(caller, async (w) => {
          await unlinked(w.q, s);
          const camera = s.cameras.find((c) => c.id === req.cameraId) ?? s.cameras[0] ?? null;
          const at: LngLat | null = req.location ?? camera?.location ?? null;
          if (!at)
            throw badRequest('The incident has no location', { location: 'give a location or a camera' });
          let areaId = s.events[0]?.areaId ?? s.alerts[0]?.areaId ?? camera?.areaId;
          if (req.location || !areaId) areaId = areaOfPoint(deps.areas(), at)?.id ?? areaId;
          if (!areaId)
            throw badRequest('The location is in no known area', { location: 'outside the province' });
          if (audience.areas && !audience.areas.includes(areaId))
            throw badRequest('The location is outside your jurisdiction', {
              location: 'outside your jurisdiction',
            });
          const areaName = deps.areas().find((a) => a.id === areaId)?.name ?? camera?.areaName ?? areaId;
          const tier = Math.max(
            0,
            ...s.events.map((e) => e.tier),
            ...s.alerts.map((a) => a.tier),
            ...s.cameras.map(tierOfCamera),
          );
          const address = camera && !req.location ? camera.name : null;
          const byPerson = caller.actor.id !== null;
          const id = randomUUID();
          const priority =
            req.priority ??
            s.alerts.reduce<Priority>((p, a) => higher(p, a.priority), DEFAULT_PRIORITY[req.type]);
          const code = codeOf(await nextIncidentNumber(w.q), w.at);
          await insertIncident(w.q, {
            id,
            code,
            type: req.type,
            priority,
            state: byPerson ? 'acknowledged' : 'open',
            title: req.title ?? address ?? areaName,
            description: req.description,
            lng: at.lng,
            lat: at.lat,
            address,
            areaId,
            areaName,
            tier,
            cameraIds: s.cameras.map((c) => c.id),
            createdBy: caller.actor,
            detectedAt: earliest(s, w.at),
            createdAt: w.at,
            acknowledgedAt: byPerson ? w.at : null,
            responseTargetSeconds: req.type === 'accident' ? deps.accidentResponseTargetSeconds : null,
          });
          await insertLinks(
            w.q,
            id,
            'event',
            s.events.map((e) => e.id),
          );
          await insertLinks(
            w.q,
            id,
            'alert',
            s.alerts.map((a) => a.id),
          );
          w.timeline.push(...sourceEntries(id, s), {
            incidentId: id,
            ts: w.at,
            actor: caller.actor,
            kind: 'state',
            data: { from: null, to: byPerson ? 'acknowledged' : 'open', outcome: null, note: null },
          });
          w.touchIncident(id);
          w.audit('incident.create', id, {
            code,
            type: req.type,
            events: req.eventIds,
            alerts: req.alertIds,
          });
          return id;
        })
        .then((id) => get(id, audience));
    },

    /** Links more events or alerts; the first report moves earlier if one of them happened before. */
    async link(
      caller: Caller,
      audience: Audience,
      id: string,
      req: z.output<typeof linkRequestSchema>,
    ): Promise<Incident> {
      const s = await gather(audience, { eventIds: req.eventIds, alertIds: req.alertIds });
      return work
        .run(caller, async (w) => {
          const row = await visibleRow(id, audience, true, w.q);
          const no = refused('change', row);
          if (no) throw no;
          await unlinked(w.q, s);
          await insertLinks(
            w.q,
            id,
            'event',
            s.events.map((e) => e.id),
          );
          await insertLinks(
            w.q,
            id,
            'alert',
            s.alerts.map((a) => a.id),
          );
          await updateIncident(
            w.q,
            id,
            {
              camera_ids: [...new Set([...row.camera_ids, ...s.cameras.map((c) => c.id)])],
              tier: Math.max(
                row.tier,
                ...s.events.map((e) => e.tier),
                ...s.alerts.map((a) => a.tier),
                ...s.cameras.map(tierOfCamera),
              ),
              detected_at: earliest(s, new Date(row.detected_at)),
            },
            w.at,
          );
          w.timeline.push(...sourceEntries(id, s));
          w.touchIncident(id);
          w.audit('incident.link', id, { events: req.eventIds, alerts: req.alertIds });
        })
        .then(() => get(id, audience));
    },

    acknowledge(caller: Caller, audience: Audience, id: string): Promise<Incident> {
      return work
        .run(caller, async (w) => {
          const row = await visibleRow(id, audience, true, w.q);
          const no = refused('acknowledge', row);
          if (no) throw no;
          await updateIncident(w.q, id, { state: 'acknowledged', acknowledged_at: w.at }, w.at);
          w.timeline.push({
            incidentId: id,
            ts: w.at,
            actor: caller.actor,
            kind: 'state',
            data: { from: row.state, to: 'acknowledged', outcome: null, note: null },
          });
          w.touchIncident(id);
          w.audit('incident.acknowledge', id, {});
        })
        .then(() => get(id, audience));
    },

    /** A note by the dispatcher on the timeline. */
    note(caller: Caller, audience: Audience, id: string, text: string): Promise<TimelineEntry> {
      return work.run(caller, async (w) => {
        const row = await visibleRow(id, audience, true, w.q);
        const no = refused('change', row);
        if (no) throw no;
        const [entry] = await insertTimeline(w.q, [
          { incidentId: id, ts: w.at, actor: caller.actor, kind: 'note', data: { text, unitId: null } },
        ]);
        w.touchIncident(id);
        w.audit('incident.note', id, { length: text.length });
        return entry!;
      });
    },

    /** Resolves or closes: units still on their way are released, units on scene clear and return. */
    end(
      caller: Caller,
      audience: Audience,
      id: string,
      to: 'resolved' | 'closed',
      outcome: IncidentOutcome | null,
      note: string | null,
      endAssignments: (w: Work, incidentId: string) => Promise<void>,
    ): Promise<Incident> {
      return work
        .run(caller, async (w) => {
          const row = await visibleRow(id, audience, true, w.q);
          const no = refused(to === 'resolved' ? 'resolve' : 'close', row);
          if (no) throw no;
          await endAssignments(w, id);
          const resolves = to === 'resolved' || (outcome !== null && HANDLED_OUTCOMES.includes(outcome));
          await updateIncident(
            w.q,
            id,
            {
              state: to,
              ...(outcome ? { outcome, closed_at: w.at } : {}),
              ...(resolves && !row.resolved_at ? { resolved_at: w.at } : {}),
              ...(!row.acknowledged_at ? { acknowledged_at: w.at } : {}),
            },
            w.at,
          );
          w.timeline.push({
            incidentId: id,
            ts: w.at,
            actor: caller.actor,
            kind: 'state',
            data: { from: row.state, to, outcome, note },
          });
          w.touchIncident(id);
          w.audit(`incident.${to === 'resolved' ? 'resolve' : 'close'}`, id, { outcome, note });
        })
        .then(() => get(id, audience));
    },

    visibleRow,
  };
}
export type IncidentService = ReturnType<typeof createIncidentService>;
