import { describe, expect, it } from 'vitest';
import { foldPlate, normalizePlate, plateDistance, plateKeys } from './plate';

describe('plate normalization', () => {
  it('when separators, case or diacritics differ, then the normalized plates are equal', () => {
    for (const p of ['99A-123.45', '99a12345', '99A 123 45', ' 99-A-123-45 ', '99Ă-123.45', '99Â12345'])
      expect(normalizePlate(p)).toBe('99A12345');
    expect(normalizePlate('98H1-234.56')).toBe('98H123456');
    expect(normalizePlate('29LĐ-1234')).toBe('29LD1234');
  });

  it('when a plate reader confuses look-alike characters, then the folded plates are equal', () => {
    expect(foldPlate('99B-120.45')).toBe(foldPlate('99B-12O.45'));
    expect(foldPlate('98S1-234.56')).toBe(foldPlate('9851-234.56'));
    expect(foldPlate('99A-123.45')).not.toBe(foldPlate('99A-123.46'));
  });

  it('when plates differ by one edit, then they share an index key and their distance is 1', () => {
    const pairs: Array<[string, string]> = [
      ['99A12345', '99A12346'], // substitution
      ['99A12345', '99A1234'], // deletion
      ['99A1234', '99A12345'], // insertion
    ];
    for (const [a, b] of pairs) {
      const shared = plateKeys(a).filter((k) => plateKeys(b).includes(k));
      expect(shared.length, `${a} ~ ${b}`).toBeGreaterThan(0);
      expect(plateDistance(a, b)).toBe(1);
    }
    expect(plateDistance('99A12345', '30K99999', 2)).toBe(3);
  });
});
