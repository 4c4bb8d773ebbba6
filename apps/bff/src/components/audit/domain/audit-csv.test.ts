import { describe, expect, it } from 'vitest';
import { csvCell } from './audit-csv';

describe('CSV cells', () => {
  it('when a value starts like a formula, then it is neutralised; quotes and commas are quoted', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Phường Kinh Bắc, Bắc Ninh')).toBe('"Phường Kinh Bắc, Bắc Ninh"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
});
