import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { sopStepSchema, type SopStepRecord } from '@c2/api-client/schemas/alert';
import { testIds } from '@c2/ui/test-ids';
import viBundle from '../i18n/vi.json';
import { SopChecklist, walk } from './sop-checklist';

// The feature's own Vietnamese bundle (a feature does not reach into the app's i18n setup).
const i18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .init({ resources: { vi: { translation: viBundle } }, lng: 'vi', interpolation: { escapeValue: false } });

const steps = [
  { id: 'verify', title: 'Verify' },
  {
    id: 'injuries',
    title: 'Injuries?',
    kind: 'question',
    answers: [
      { value: 'yes', label: 'Yes', next: 'call-115' },
      { value: 'no', label: 'No', next: 'report' },
    ],
  },
  { id: 'call-115', title: 'Call 115', requireNote: true },
  { id: 'report', title: 'Report', end: true },
].map((s) => sopStepSchema.parse(s));
const rec = (stepId: string, answer: string | null = null): SopStepRecord => ({
  stepId,
  outcome: 'done',
  answer,
  note: null,
  by: 'Nguyễn Văn An',
  at: '2026-05-01T01:00:00.000Z',
});

describe('SOP checklist', () => {
  it('when the answer skips a branch, then its step is off the path and the next one is the branch target', () => {
    expect(walk(steps, [rec('verify'), rec('injuries', 'no')])).toEqual({
      path: new Set(['verify', 'injuries', 'report']),
      next: 'report',
    });
  });

  it('when a step needs a note, then Done waits for it; a recorded step shows who did it', () => {
    const onRecord = vi.fn();
    render(
      <I18nextProvider i18n={i18n}>
        <SopChecklist
          sop={{ id: 's', name: 'S', description: '', steps, updatedAt: '2026-05-01T01:00:00.000Z' }}
          records={[rec('verify'), rec('injuries', 'yes')]}
          closed={false}
          busy={false}
          formatTime={() => '08:00'}
          onRecord={onRecord}
        />
      </I18nextProvider>,
    );
    expect(screen.getByTestId(testIds.alerts.sopStep('verify')).dataset.state).toBe('done');
    expect(screen.getByTestId(testIds.alerts.sopRecord('verify')).textContent).toBe(
      'Hoàn thành bởi Nguyễn Văn An lúc 08:00',
    );
    const done = screen.getByTestId(testIds.alerts.sopDone('call-115')) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    fireEvent.change(screen.getByTestId(testIds.alerts.sopNote('call-115')), {
      target: { value: 'Đã gọi 115' },
    });
    fireEvent.click(done);
    expect(onRecord).toHaveBeenCalledWith({ stepId: 'call-115', outcome: 'done', note: 'Đã gọi 115' });
  });
});
