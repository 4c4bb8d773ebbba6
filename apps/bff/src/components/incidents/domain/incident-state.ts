import type {
  IncidentMeasures,
  IncidentOutcome,
  IncidentState,
  IncidentType,
} from '@c2/api-client/schemas/incident';
import type { Priority } from '@c2/api-client/schemas/alert';

/** What a dispatcher may do to an incident in each state (changes through units are derived, see `derive`). */
export const ACTIONS: Readonly<
  Record<'acknowledge' | 'dispatch' | 'resolve' | 'close', readonly IncidentState[]>
> = {
  acknowledge: ['open'],
  dispatch: ['open', 'acknowledged', 'dispatched', 'on_scene'],
  resolve: ['open', 'acknowledged', 'dispatched', 'on_scene'],
  close: ['open', 'acknowledged', 'dispatched', 'on_scene', 'resolved'],
};
export type IncidentAction = keyof typeof ACTIONS;

/** Why an action is refused in a state, for the 409 answer. */
export function refuseAction(action: IncidentAction, state: IncidentState): string | null {
  if (ACTIONS[action].includes(state)) return null;
  if (state === 'closed') return 'the incident is closed';
  if (state === 'resolved') return 'the incident is resolved; close it with an outcome';
  return action === 'acknowledge' ? 'the incident is already acknowledged' : `not allowed while ${state}`;
}

/** The part of an assignment that decides the incident's state. */
export interface AssignmentFacts {
  active: boolean;
  onSceneAt: Date | null;
  endReason: string | null;
}

/**
 * The state an active incident is in, given its assignments: on scene while a working unit is there, dispatched
 * while one is on its way, resolved once the last unit cleared the scene, acknowledged when every unit was taken
 * off before arriving. Resolved and closed incidents stay where they are.
 */
export function derive(current: IncidentState, assignments: readonly AssignmentFacts[]): IncidentState {
  if (current === 'resolved' || current === 'closed') return current;
  const active = assignments.filter((a) => a.active);
  if (active.some((a) => a.onSceneAt !== null)) return 'on_scene';
  if (active.length > 0) return 'dispatched';
  if (assignments.some((a) => a.endReason === 'completed')) return 'resolved';
  if (assignments.length > 0) return 'acknowledged';
  return current;
}

/** Outcomes that mean the incident was dealt with (so it counts as resolved when closed). */
export const HANDLED_OUTCOMES: readonly IncidentOutcome[] = ['handled', 'transferred'];

/** Default priority by type (mức độ ưu tiên): accidents and fires first. */
export const DEFAULT_PRIORITY: Readonly<Record<IncidentType, Priority>> = {
  accident: 'P1',
  fire: 'P1',
  violation_pursuit: 'P2',
  public_order: 'P2',
  road_hazard: 'P2',
  congestion: 'P3',
  other: 'P3',
};

export interface IncidentTimes {
  detectedAt: Date;
  acknowledgedAt: Date | null;
  dispatchedAt: Date | null;
  arrivedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  responseTargetSeconds: number | null;
}

const since = (from: Date, to: Date | null) => (to ? (to.getTime() - from.getTime()) / 1000 : null);

/** Durations from the first report, and the response-target flag; the `incident_measures` view says the same. */
export function measuresOf(t: IncidentTimes, now: Date): IncidentMeasures {
  const arrive = since(t.detectedAt, t.arrivedAt);
  let breached: boolean | null = null;
  if (t.responseTargetSeconds !== null) {
    if (arrive !== null) breached = arrive > t.responseTargetSeconds;
    else if (t.closedAt === null)
      breached = (now.getTime() - t.detectedAt.getTime()) / 1000 > t.responseTargetSeconds;
  }
  return {
    acknowledgeSeconds: since(t.detectedAt, t.acknowledgedAt),
    dispatchSeconds: since(t.detectedAt, t.dispatchedAt),
    arriveSeconds: arrive,
    resolveSeconds: since(t.detectedAt, t.resolvedAt),
    responseTargetSeconds: t.responseTargetSeconds,
    responseBreached: breached,
  };
}
