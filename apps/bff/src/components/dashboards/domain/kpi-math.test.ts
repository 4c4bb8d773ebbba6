import { describe, expect, it } from 'vitest';
import { kpiStatus } from '@c2/api-client/schemas/dashboard';
import {
  accidentChange,
  bucketStarts,
  localToday,
  percentileFromHistogram,
  previousPeriod,
  splitMonths,
} from './kpi-math';

describe('KPI math', () => {
  it('when it is 18:00 UTC, then the local day in Vietnam is already the next one', () => {
    expect(localToday(new Date('2026-03-01T18:00:00Z'))).toBe('2026-03-02');
    expect(localToday(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
  });

  it('when a period is 7 days, then the previous period is the 7 days before it', () => {
    expect(previousPeriod('2026-03-08', '2026-03-14')).toEqual({ from: '2026-03-01', to: '2026-03-07' });
  });

  it('when buckets are weekly, then they start on the Monday at local midnight', () => {
    // 2026-03-04 is a Wednesday; its week starts Monday 2026-03-02 00:00 +07 = 03-01 17:00 UTC.
    expect(bucketStarts('2026-03-04', '2026-03-10', 'week')).toEqual([
      '2026-03-01T17:00:00.000Z',
      '2026-03-08T17:00:00.000Z',
    ]);
    expect(bucketStarts('2026-03-04', '2026-03-04', 'hour')).toHaveLength(24);
  });

  it('when 90% of responses fall in the first 20 buckets, then p90 is the upper edge of bucket 19', () => {
    const hist = [
      { bucket: 5, n: 50 },
      { bucket: 19, n: 40 },
      { bucket: 40, n: 10 },
    ];
    expect(percentileFromHistogram(hist, 90)).toBe(600);
    expect(percentileFromHistogram(hist, 91)).toBe(1230);
    expect(percentileFromHistogram([], 90)).toBeNull();
  });

  it('when 30 accidents happen in 30 days against a baseline of 500 a year, then the change is -27%', () => {
    const r = accidentChange(30, 30, 500);
    expect(r.perYear).toBe(365);
    expect(r.changePct).toBe(-27);
  });

  it('when the range holds under a week of recording, then there is no accident figure rather than a 100% fall', () => {
    expect(accidentChange(0, 0, 500)).toEqual({ perYear: null, changePct: null });
    expect(accidentChange(0, 6, 500)).toEqual({ perYear: null, changePct: null });
    expect(accidentChange(0, 7, 500)).toEqual({ perYear: 0, changePct: -100 });
  });

  it('when a lower-is-better KPI is above its target, then it is bad', () => {
    expect(kpiStatus(700, 600, 'lower')).toBe('bad');
    expect(kpiStatus(600, 600, 'lower')).toBe('good');
    expect(kpiStatus(49.9, 50, 'higher')).toBe('bad');
    expect(kpiStatus(null, 50, 'higher')).toBe('unknown');
  });

  it('when a range spans months, then each is read whole (less the days outside) or by its days, whichever is fewer', () => {
    // December 2025 has 25 days in the range: the month less its first six; December 2026 only 6: by day.
    expect(splitMonths('2025-12-07', '2026-12-06')).toEqual({
      months: { from: '2025-12-01', to: '2026-11-30' },
      days: [
        { from: '2025-12-01', to: '2025-12-06', sign: -1 },
        { from: '2026-12-01', to: '2026-12-06', sign: 1 },
      ],
    });
    expect(splitMonths('2026-02-01', '2026-02-28')).toEqual({
      months: { from: '2026-02-01', to: '2026-02-28' },
      days: [],
    });
    expect(splitMonths('2026-03-05', '2026-03-15')).toEqual({
      months: null,
      days: [{ from: '2026-03-05', to: '2026-03-15', sign: 1 }],
    });
    // 16 of March's 31 days: the month less the 15 outside.
    expect(splitMonths('2026-03-05', '2026-03-20')).toEqual({
      months: { from: '2026-03-01', to: '2026-03-31' },
      days: [
        { from: '2026-03-01', to: '2026-03-04', sign: -1 },
        { from: '2026-03-21', to: '2026-03-31', sign: -1 },
      ],
    });
    // A default 30-day range over two months: November less its first week, then December's seven days.
    expect(splitMonths('2026-11-08', '2026-12-07')).toEqual({
      months: { from: '2026-11-01', to: '2026-11-30' },
      days: [
        { from: '2026-11-01', to: '2026-11-07', sign: -1 },
        { from: '2026-12-01', to: '2026-12-07', sign: 1 },
      ],
    });
  });
});
