import type { UnitStatus } from '@c2/api-client/schemas/unit';

/**
 * How a change is asked for: `status` is a status button (field view, terminal, or the dispatcher on the crew's
 * behalf by radio); `dispatch` sends a unit to an incident; `reassign` takes a working unit to another incident.
 */
export type TransitionVia = 'status' | 'dispatch' | 'reassign';

/** Why a change is refused, as a code the console translates. */
export type RefusalCode =
  | 'already_in_status'
  | 'assign_through_incident'
  | 'not_assigned'
  | 'not_on_scene'
  | 'already_on_scene'
  | 'clear_scene_first'
  | 'out_of_service'
  | 'unit_busy';

export interface Refusal {
  code: RefusalCode;
  message: string;
}

/**
 * The CAD status model: for each status, the statuses a status button may move a unit to. `assigned` is reached
 * only by dispatching (from `available`, or from `returning`, which is free for a new call), or by reassigning a
 * unit that has not reached its scene yet.
 *
 *   available ──dispatch──▶ assigned ──▶ en_route ──▶ on_scene ──▶ returning ──▶ available
 *        │                     │ └──────────────────────▲   │                      │
 *        ▼                     ▼ (release)              │   └──────▶ available     ▼
 *   out_of_service ◀──── assigned / en_route / returning            (cleared)   dispatch
 */
export const STATUS_TRANSITIONS: Readonly<Record<UnitStatus, readonly UnitStatus[]>> = {
  available: ['out_of_service'],
  assigned: ['en_route', 'on_scene', 'available', 'out_of_service'],
  en_route: ['on_scene', 'available', 'out_of_service'],
  on_scene: ['returning', 'available'],
  returning: ['available', 'out_of_service'],
  out_of_service: ['available'],
};

/** Statuses from which a unit may be dispatched to a new incident. */
export const DISPATCHABLE: readonly UnitStatus[] = ['available', 'returning'];
/** Statuses in which a unit works an incident. */
export const WORKING: readonly UnitStatus[] = ['assigned', 'en_route', 'on_scene'];

function refusal(code: RefusalCode, callSign: string, from: UnitStatus, to: UnitStatus): Refusal {
  const why: Record<RefusalCode, string> = {
    already_in_status: `it is already ${from}`,
    assign_through_incident: 'a unit is assigned by dispatching it to an incident',
    not_assigned: 'it is not assigned to an incident',
    not_on_scene: 'only a unit on scene can clear it and return',
    already_on_scene: 'it is already on scene',
    clear_scene_first: 'it must clear the scene first',
    out_of_service: 'it is out of service; return it to service first',
    unit_busy: 'it is working another incident; reassign it to take it from there',
  };
  return { code, message: `${callSign} cannot go from ${from} to ${to}: ${why[code]}` };
}

/** Checks one change; null when allowed, otherwise the reason. Pure: the whole table is unit-tested. */
export function checkTransition(
  callSign: string,
  from: UnitStatus,
  to: UnitStatus,
  via: TransitionVia,
): Refusal | null {
  const no = (code: RefusalCode) => refusal(code, callSign, from, to);
  if (via !== 'status') {
    if (to !== 'assigned') throw new Error(`checkTransition: ${via} always leads to assigned`);
    if (DISPATCHABLE.includes(from)) return null;
    if (from === 'out_of_service') return no('out_of_service');
    if (from === 'on_scene') return no('clear_scene_first');
    return via === 'reassign' ? null : no('unit_busy');
  }
  if (from === to) return no('already_in_status');
  if (STATUS_TRANSITIONS[from].includes(to)) return null;
  if (to === 'assigned') return no('assign_through_incident');
  if (from === 'out_of_service') return no('out_of_service');
  if (to === 'returning') return no('not_on_scene');
  if (from === 'on_scene') return to === 'en_route' ? no('already_on_scene') : no('clear_scene_first');
  return no('not_assigned');
}
