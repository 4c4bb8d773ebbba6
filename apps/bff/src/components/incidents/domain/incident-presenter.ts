import type { Incident } from '@c2/api-client/schemas/incident';
import type { Queryable } from '../../../platform/db';
import {
  selectAssignments,
  selectLinks,
  toAssignment,
  type AssignmentRow,
  type IncidentRow,
} from '../data/incident-store';
import { measuresOf } from './incident-state';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const date = (d: Date | null) => (d ? new Date(d) : null);

/** The contract's incident from its row, assignments and links; measures as of `now`. */
export function toIncident(
  r: IncidentRow,
  assignments: readonly AssignmentRow[],
  links: readonly { kind: 'event' | 'alert'; ref_id: string }[],
  now: Date,
): Incident {
  return {
    id: r.id,
    code: r.code,
    type: r.type,
    priority: r.priority,
    state: r.state,
    outcome: r.outcome,
    title: r.title,
    description: r.description,
    location: { lng: r.lng, lat: r.lat },
    address: r.address,
    areaId: r.area_id,
    areaName: r.area_name,
    cameraIds: r.camera_ids,
    linkedEventIds: links.filter((l) => l.kind === 'event').map((l) => l.ref_id),
    linkedAlertIds: links.filter((l) => l.kind === 'alert').map((l) => l.ref_id),
    createdBy: r.created_by_name === null ? null : { id: r.created_by_id, name: r.created_by_name },
    detectedAt: new Date(r.detected_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
    acknowledgedAt: iso(r.acknowledged_at),
    dispatchedAt: iso(r.dispatched_at),
    arrivedAt: iso(r.arrived_at),
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    updatedAt: new Date(r.updated_at).toISOString(),
    assignments: assignments.map(toAssignment),
    measures: measuresOf(
      {
        detectedAt: new Date(r.detected_at),
        acknowledgedAt: date(r.acknowledged_at),
        dispatchedAt: date(r.dispatched_at),
        arrivedAt: date(r.arrived_at),
        resolvedAt: date(r.resolved_at),
        closedAt: date(r.closed_at),
        responseTargetSeconds: r.response_target_seconds,
      },
      now,
    ),
  };
}

/** Presents several incidents with two more queries in all (assignments, links), whatever their number. */
export async function presentIncidents(
  q: Queryable,
  rows: readonly IncidentRow[],
  now: Date,
): Promise<Incident[]> {
  const ids = rows.map((r) => r.id);
  // One after the other: inside a transaction both run on one connection anyway.
  const assignments = await selectAssignments(q, ids);
  const links = await selectLinks(q, ids);
  return rows.map((r) =>
    toIncident(
      r,
      assignments.filter((a) => a.incident_id === r.id),
      links.filter((l) => l.incident_id === r.id),
      now,
    ),
  );
}
