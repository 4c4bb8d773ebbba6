import type { AuditEntry } from '@c2/api-client/schemas/audit';

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would read as a formula (= + - @, tab, CR) is prefixed with an
 * apostrophe: an exported audit trail must not run anything when an auditor opens it in Excel.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const AUDIT_CSV_HEADER = [
  'id',
  'time',
  'actor',
  'actor_id',
  'action',
  'target',
  'ip',
  'detail',
  'hash',
];

export function auditCsvRow(e: AuditEntry): string {
  return [e.id, e.ts, e.actorName, e.actorId, e.action, e.target, e.ip, JSON.stringify(e.detail), e.hash]
    .map(csvCell)
    .join(',');
}
