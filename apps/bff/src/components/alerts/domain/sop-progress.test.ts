import { describe, expect, it } from 'vitest';
import { sopStepSchema, type SopStepRecord } from '@c2/api-client/schemas/alert';
import { checkStepAction, sopPath } from './sop-progress';

const steps = [
  { id: 'verify', title: 'Verify on camera' },
  {
    id: 'injuries',
    title: 'Injuries?',
    kind: 'question',
    answers: [
      { value: 'yes', label: 'Yes', next: 'call-115' },
      { value: 'no', label: 'No', next: 'dispatch' },
    ],
  },
  { id: 'call-115', title: 'Call 115', requireNote: true },
  { id: 'dispatch', title: 'Dispatch a unit' },
  { id: 'photo', title: 'Photo', required: false },
].map((s) => sopStepSchema.parse(s));

const rec = (
  stepId: string,
  outcome: 'done' | 'skipped' = 'done',
  answer: string | null = null,
): SopStepRecord => ({
  stepId,
  outcome,
  answer,
  note: null,
  by: 'op',
  at: new Date().toISOString(),
});

describe('SOP progress', () => {
  it('when nothing is done, then the path stops at the first question and the next step is the first', () => {
    const p = sopPath(steps, []);
    expect(p.path).toEqual(['verify', 'injuries']);
    expect(p.next).toBe('verify');
    expect(p.compliance).toBe(0);
  });

  it('when the answer is no, then the injury branch is left out', () => {
    const p = sopPath(steps, [rec('verify'), rec('injuries', 'done', 'no')]);
    expect(p.path).toEqual(['verify', 'injuries', 'dispatch', 'photo']);
    expect(p.next).toBe('dispatch');
  });

  it('when the answer is yes, then the call-115 step is on the path, and compliance counts required steps only', () => {
    const records = [
      rec('verify'),
      rec('injuries', 'done', 'yes'),
      rec('call-115'),
      rec('dispatch', 'skipped'),
    ];
    const p = sopPath(steps, records);
    expect(p.path).toEqual(['verify', 'injuries', 'call-115', 'dispatch', 'photo']);
    expect(p.skippedRequired).toBe(1);
    expect(p.compliance).toBe(3 / 4);
    expect(p.complete).toBe(false);
    expect(sopPath(steps, [...records, rec('photo')]).complete).toBe(true);
  });

  it('when a step is off the path, lacks its answer or its note, then the action is refused naming the field', () => {
    expect(checkStepAction(steps, [], { stepId: 'dispatch', outcome: 'done' })?.field).toBe('stepId');
    expect(checkStepAction(steps, [], { stepId: 'injuries', outcome: 'done', answer: 'maybe' })?.field).toBe(
      'answer',
    );
    const yes = [rec('verify'), rec('injuries', 'done', 'yes')];
    expect(checkStepAction(steps, yes, { stepId: 'call-115', outcome: 'done' })?.field).toBe('note');
    expect(checkStepAction(steps, yes, { stepId: 'call-115', outcome: 'skipped' })?.field).toBe('note');
    expect(checkStepAction(steps, yes, { stepId: 'call-115', outcome: 'done', note: 'called' })).toBeNull();
  });
});
