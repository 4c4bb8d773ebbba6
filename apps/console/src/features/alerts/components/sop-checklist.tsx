import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SopStep, SopStepRecord, SopTemplate } from '@c2/api-client/schemas/alert';
import { Button } from '@c2/ui/components/button/button';
import { testIds } from '@c2/ui/test-ids';

/** The path the answers took (mirrors the BFF's walk: a question's answer may jump, `end` closes). */
export function walk(
  steps: readonly SopStep[],
  records: readonly SopStepRecord[],
): { path: Set<string>; next: string | null } {
  const latest = new Map(records.map((r) => [r.stepId, r]));
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const path = new Set<string>();
  let next: string | null = null;
  let i = 0;
  while (i < steps.length) {
    const s = steps[i]!;
    path.add(s.id);
    const rec = latest.get(s.id);
    if (!rec) {
      next ??= s.id;
      if (s.kind === 'question' || s.end) break;
      i++;
      continue;
    }
    if (s.end) break;
    const answer = s.kind === 'question' ? s.answers.find((a) => a.value === rec.answer) : undefined;
    i = answer?.next ? (index.get(answer.next) ?? i + 1) : i + 1;
  }
  return { path, next };
}

export interface SopChecklistProps {
  sop: SopTemplate;
  records: readonly SopStepRecord[];
  closed: boolean;
  busy: boolean;
  formatTime: (iso: string) => string;
  onRecord: (step: { stepId: string; outcome: 'done' | 'skipped'; answer?: string; note?: string }) => void;
}

/**
 * The procedure as a checklist: steps on the path in order, each done, skipped (with its reason) or waiting, who
 * recorded it and when; steps of branches not taken are dimmed. A step that needs a note has its field; skipping
 * a required step asks for the reason (the supervisor on duty is told).
 */
export function SopChecklist({ sop, records, closed, busy, formatTime, onRecord }: SopChecklistProps) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const latest = new Map(records.map((r) => [r.stepId, r]));
  const { path, next } = walk(sop.steps, records);
  return (
    <ol className="c2-sop" data-testid={testIds.alerts.sop} aria-label={sop.name}>
      {sop.steps.map((s, i) => {
        const rec = latest.get(s.id);
        const onPath = path.has(s.id);
        const state = rec ? rec.outcome : !onPath ? 'off-path' : s.id === next ? 'next' : 'pending';
        const note = notes[s.id]?.trim() ?? '';
        const needsNote = s.requireNote && !note;
        const open = onPath && !closed && (!rec || state === 'next');
        return (
          <li
            key={s.id}
            className={`c2-sop__step c2-sop__step--${state}`}
            data-testid={testIds.alerts.sopStep(s.id)}
            data-state={state}
          >
            <span className="c2-sop__mark" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'skipped' ? '↷' : state === 'off-path' ? '–' : i + 1}
            </span>
            <div className="c2-sop__body">
              <p className="c2-sop__title">
                {s.title}
                {s.required ? <span className="c2-sop__req">{t('alerts.sop.required')}</span> : null}
                {state === 'off-path' ? (
                  <span className="c2-sop__na">{t('alerts.sop.notApplicable')}</span>
                ) : null}
              </p>
              {s.instructions && state !== 'off-path' ? (
                <p className="c2-sop__text">{s.instructions}</p>
              ) : null}
              {rec ? (
                <p className="c2-sop__record" data-testid={testIds.alerts.sopRecord(s.id)}>
                  {t(`alerts.sop.${rec.outcome}By`, { who: rec.by, time: formatTime(rec.at) })}
                  {rec.answer
                    ? ` · ${s.answers.find((a) => a.value === rec.answer)?.label ?? rec.answer}`
                    : ''}
                  {rec.note ? ` · “${rec.note}”` : ''}
                </p>
              ) : null}
              {open && !rec ? (
                <div className="c2-sop__controls">
                  <input
                    className="c2-sop__note"
                    aria-label={t('alerts.sop.note')}
                    placeholder={s.requireNote ? t('alerts.sop.noteRequired') : t('alerts.sop.noteOptional')}
                    value={notes[s.id] ?? ''}
                    maxLength={2000}
                    onChange={(e) => setNotes((n) => ({ ...n, [s.id]: e.target.value }))}
                    data-testid={testIds.alerts.sopNote(s.id)}
                  />
                  {s.kind === 'question' ? (
                    s.answers.map((a) => (
                      <Button
                        key={a.value}
                        size="sm"
                        variant="primary"
                        disabled={busy || needsNote}
                        onClick={() =>
                          onRecord({
                            stepId: s.id,
                            outcome: 'done',
                            answer: a.value,
                            ...(note ? { note } : {}),
                          })
                        }
                        data-testid={testIds.alerts.sopAnswer(s.id, a.value)}
                      >
                        {a.label}
                      </Button>
                    ))
                  ) : (
                    <Button
                      size="sm"
                      variant="primary"
                      disabled={busy || needsNote}
                      onClick={() => onRecord({ stepId: s.id, outcome: 'done', ...(note ? { note } : {}) })}
                      data-testid={testIds.alerts.sopDone(s.id)}
                    >
                      {t('alerts.sop.done')}
                    </Button>
                  )}
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy || (s.required && !note)}
                    title={s.required ? t('alerts.sop.skipNeedsReason') : undefined}
                    onClick={() => onRecord({ stepId: s.id, outcome: 'skipped', ...(note ? { note } : {}) })}
                    data-testid={testIds.alerts.sopSkip(s.id)}
                  >
                    {t('alerts.sop.skip')}
                  </Button>
                </div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
