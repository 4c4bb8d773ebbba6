import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '@c2/api-client/query-keys';
import type { SopStep, SopTemplate } from '@c2/api-client/schemas/alert';
import { Button } from '@c2/ui/components/button/button';
import { Panel } from '@c2/ui/components/panel/panel';
import { testIds } from '@c2/ui/test-ids';
import { api } from '../../../../lib/api';
import { useAdminMutation, useSops } from '../../api/alert-admin-queries';
import { Field, FormError, fid } from './admin-form';

interface Draft {
  name: string;
  description: string;
  steps: SopStep[];
}
const newStep = (n: number): SopStep => ({
  id: `step-${n}`,
  title: '',
  instructions: '',
  required: true,
  kind: 'check',
  answers: [],
  requireNote: false,
  end: false,
});
const draftOf = (s: SopTemplate | null): Draft => ({
  name: s?.name ?? '',
  description: s?.description ?? '',
  steps: s?.steps ?? [newStep(1)],
});

/** Procedures: ordered steps with instructions, required or optional, question steps branching on the answer. */
export function SopEditor() {
  const { t } = useTranslation();
  const sops = useSops();
  const [selected, setSelected] = useState<string | null>(null);
  const sop = sops.data?.find((s) => s.id === selected) ?? null;
  const [draft, setDraft] = useState<Draft>(draftOf(null));
  const keys = [queryKeys.alertAdmin.sops()];
  const save = useAdminMutation((d: Draft) => api.alertAdmin.saveSop(sop?.id ?? null, d), keys);
  const remove = useAdminMutation((id: string) => api.alertAdmin.deleteSop(id), keys);
  const pick = (id: string) => {
    setSelected(id);
    setDraft(draftOf(sops.data?.find((s) => s.id === id) ?? null));
    save.reset();
  };
  const setStep = (i: number, patch: Partial<SopStep>) =>
    setDraft((d) => ({ ...d, steps: d.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const move = (i: number, by: number) =>
    setDraft((d) => {
      const steps = [...d.steps];
      const [s] = steps.splice(i, 1);
      steps.splice(Math.max(0, Math.min(steps.length, i + by)), 0, s!);
      return { ...d, steps };
    });

  return (
    <div className="c2-admin-split">
      <Panel
        title={t('alerts.admin.sops.title')}
        actions={
          <Button size="sm" onClick={() => pick('new')} data-testid={testIds.alertAdmin.create}>
            {t('alerts.admin.new')}
          </Button>
        }
      >
        <ul className="c2-admin-list">
          {(sops.data ?? []).map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={`c2-admin-list__item${s.id === selected ? ' is-active' : ''}`}
                onClick={() => pick(s.id)}
                data-testid={testIds.alertAdmin.item(s.id)}
              >
                {s.name}
                <small>{t('alerts.admin.sops.steps', { n: s.steps.length })}</small>
              </button>
            </li>
          ))}
        </ul>
      </Panel>
      {selected ? (
        <Panel title={sop ? sop.name : t('alerts.admin.sops.new')} className="c2-admin-wide">
          <form
            className="c2-admin-form"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(draft, { onSuccess: (s) => setSelected(s.id) });
            }}
          >
            <Field label={t('alerts.admin.sops.name')} name="name" wide>
              <input
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                required
                data-testid={fid('name')}
              />
            </Field>
            <Field label={t('alerts.admin.sops.description')} name="description" wide>
              <input
                value={draft.description}
                onChange={(e) => setDraft({ ...draft, description: e.target.value })}
              />
            </Field>
            <ol className="c2-admin-steps">
              {draft.steps.map((s, i) => (
                <li key={i} className="c2-admin-step" data-testid={fid(`step-${i}`)}>
                  <div className="c2-admin-step__head">
                    <strong>{i + 1}.</strong>
                    <input
                      className="c2-admin-step__id"
                      value={s.id}
                      onChange={(e) => setStep(i, { id: e.target.value })}
                      aria-label={t('alerts.admin.sops.stepId')}
                    />
                    <input
                      className="c2-admin-step__title"
                      value={s.title}
                      onChange={(e) => setStep(i, { title: e.target.value })}
                      placeholder={t('alerts.admin.sops.stepTitle')}
                      aria-label={t('alerts.admin.sops.stepTitle')}
                      required
                      data-testid={fid(`step-${i}-title`)}
                    />
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => move(i, -1)}
                      aria-label={t('alerts.admin.up')}
                    >
                      ↑
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => move(i, 1)}
                      aria-label={t('alerts.admin.down')}
                    >
                      ↓
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, j) => j !== i) })}
                      aria-label={t('alerts.admin.delete')}
                    >
                      ×
                    </Button>
                  </div>
                  <textarea
                    value={s.instructions}
                    onChange={(e) => setStep(i, { instructions: e.target.value })}
                    placeholder={t('alerts.admin.sops.instructions')}
                    aria-label={t('alerts.admin.sops.instructions')}
                    rows={2}
                  />
                  <div className="c2-admin-checks">
                    <label>
                      <input
                        type="checkbox"
                        checked={s.required}
                        onChange={(e) => setStep(i, { required: e.target.checked })}
                      />
                      {t('alerts.admin.sops.required')}
                    </label>
                    <label>
                      <input
                        type="checkbox"
                        checked={s.requireNote}
                        onChange={(e) => setStep(i, { requireNote: e.target.checked })}
                      />
                      {t('alerts.admin.sops.requireNote')}
                    </label>
                    <label>
                      <input
                        type="checkbox"
                        checked={s.end}
                        onChange={(e) => setStep(i, { end: e.target.checked })}
                      />
                      {t('alerts.admin.sops.end')}
                    </label>
                    <label>
                      <input
                        type="checkbox"
                        checked={s.kind === 'question'}
                        onChange={(e) =>
                          setStep(
                            i,
                            e.target.checked
                              ? {
                                  kind: 'question',
                                  answers:
                                    s.answers.length >= 2
                                      ? s.answers
                                      : [
                                          { value: 'yes', label: t('alerts.admin.sops.yes'), next: null },
                                          { value: 'no', label: t('alerts.admin.sops.no'), next: null },
                                        ],
                                }
                              : { kind: 'check', answers: [] },
                          )
                        }
                        data-testid={fid(`step-${i}-question`)}
                      />
                      {t('alerts.admin.sops.question')}
                    </label>
                  </div>
                  {s.kind === 'question'
                    ? s.answers.map((a, k) => (
                        <div key={k} className="c2-admin-inline c2-admin-answer">
                          <input
                            value={a.label}
                            onChange={(e) =>
                              setStep(i, {
                                answers: s.answers.map((x, m) =>
                                  m === k ? { ...x, label: e.target.value } : x,
                                ),
                              })
                            }
                            aria-label={t('alerts.admin.sops.answer')}
                          />
                          <span>→</span>
                          <select
                            value={a.next ?? ''}
                            aria-label={t('alerts.admin.sops.next')}
                            onChange={(e) =>
                              setStep(i, {
                                answers: s.answers.map((x, m) =>
                                  m === k ? { ...x, next: e.target.value || null } : x,
                                ),
                              })
                            }
                          >
                            <option value="">{t('alerts.admin.sops.nextInOrder')}</option>
                            {draft.steps.slice(i + 1).map((o) => (
                              <option key={o.id} value={o.id}>
                                {o.title || o.id}
                              </option>
                            ))}
                          </select>
                        </div>
                      ))
                    : null}
                </li>
              ))}
            </ol>
            <div className="c2-admin-actions">
              <Button
                onClick={() =>
                  setDraft({ ...draft, steps: [...draft.steps, newStep(draft.steps.length + 1)] })
                }
                data-testid={testIds.alertAdmin.addStep}
              >
                {t('alerts.admin.sops.addStep')}
              </Button>
            </div>
            <FormError error={save.error ?? remove.error} />
            <div className="c2-admin-actions">
              <Button
                type="submit"
                variant="primary"
                busy={save.isPending}
                data-testid={testIds.alertAdmin.save}
              >
                {t('alerts.admin.save')}
              </Button>
              {sop ? (
                <Button
                  variant="danger"
                  onClick={() => remove.mutate(sop.id, { onSuccess: () => setSelected(null) })}
                  data-testid={testIds.alertAdmin.remove}
                >
                  {t('alerts.admin.delete')}
                </Button>
              ) : null}
            </div>
          </form>
        </Panel>
      ) : null}
    </div>
  );
}
