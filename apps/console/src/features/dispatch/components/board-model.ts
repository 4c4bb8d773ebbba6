import type { Priority } from '@c2/api-client/schemas/alert';
import type { Incident } from '@c2/api-client/schemas/incident';
import type { Unit, UnitStatus } from '@c2/api-client/schemas/unit';

/** How late a unit on scene is with its check-in, in seconds (null: not on scene, or not late). */
export function checkInOverdue(unit: Unit, now: number, checkInMinutes: number): number | null {
  if (unit.status !== 'on_scene') return null;
  const late = (now - Date.parse(unit.lastUpdateAt)) / 1000 - checkInMinutes * 60;
  return late > 0 ? late : null;
}

/** Where an incident stands against its response target right now. */
export function responseClock(
  incident: Incident,
  now: number,
): { kind: 'none' } | { kind: 'waiting'; remaining: number } | { kind: 'arrived'; breached: boolean } {
  const target = incident.measures.responseTargetSeconds;
  if (target === null) return { kind: 'none' };
  if (incident.measures.arriveSeconds !== null)
    return { kind: 'arrived', breached: incident.measures.arriveSeconds > target };
  return { kind: 'waiting', remaining: target - (now - Date.parse(incident.detectedAt)) / 1000 };
}

/** Units per status, each column longest-in-status first (who has waited or worked longest is on top). */
export function unitsByStatus(units: readonly Unit[]): Record<UnitStatus, Unit[]> {
  const out: Record<UnitStatus, Unit[]> = {
    available: [],
    assigned: [],
    en_route: [],
    on_scene: [],
    returning: [],
    out_of_service: [],
  };
  for (const u of units) out[u.status].push(u);
  for (const list of Object.values(out))
    list.sort((a, b) => Date.parse(a.statusSince) - Date.parse(b.statusSince));
  return out;
}

/** Incidents per priority, oldest report first. */
export function incidentsByPriority(incidents: readonly Incident[]): Record<Priority, Incident[]> {
  const out: Record<Priority, Incident[]> = { P1: [], P2: [], P3: [], P4: [] };
  for (const i of incidents) if (i.state !== 'closed') out[i.priority].push(i);
  for (const list of Object.values(out))
    list.sort((a, b) => Date.parse(a.detectedAt) - Date.parse(b.detectedAt));
  return out;
}
