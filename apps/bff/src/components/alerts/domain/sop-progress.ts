import type { SopStep, SopStepRecord } from '@c2/api-client/schemas/alert';

export interface SopPath {
  /** Step ids on the path the answers took, in order (up to the first unanswered question). */
  path: string[];
  /** The first step on the path with no record yet; null when the procedure is complete. */
  next: string | null;
  complete: boolean;
  total: number;
  done: number;
  skippedRequired: number;
  /** Required steps done / required steps on the path; null when the path has none. */
  compliance: number | null;
}

/** The latest record per step: a step done again (a correction) replaces its earlier record. */
export function latestRecords(records: readonly SopStepRecord[]): Map<string, SopStepRecord> {
  const m = new Map<string, SopStepRecord>();
  for (const r of records) m.set(r.stepId, r);
  return m;
}

/**
 * Walks a procedure along its answers: a question's answer may jump forward (a branch), an `end` step closes the
 * path, otherwise the next step follows. An unanswered question stops the walk: what comes after depends on it.
 */
export function sopPath(steps: readonly SopStep[], records: readonly SopStepRecord[]): SopPath {
  const latest = latestRecords(records);
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const path: string[] = [];
  let next: string | null = null;
  let complete = true;
  let i = 0;
  while (i < steps.length) {
    const step = steps[i]!;
    path.push(step.id);
    const rec = latest.get(step.id);
    if (!rec) {
      next ??= step.id;
      complete = false;
      if (step.kind === 'question') break;
      if (step.end) break;
      i++;
      continue;
    }
    if (step.end) break;
    const answer = step.kind === 'question' ? step.answers.find((a) => a.value === rec.answer) : undefined;
    i = answer?.next ? (index.get(answer.next) ?? i + 1) : i + 1;
  }
  let required = 0;
  let requiredDone = 0;
  let done = 0;
  let skippedRequired = 0;
  for (const id of path) {
    const step = steps[index.get(id)!]!;
    const rec = latest.get(id);
    if (rec?.outcome === 'done') done++;
    if (!step.required) continue;
    required++;
    if (rec?.outcome === 'done') requiredDone++;
    if (rec?.outcome === 'skipped') skippedRequired++;
  }
  return {
    path,
    next,
    complete,
    total: path.length,
    done,
    skippedRequired,
    compliance: required === 0 ? null : requiredDone / required,
  };
}

/** Why a step cannot be recorded as asked, or null when it can. */
export function checkStepAction(
  steps: readonly SopStep[],
  records: readonly SopStepRecord[],
  action: {
    stepId: string;
    outcome: 'done' | 'skipped';
    answer?: string | undefined;
    note?: string | undefined;
  },
): { field: string; message: string } | null {
  const step = steps.find((s) => s.id === action.stepId);
  if (!step) return { field: 'stepId', message: 'no such step in this procedure' };
  if (!sopPath(steps, records).path.includes(step.id))
    return { field: 'stepId', message: 'not on the path the answers so far took' };
  if (action.outcome === 'done') {
    if (step.kind === 'question' && !step.answers.some((a) => a.value === action.answer))
      return { field: 'answer', message: `one of ${step.answers.map((a) => a.value).join(', ')}` };
    if (step.requireNote && !action.note) return { field: 'note', message: 'this step requires a note' };
  } else if (step.required && !action.note) {
    return { field: 'note', message: 'skipping a required step needs a reason' };
  }
  return null;
}
