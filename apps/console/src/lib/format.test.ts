import { describe, expect, it } from 'vitest';
import { ApiError } from '@c2/api-client/http/api-error';
import { formatDistance, formatDuration, refusalKey } from './format';

describe('formatting for dispatch', () => {
  it('when a duration is shown, then it reads like a clock', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(245)).toBe('4:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-61)).toBe('-1:01');
  });

  it('when a distance is shown, then metres below a kilometre and tenths of km above', () => {
    expect(formatDistance(850.4, 'vi')).toBe('850 m');
    expect(formatDistance(3240, 'vi')).toBe('3,2 km');
    expect(formatDistance(3240, 'en')).toBe('3.2 km');
  });

  it('when a refusal carries a reason code, then its translation key is used', () => {
    expect(refusalKey(new ApiError(409, 'illegal_transition', 'x', { reason: 'unit_busy' }))).toBe(
      'cad.reason.unit_busy',
    );
    expect(refusalKey(new Error('boom'))).toBe('cad.reason.unknown');
  });
});
