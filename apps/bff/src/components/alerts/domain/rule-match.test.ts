import { describe, expect, it } from 'vitest';
import { inWindow, pickRule, suppressionFor, vietnamMinuteOfDay } from './rule-match';

const base = {
  enabled: true,
  eventTypes: ['wrong_way' as const, 'accident' as const],
  minSeverity: 'major' as const,
  areaIds: null,
  cameraIds: null,
  activeFrom: null,
  activeTo: null,
  priority: 'P2' as const,
};
// 08:30 in Vietnam.
const event = {
  type: 'wrong_way' as const,
  severity: 'critical' as const,
  areaId: 'w1',
  cameraId: 'cam-1',
  ts: '2026-05-01T01:30:00Z',
};

describe('rule matching', () => {
  it('reads windows in Vietnam time and wraps past midnight', () => {
    expect(vietnamMinuteOfDay(Date.parse(event.ts))).toBe(8 * 60 + 30);
    expect(inWindow(23 * 60, 22 * 60, 6 * 60)).toBe(true);
    expect(inWindow(5 * 60, 22 * 60, 6 * 60)).toBe(true);
    expect(inWindow(12 * 60, 22 * 60, 6 * 60)).toBe(false);
  });

  it('when several rules match, then the most urgent wins, then the most specific', () => {
    const rules = [
      { ...base, id: 'all' },
      { ...base, id: 'cam', cameraIds: ['cam-1'] },
      { ...base, id: 'p1-area', priority: 'P1' as const, areaIds: ['w1'] },
      { ...base, id: 'night', priority: 'P1' as const, activeFrom: 22 * 60, activeTo: 6 * 60 },
      { ...base, id: 'off', priority: 'P1' as const, enabled: false },
    ];
    expect(pickRule(rules, event)?.id).toBe('p1-area');
    expect(pickRule(rules.slice(0, 2), event)?.id).toBe('cam');
    expect(pickRule(rules, { ...event, severity: 'minor' })).toBeNull();
    expect(pickRule(rules, { ...event, type: 'speeding' })).toBeNull();
  });

  it('when a maintenance window covers the camera at the event time, then it suppresses', () => {
    const w = {
      cameraIds: ['cam-1'],
      areaIds: null,
      eventTypes: null,
      startsAt: '2026-05-01T01:00:00Z',
      endsAt: '2026-05-01T02:00:00Z',
    };
    expect(suppressionFor([w], event)).toBe(w);
    expect(suppressionFor([w], { ...event, cameraId: 'cam-2' })).toBeNull();
    expect(suppressionFor([w], { ...event, ts: '2026-05-01T02:00:00Z' })).toBeNull();
  });
});
