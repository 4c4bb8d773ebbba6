import { describe, expect, it } from 'vitest';
import { unitStatusSchema, type UnitStatus } from '@c2/api-client/schemas/unit';
import { checkTransition, STATUS_TRANSITIONS } from './cad-status';

const ALL = unitStatusSchema.options;

describe('CAD status model', () => {
  it('when a status button is pressed, then exactly the transitions of the table are allowed', () => {
    const allowed: string[] = [];
    for (const from of ALL)
      for (const to of ALL)
        if (checkTransition('CSGT-01', from, to, 'status') === null) allowed.push(`${from}>${to}`);
    expect(allowed.sort()).toEqual(
      [
        'available>out_of_service',
        'assigned>en_route',
        'assigned>on_scene',
        'assigned>available',
        'assigned>out_of_service',
        'en_route>on_scene',
        'en_route>available',
        'en_route>out_of_service',
        'on_scene>returning',
        'on_scene>available',
        'returning>available',
        'returning>out_of_service',
        'out_of_service>available',
      ].sort(),
    );
  });

  it('when a transition is refused, then the reason names the unit, both statuses and why', () => {
    const cases: [UnitStatus, UnitStatus, string][] = [
      ['available', 'on_scene', 'not_assigned'],
      ['available', 'assigned', 'assign_through_incident'],
      ['available', 'returning', 'not_on_scene'],
      ['on_scene', 'en_route', 'already_on_scene'],
      ['on_scene', 'out_of_service', 'clear_scene_first'],
      ['out_of_service', 'en_route', 'out_of_service'],
      ['en_route', 'en_route', 'already_in_status'],
    ];
    for (const [from, to, code] of cases) {
      const r = checkTransition('CSGT-07', from, to, 'status');
      expect(r?.code, `${from}>${to}`).toBe(code);
      expect(r?.message).toContain('CSGT-07');
      expect(r?.message).toContain(`from ${from} to ${to}`);
    }
  });

  it('when dispatching, then only available and returning units go; working ones need a reassign, never from the scene', () => {
    const dispatch = Object.fromEntries(
      ALL.map((s) => [s, checkTransition('X', s, 'assigned', 'dispatch')?.code ?? 'ok']),
    );
    expect(dispatch).toEqual({
      available: 'ok',
      assigned: 'unit_busy',
      en_route: 'unit_busy',
      on_scene: 'clear_scene_first',
      returning: 'ok',
      out_of_service: 'out_of_service',
    });
    const reassign = Object.fromEntries(
      ALL.map((s) => [s, checkTransition('X', s, 'assigned', 'reassign')?.code ?? 'ok']),
    );
    expect(reassign).toMatchObject({ assigned: 'ok', en_route: 'ok', on_scene: 'clear_scene_first' });
  });

  it('when reading the table, then no status lists itself and every status can get back to available', () => {
    for (const s of ALL) {
      expect(STATUS_TRANSITIONS[s]).not.toContain(s);
      if (s !== 'available') expect(STATUS_TRANSITIONS[s]).toContain('available');
    }
  });
});
