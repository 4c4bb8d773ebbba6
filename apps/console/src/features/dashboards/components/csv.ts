/** One RFC 4180 field; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
function field(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table as CSV, UTF-8 with a BOM so spreadsheets read Vietnamese. Numbers stay raw (no grouping). */
export function toCsv(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const lines = [headers.map(field).join(','), ...rows.map((r) => r.map(field).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Saves a CSV through the browser's download. */
export function downloadCsv(name: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
