/**
 * Plate text as people and OCR write it varies: `99A-123.45`, `99a12345`, `99A 123 45`, even `99Ă-123.45` typed
 * with a Vietnamese keyboard. Search compares plates in two forms:
 *
 * - `normalizePlate`: uppercase letters and digits only, Vietnamese diacritics removed (Đ → D). Equal plates are
 *   equal strings here, whatever separators were used.
 * - `foldPlate`: the normalized form with the characters a plate reader confuses mapped to one representative
 *   (O/Q/D → 0, I/L/T → 1, Z → 2, S → 5, G → 6, B → 8), so a misread plate lands on the same key.
 */
export function normalizePlate(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
}

const CONFUSABLE: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  T: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

export function foldPlate(text: string): string {
  return [...normalizePlate(text)].map((c) => CONFUSABLE[c] ?? c).join('');
}

/** Edit distance (insert, delete, substitute), bounded: stops early and answers `max + 1` past `max`. */
export function plateDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return Math.min(prev[b.length]!, max + 1);
}

/**
 * The index keys of a folded plate for fuzzy search: the plate itself and every variant with one character
 * deleted. Two plates within one substitution, insertion or deletion of each other share at least one key
 * (the symmetric-delete scheme), so a fuzzy search is a handful of exact index lookups on any PostgreSQL.
 */
export function plateKeys(folded: string): string[] {
  const keys = new Set([folded]);
  for (let i = 0; i < folded.length; i++) keys.add(folded.slice(0, i) + folded.slice(i + 1));
  return [...keys];
}
