/**
 * What each signature is for: part of the signed bytes, so a signature cannot be moved from one kind of record to
 * another. The version changes if a record's signed shape ever does.
 */
export const PURPOSE = {
  event: 'c2.event/1',
  violation: 'c2.violation/1',
  review: 'c2.violation.review/1',
  decision: 'c2.violation.decision/1',
  manifest: 'c2.evidence.manifest/1',
} as const;
