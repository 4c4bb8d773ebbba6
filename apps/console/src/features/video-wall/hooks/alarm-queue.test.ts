import { describe, expect, it } from 'vitest';
import type { Alert } from '@c2/api-client/schemas/alert';
import { alertFixture } from '../../../test/alert-fixture';
import { dismissAlarm, EMPTY_ALARMS, onAlerts } from './alarm-queue';

const NOW = Date.parse('2026-03-01T08:00:00Z');
let n = 0;
function alert(p: Partial<Alert> = {}): Alert {
  n++;
  return alertFixture({
    id: `al-${n}`,
    type: 'accident',
    title: 'Tai nạn trên QL18',
    cameraId: 'cam-0001',
    eventId: null,
    createdAt: new Date(NOW - 5000).toISOString(),
    ...p,
  });
}
const opts = { now: NOW, canSee: (id: string) => id !== 'cam-secret' };

describe('alarm queue', () => {
  it('when a new open alert with a camera arrives, then its camera takes the tile', () => {
    const a = alert({ cameraId: 'cam-0007', priority: 'P1' });
    const q = onAlerts(EMPTY_ALARMS, [a], opts);
    expect(q.current).toMatchObject({ alertId: a.id, cameraId: 'cam-0007', priority: 'P1', handled: false });
  });

  it('when the same alert changes again (count grows), then it is not opened twice', () => {
    const a = alert();
    const q1 = onAlerts(EMPTY_ALARMS, [a], opts);
    const q2 = onAlerts(dismissAlarm(q1), [{ ...a, count: 3 }], opts);
    expect(q2.current).toBeNull();
  });

  it('when a more urgent alert arrives, then it preempts and the other waits; a less urgent one waits in priority order', () => {
    const p3 = alert({ priority: 'P3', cameraId: 'cam-3' });
    const p1 = alert({ priority: 'P1', cameraId: 'cam-1' });
    const p4 = alert({ priority: 'P4', cameraId: 'cam-4' });
    const p2 = alert({ priority: 'P2', cameraId: 'cam-2' });
    const q = onAlerts(EMPTY_ALARMS, [p3, p1, p4, p2], opts);
    expect(q.current?.cameraId).toBe('cam-1');
    expect(q.waiting.map((w) => w.cameraId)).toEqual(['cam-2', 'cam-3', 'cam-4']);
    const next = dismissAlarm(q);
    expect(next.current?.cameraId).toBe('cam-2');
  });

  it('when an alert is handled elsewhere, then it leaves the queue, and the one showing is marked handled but stays', () => {
    const a = alert({ priority: 'P1' });
    const b = alert({ priority: 'P3', cameraId: 'cam-9' });
    let q = onAlerts(EMPTY_ALARMS, [a, b], opts);
    q = onAlerts(
      q,
      [
        { ...b, status: 'resolved' },
        { ...a, status: 'acknowledged' },
      ],
      opts,
    );
    expect(q.waiting).toEqual([]);
    expect(q.current).toMatchObject({ alertId: a.id, handled: true });
    // A new alert replaces a handled one at once.
    const c = alert({ priority: 'P4', cameraId: 'cam-new' });
    expect(onAlerts(q, [c], opts).current?.cameraId).toBe('cam-new');
  });

  it('when an alert has no camera, a camera the user cannot see, or is old (a replay), then the tile ignores it', () => {
    const q = onAlerts(
      EMPTY_ALARMS,
      [
        alert({ cameraId: null }),
        alert({ cameraId: 'cam-secret' }),
        alert({ createdAt: new Date(NOW - 3600_000).toISOString() }),
      ],
      opts,
    );
    expect(q.current).toBeNull();
    expect(q.waiting).toEqual([]);
  });

  it('when a quiet old alert gets a new event grouped into it, then it takes the tile; once shown, more events do not reopen it', () => {
    const long = new Date(NOW - 3600_000).toISOString();
    const old = alert({ cameraId: 'cam-0007', priority: 'P1', createdAt: long });
    let q = onAlerts(EMPTY_ALARMS, [{ ...old, escalationLevel: 1 }], opts);
    expect(q.current).toBeNull();
    const fresh = { ...old, count: 2, lastEventAt: new Date(NOW - 1000).toISOString() };
    q = onAlerts(q, [fresh], opts);
    expect(q.current).toMatchObject({ alertId: old.id, cameraId: 'cam-0007' });
    q = onAlerts(dismissAlarm(q), [{ ...fresh, count: 3 }], opts);
    expect(q.current).toBeNull();
  });

  it('when an alert nobody took was escalated, then it still opens in the tile; taken, it does not', () => {
    const escalated = alert({ cameraId: 'cam-0007', status: 'escalated', escalationLevel: 1 });
    const assigned = alert({ cameraId: 'cam-0008', status: 'assigned' });
    const q = onAlerts(EMPTY_ALARMS, [escalated, assigned], opts);
    expect(q.current).toMatchObject({ alertId: escalated.id, handled: false });
    expect(q.waiting).toEqual([]);
  });

  it('when alerts of one priority wait, then the latest event comes first, even if an older one arrived later', () => {
    const at = (ago: number) => new Date(NOW - ago).toISOString();
    const showing = alert({ priority: 'P1', cameraId: 'cam-1', createdAt: at(1000) });
    const fresh = alert({ priority: 'P1', cameraId: 'cam-fresh', createdAt: at(2000) });
    const escalatedLater = alert({
      priority: 'P1',
      cameraId: 'cam-old',
      status: 'escalated',
      createdAt: at(300_000),
    });
    let q = onAlerts(EMPTY_ALARMS, [showing], opts);
    q = onAlerts(q, [fresh], opts);
    q = onAlerts(q, [escalatedLater], opts);
    expect(q.waiting.map((w) => w.cameraId)).toEqual(['cam-fresh', 'cam-old']);
  });
});
