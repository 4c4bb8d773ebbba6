import { describe, expect, it } from 'vitest';
import type { Incident } from '@c2/api-client/schemas/incident';
import type { Unit } from '@c2/api-client/schemas/unit';
import { checkInOverdue, incidentsByPriority, responseClock, unitsByStatus } from './board-model';

const T = Date.parse('2026-04-12T08:00:00.000Z');
const iso = (s: number) => new Date(T + s * 1000).toISOString();
const unit = (id: string, status: Unit['status'], since: number, lastUpdate = since) =>
  ({ id, status, statusSince: iso(since), lastUpdateAt: iso(lastUpdate) }) as Unit;
const incident = (
  id: string,
  priority: Incident['priority'],
  detected: number,
  arrive: number | null,
  target: number | null,
) =>
  ({
    id,
    priority,
    state: 'dispatched',
    detectedAt: iso(detected),
    measures: { responseTargetSeconds: target, arriveSeconds: arrive },
  }) as unknown as Incident;

describe('dispatcher board', () => {
  it('when a unit is on scene longer than the check-in interval without an update, then it is overdue by the excess', () => {
    const now = T + 20 * 60_000;
    expect(checkInOverdue(unit('a', 'on_scene', 0), now, 15)).toBe(300);
    expect(checkInOverdue(unit('b', 'on_scene', 0, 10 * 60), now, 15)).toBeNull();
    expect(checkInOverdue(unit('c', 'en_route', 0), now, 15)).toBeNull();
  });

  it('when an accident waits for its first unit, then the clock counts down and goes negative past the target', () => {
    expect(responseClock(incident('i', 'P1', 0, null, 600), T + 420_000)).toEqual({
      kind: 'waiting',
      remaining: 180,
    });
    expect(responseClock(incident('i', 'P1', 0, null, 600), T + 660_000)).toEqual({
      kind: 'waiting',
      remaining: -60,
    });
    expect(responseClock(incident('i', 'P1', 0, 700, 600), T)).toEqual({ kind: 'arrived', breached: true });
    expect(responseClock(incident('i', 'P3', 0, null, null), T)).toEqual({ kind: 'none' });
  });

  it('when grouping, then units go to their status column and incidents to their priority, oldest first', () => {
    const cols = unitsByStatus([
      unit('late', 'available', 60),
      unit('early', 'available', 0),
      unit('x', 'on_scene', 5),
    ]);
    expect(cols.available.map((u) => u.id)).toEqual(['early', 'late']);
    expect(cols.on_scene.map((u) => u.id)).toEqual(['x']);
    const rows = incidentsByPriority([
      incident('b', 'P1', 30, null, 600),
      incident('a', 'P1', 0, null, 600),
      incident('c', 'P3', 0, null, null),
    ]);
    expect(rows.P1.map((i) => i.id)).toEqual(['a', 'b']);
    expect(rows.P3.map((i) => i.id)).toEqual(['c']);
  });
});
