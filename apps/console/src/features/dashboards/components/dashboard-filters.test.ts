import { describe, expect, it } from 'vitest';
import { filtersFromParams, tabFromParams, violationsHref, withFilters } from './dashboard-filters';
import { toCsv } from './csv';

describe('dashboard filters in the URL', () => {
  it('when a link carries filters, then they are read and malformed ones are dropped', () => {
    const q = filtersFromParams(
      new URLSearchParams(
        'from=2026-03-01&to=bad&road=ql1&type=speeding&granularity=minute&compare=previous',
      ),
    );
    expect(q).toEqual({ from: '2026-03-01', road: 'ql1', type: 'speeding', compare: 'previous' });
  });

  it('when filters change, then the tab and big-screen flags stay', () => {
    const next = withFilters(new URLSearchParams('tab=strategic&big=1&road=old'), { area: 'p-a' });
    expect(next.get('tab')).toBe('strategic');
    expect(next.get('big')).toBe('1');
    expect(next.get('road')).toBeNull();
    expect(next.get('area')).toBe('p-a');
  });

  it('when a tab is not allowed, then the first allowed one opens', () => {
    expect(tabFromParams(new URLSearchParams('tab=strategic'), ['operational'])).toBe('operational');
    expect(tabFromParams(new URLSearchParams('tab=strategic'), ['operational', 'strategic'])).toBe(
      'strategic',
    );
  });

  it('when a road bar is clicked, then the violations link carries the range, the other filters and the road', () => {
    const href = violationsHref(
      { type: 'speeding' },
      { from: '2026-03-01', to: '2026-03-07' },
      { road: 'ql18' },
    );
    const p = new URLSearchParams(href.split('?')[1]);
    expect(href.startsWith('/violations?')).toBe(true);
    expect(Object.fromEntries(p)).toEqual({
      status: 'all',
      from: '2026-03-01',
      to: '2026-03-07',
      road: 'ql18',
      type: 'speeding',
    });
  });
});

describe('CSV export', () => {
  it('when a cell holds a separator or starts like a formula, then it is quoted or defused', () => {
    expect(
      toCsv(
        ['Tuyến', 'Số'],
        [
          ['QL1, đoạn A', 12],
          ['=cmd()', null],
        ],
      ),
    ).toBe('\uFEFFTuyến,Số\r\n"QL1, đoạn A",12\r\n\'=cmd(),\r\n');
  });
});
