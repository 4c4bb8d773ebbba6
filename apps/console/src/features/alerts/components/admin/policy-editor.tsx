import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '@c2/api-client/query-keys';
import { roleSchema } from '@c2/api-client/schemas/role';
import {
  channelSchema,
  dutySchema,
  prioritySchema,
  type EscalationPolicy,
  type EscalationStep,
  type NotifyTarget,
  type Priority,
} from '@c2/api-client/schemas/alert';
import { Button } from '@c2/ui/components/button/button';
import { Panel } from '@c2/ui/components/panel/panel';
import { testIds } from '@c2/ui/test-ids';
import { api } from '../../../../lib/api';
import { useAdminMutation, usePeople, usePolicies } from '../../api/alert-admin-queries';
import { Field, FormError, fid } from './admin-form';

interface Draft {
  name: string;
  priorities: Priority[];
  ackSlaSeconds: number;
  resolveSlaSeconds: number;
  steps: EscalationStep[];
}
const newStep = (): EscalationStep => ({
  targets: [{ kind: 'on_duty', duty: 'supervisor' }],
  channels: ['in_app'],
  waitSeconds: 120,
  repeat: 0,
  condition: 'not_acknowledged',
});
const draftOf = (p: EscalationPolicy | null): Draft => ({
  name: p?.name ?? '',
  priorities: p?.priorities ?? [],
  ackSlaSeconds: p?.ackSlaSeconds ?? 120,
  resolveSlaSeconds: p?.resolveSlaSeconds ?? 1800,
  steps: p?.steps ?? [newStep()],
});

/** "on_duty:supervisor" ↔ a target, for one select listing duties, roles and people. */
const targetKey = (t: NotifyTarget) =>
  t.kind === 'user' ? `user:${t.userId}` : t.kind === 'role' ? `role:${t.role}` : `on_duty:${t.duty}`;
function targetOf(key: string): NotifyTarget {
  const [kind, value = ''] = key.split(':');
  if (kind === 'user') return { kind: 'user', userId: value };
  if (kind === 'role') return { kind: 'role', role: roleSchema.parse(value) };
  return { kind: 'on_duty', duty: dutySchema.parse(value) };
}

/** Escalation policies: ordered steps of notify-who-how, wait, repeat, condition; SLAs; which priorities they serve. */
export function PolicyEditor() {
  const { t } = useTranslation();
  const policies = usePolicies();
  const people = usePeople();
  const [selected, setSelected] = useState<string | null>(null);
  const policy = policies.data?.find((p) => p.id === selected) ?? null;
  const [draft, setDraft] = useState<Draft>(draftOf(null));
  const keys = [queryKeys.alertAdmin.policies()];
  const save = useAdminMutation((d: Draft) => api.alertAdmin.savePolicy(policy?.id ?? null, d), keys);
  const remove = useAdminMutation((id: string) => api.alertAdmin.deletePolicy(id), keys);
  const pick = (id: string) => {
    setSelected(id);
    setDraft(draftOf(policies.data?.find((p) => p.id === id) ?? null));
    save.reset();
  };
  const setStep = (i: number, patch: Partial<EscalationStep>) =>
    setDraft((d) => ({ ...d, steps: d.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  // When each step fires for an alert nobody acknowledges, counted from when it is raised.
  let at = 0;
  const timeline = draft.steps.map((s) => {
    const times = Array.from({ length: s.repeat + 1 }, (_, r) => at + r * s.waitSeconds);
    at += (s.repeat + 1) * s.waitSeconds;
    return times;
  });

  return (
    <div className="c2-admin-split">
      <Panel
        title={t('alerts.admin.policies.title')}
        actions={
          <Button size="sm" onClick={() => pick('new')} data-testid={testIds.alertAdmin.create}>
            {t('alerts.admin.new')}
          </Button>
        }
      >
        <ul className="c2-admin-list">
          {(policies.data ?? []).map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={`c2-admin-list__item${p.id === selected ? ' is-active' : ''}`}
                onClick={() => pick(p.id)}
                data-testid={testIds.alertAdmin.item(p.id)}
              >
                {p.name}
                <small>
                  {p.priorities.join(', ') || '—'} ·{' '}
                  {t('alerts.admin.policies.levels', { n: p.steps.length })}
                </small>
              </button>
            </li>
          ))}
        </ul>
      </Panel>
      {selected ? (
        <Panel title={policy ? policy.name : t('alerts.admin.policies.new')} className="c2-admin-wide">
          <form
            className="c2-admin-form"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(draft, { onSuccess: (p) => setSelected(p.id) });
            }}
          >
            <Field label={t('alerts.admin.policies.name')} name="name" wide>
              <input
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                required
                data-testid={fid('name')}
              />
            </Field>
            <fieldset className="c2-admin-field">
              <legend className="c2-admin-field__label">{t('alerts.admin.policies.priorities')}</legend>
              <div className="c2-admin-checks">
                {prioritySchema.options.map((p) => (
                  <label key={p}>
                    <input
                      type="checkbox"
                      checked={draft.priorities.includes(p)}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          priorities: e.target.checked
                            ? [...draft.priorities, p]
                            : draft.priorities.filter((x) => x !== p),
                        })
                      }
                    />
                    {p}
                  </label>
                ))}
              </div>
            </fieldset>
            <Field label={t('alerts.admin.policies.ackSla')} name="ackSla">
              <input
                type="number"
                min={5}
                value={draft.ackSlaSeconds}
                onChange={(e) => setDraft({ ...draft, ackSlaSeconds: Number(e.target.value) })}
                data-testid={fid('ackSla')}
              />
            </Field>
            <Field label={t('alerts.admin.policies.resolveSla')} name="resolveSla">
              <input
                type="number"
                min={5}
                value={draft.resolveSlaSeconds}
                onChange={(e) => setDraft({ ...draft, resolveSlaSeconds: Number(e.target.value) })}
                data-testid={fid('resolveSla')}
              />
            </Field>
            <ol className="c2-admin-steps">
              {draft.steps.map((s, i) => (
                <li key={i} className="c2-admin-step" data-testid={fid(`level-${i}`)}>
                  <div className="c2-admin-step__head">
                    <strong>{t('alerts.admin.policies.level', { n: i + 1 })}</strong>
                    <small className="c2-admin-step__when">
                      {t('alerts.admin.policies.firesAt', {
                        times: timeline[i]!.map((x) => `+${x}s`).join(', '),
                      })}
                    </small>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, j) => j !== i) })}
                      aria-label={t('alerts.admin.delete')}
                    >
                      ×
                    </Button>
                  </div>
                  <div className="c2-admin-inline">
                    <span>{t('alerts.admin.policies.notify')}</span>
                    <select
                      multiple
                      size={4}
                      value={s.targets.map(targetKey)}
                      aria-label={t('alerts.admin.policies.targets')}
                      data-testid={fid(`level-${i}-targets`)}
                      onChange={(e) =>
                        setStep(i, { targets: [...e.target.selectedOptions].map((o) => targetOf(o.value)) })
                      }
                    >
                      <optgroup label={t('alerts.admin.policies.onDuty')}>
                        {dutySchema.options.map((d) => (
                          <option key={d} value={`on_duty:${d}`}>
                            {t(`alerts.duty.${d}`)}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label={t('alerts.admin.policies.roles')}>
                        {roleSchema.options.map((r) => (
                          <option key={r} value={`role:${r}`}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label={t('alerts.admin.policies.people')}>
                        {(people.data ?? []).map((p) => (
                          <option key={p.id} value={`user:${p.id}`}>
                            {p.displayName}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                    <div className="c2-admin-checks c2-admin-checks--column">
                      {channelSchema.options.map((c) => (
                        <label key={c}>
                          <input
                            type="checkbox"
                            checked={s.channels.includes(c)}
                            data-testid={fid(`level-${i}-${c}`)}
                            onChange={(e) =>
                              setStep(i, {
                                channels: e.target.checked
                                  ? [...s.channels, c]
                                  : s.channels.filter((x) => x !== c),
                              })
                            }
                          />
                          {t(`alerts.channel.${c}`)}
                        </label>
                      ))}
                    </div>
                  </div>
                  <div className="c2-admin-inline">
                    <label>
                      {t('alerts.admin.policies.wait')}{' '}
                      <input
                        type="number"
                        min={1}
                        value={s.waitSeconds}
                        onChange={(e) => setStep(i, { waitSeconds: Number(e.target.value) })}
                        data-testid={fid(`level-${i}-wait`)}
                      />
                    </label>
                    <label>
                      {t('alerts.admin.policies.repeat')}{' '}
                      <input
                        type="number"
                        min={0}
                        max={10}
                        value={s.repeat}
                        onChange={(e) => setStep(i, { repeat: Number(e.target.value) })}
                      />
                    </label>
                    <select
                      value={s.condition}
                      aria-label={t('alerts.admin.policies.condition')}
                      onChange={(e) =>
                        setStep(i, {
                          condition: e.target.value === 'not_resolved' ? 'not_resolved' : 'not_acknowledged',
                        })
                      }
                    >
                      <option value="not_acknowledged">{t('alerts.admin.policies.notAcknowledged')}</option>
                      <option value="not_resolved">{t('alerts.admin.policies.notResolved')}</option>
                    </select>
                  </div>
                </li>
              ))}
            </ol>
            <div className="c2-admin-actions">
              <Button
                onClick={() => setDraft({ ...draft, steps: [...draft.steps, newStep()] })}
                data-testid={testIds.alertAdmin.addStep}
              >
                {t('alerts.admin.policies.addLevel')}
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
              {policy ? (
                <Button
                  variant="danger"
                  onClick={() => remove.mutate(policy.id, { onSuccess: () => setSelected(null) })}
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
