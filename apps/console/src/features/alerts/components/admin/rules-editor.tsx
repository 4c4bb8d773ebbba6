import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '@c2/api-client/query-keys';
import { eventTypeSchema, severitySchema } from '@c2/api-client/schemas/event';
import { prioritySchema, type AlertRule, type AlertRuleInput } from '@c2/api-client/schemas/alert';
import { Button } from '@c2/ui/components/button/button';
import { Panel } from '@c2/ui/components/panel/panel';
import { testIds } from '@c2/ui/test-ids';
import { api } from '../../../../lib/api';
import {
  useAdminMutation,
  usePolicies,
  useRules,
  useSops,
  useSuppressions,
} from '../../api/alert-admin-queries';
import {
  Field,
  FormError,
  fid,
  fromHhmm,
  fromLocalInput,
  listOrNull,
  toHhmm,
  toLocalInput,
} from './admin-form';

interface Draft {
  name: string;
  enabled: boolean;
  eventTypes: AlertRule['eventTypes'];
  minSeverity: AlertRule['minSeverity'];
  priority: AlertRule['priority'];
  sopTemplateId: string;
  policyId: string;
  groupWindowSeconds: number;
  cameras: string;
  areas: string;
  from: string;
  to: string;
}
const draftOf = (r: AlertRule | null): Draft => ({
  name: r?.name ?? '',
  enabled: r?.enabled ?? true,
  eventTypes: r?.eventTypes ?? [],
  minSeverity: r?.minSeverity ?? 'major',
  priority: r?.priority ?? 'P2',
  sopTemplateId: r?.sopTemplateId ?? '',
  policyId: r?.policyId ?? '',
  groupWindowSeconds: r?.groupWindowSeconds ?? 300,
  cameras: r?.cameraIds?.join(', ') ?? '',
  areas: r?.areaIds?.join(', ') ?? '',
  from: toHhmm(r?.activeFrom ?? null),
  to: toHhmm(r?.activeTo ?? null),
});
const inputOf = (d: Draft): AlertRuleInput => ({
  name: d.name,
  enabled: d.enabled,
  eventTypes: d.eventTypes,
  minSeverity: d.minSeverity,
  priority: d.priority,
  sopTemplateId: d.sopTemplateId || null,
  policyId: d.policyId || null,
  groupWindowSeconds: d.groupWindowSeconds,
  cameraIds: listOrNull(d.cameras),
  areaIds: listOrNull(d.areas),
  activeFrom: fromHhmm(d.from),
  activeTo: fromHhmm(d.to),
});

/** Rules (event type, severity, area, cameras, time window → priority, SOP, policy, grouping) and maintenance windows. */
/** The rule form's labels by API field, so a refused field is named as the form names it. */
const ruleLabels = (t: TFunction): Record<string, string> => ({
  name: t('alerts.admin.rules.name'),
  eventTypes: t('alerts.admin.rules.eventTypes'),
  minSeverity: t('alerts.admin.rules.minSeverity'),
  priority: t('alerts.admin.rules.priority'),
  sopTemplateId: t('alerts.admin.rules.sop'),
  policyId: t('alerts.admin.rules.policy'),
  groupWindowSeconds: t('alerts.admin.rules.groupWindow'),
  activeFrom: t('alerts.admin.rules.from'),
  activeTo: t('alerts.admin.rules.to'),
  cameraIds: t('alerts.admin.rules.cameras'),
  areaIds: t('alerts.admin.rules.areas'),
});

export function RulesEditor() {
  const { t } = useTranslation();
  const rules = useRules();
  const sops = useSops();
  const policies = usePolicies();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const rule = rules.data?.find((r) => r.id === selected) ?? null;
  const [draft, setDraft] = useState<Draft>(draftOf(null));
  const keys = [queryKeys.alertAdmin.rules()];
  const save = useAdminMutation((d: Draft) => api.alertAdmin.saveRule(rule?.id ?? null, inputOf(d)), keys);
  const remove = useAdminMutation((id: string) => api.alertAdmin.deleteRule(id), keys);
  const pick = (id: string | 'new') => {
    setSelected(id);
    setDraft(draftOf(rules.data?.find((r) => r.id === id) ?? null));
    save.reset();
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <div className="c2-admin-split">
      <Panel
        title={t('alerts.admin.rules.title')}
        actions={
          <Button size="sm" onClick={() => pick('new')} data-testid={testIds.alertAdmin.create}>
            {t('alerts.admin.new')}
          </Button>
        }
      >
        <ul className="c2-admin-list">
          {(rules.data ?? []).map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className={`c2-admin-list__item${r.id === selected ? ' is-active' : ''}`}
                onClick={() => pick(r.id)}
                data-testid={testIds.alertAdmin.item(r.id)}
              >
                <span className={`c2-prio c2-prio--${r.priority}`}>{r.priority}</span> {r.name}
                <small>
                  {r.eventTypes.map((e) => t(`event.type.${e}`)).join(', ')}
                  {r.enabled ? '' : ` · ${t('alerts.admin.disabled')}`}
                </small>
              </button>
            </li>
          ))}
        </ul>
      </Panel>
      {selected ? (
        <Panel title={rule ? rule.name : t('alerts.admin.rules.new')}>
          <form
            className="c2-admin-form"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(draft, { onSuccess: (r) => setSelected(r.id) });
            }}
          >
            <Field label={t('alerts.admin.rules.name')} name="name" wide>
              <input
                value={draft.name}
                onChange={(e) => set('name', e.target.value)}
                data-testid={fid('name')}
                required
                maxLength={120}
              />
            </Field>
            <fieldset className="c2-admin-field c2-admin-field--wide">
              <legend className="c2-admin-field__label">{t('alerts.admin.rules.eventTypes')}</legend>
              <div className="c2-admin-checks">
                {eventTypeSchema.options.map((e) => (
                  <label key={e}>
                    <input
                      type="checkbox"
                      checked={draft.eventTypes.includes(e)}
                      data-testid={fid(`type-${e}`)}
                      onChange={(ev) =>
                        set(
                          'eventTypes',
                          ev.target.checked
                            ? [...draft.eventTypes, e]
                            : draft.eventTypes.filter((x) => x !== e),
                        )
                      }
                    />
                    {t(`event.type.${e}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <Field label={t('alerts.admin.rules.minSeverity')} name="minSeverity">
              <select
                value={draft.minSeverity}
                onChange={(e) => set('minSeverity', severitySchema.parse(e.target.value))}
                data-testid={fid('minSeverity')}
              >
                {severitySchema.options.map((s) => (
                  <option key={s} value={s}>
                    {t(`event.severity.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('alerts.admin.rules.priority')} name="priority">
              <select
                value={draft.priority}
                onChange={(e) => set('priority', prioritySchema.parse(e.target.value))}
                data-testid={fid('priority')}
              >
                {prioritySchema.options.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('alerts.admin.rules.sop')} name="sop">
              <select
                value={draft.sopTemplateId}
                onChange={(e) => set('sopTemplateId', e.target.value)}
                data-testid={fid('sop')}
              >
                <option value="">{t('alerts.admin.none')}</option>
                {(sops.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('alerts.admin.rules.policy')} name="policy">
              <select
                value={draft.policyId}
                onChange={(e) => set('policyId', e.target.value)}
                data-testid={fid('policy')}
              >
                <option value="">{t('alerts.admin.rules.policyByPriority')}</option>
                {(policies.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('alerts.admin.rules.groupWindow')} name="group">
              <input
                type="number"
                min={0}
                max={86400}
                value={draft.groupWindowSeconds}
                onChange={(e) => set('groupWindowSeconds', Number(e.target.value))}
                data-testid={fid('group')}
              />
            </Field>
            <Field label={t('alerts.admin.rules.window')} name="window" wide>
              <span className="c2-admin-inline">
                <input
                  type="time"
                  value={draft.from}
                  onChange={(e) => set('from', e.target.value)}
                  aria-label={t('alerts.admin.rules.from')}
                  data-testid={fid('from')}
                />
                –
                <input
                  type="time"
                  value={draft.to}
                  onChange={(e) => set('to', e.target.value)}
                  aria-label={t('alerts.admin.rules.to')}
                  data-testid={fid('to')}
                />
              </span>
            </Field>
            <Field label={t('alerts.admin.rules.cameras')} name="cameras" wide>
              <input
                value={draft.cameras}
                onChange={(e) => set('cameras', e.target.value)}
                placeholder={t('alerts.admin.rules.allCameras')}
                data-testid={fid('cameras')}
              />
            </Field>
            <Field label={t('alerts.admin.rules.areas')} name="areas" wide>
              <input
                value={draft.areas}
                onChange={(e) => set('areas', e.target.value)}
                placeholder={t('alerts.admin.rules.allAreas')}
                data-testid={fid('areas')}
              />
            </Field>
            <label className="c2-admin-check">
              <input
                type="checkbox"
                checked={draft.enabled}
                onChange={(e) => set('enabled', e.target.checked)}
                data-testid={fid('enabled')}
              />
              {t('alerts.admin.rules.enabled')}
            </label>
            <FormError error={save.error ?? remove.error} labels={ruleLabels(t)} />
            <div className="c2-admin-actions">
              <Button
                type="submit"
                variant="primary"
                busy={save.isPending}
                data-testid={testIds.alertAdmin.save}
              >
                {t('alerts.admin.save')}
              </Button>
              {rule ? (
                <Button
                  variant="danger"
                  onClick={() => remove.mutate(rule.id, { onSuccess: () => setSelected(null) })}
                  data-testid={testIds.alertAdmin.remove}
                >
                  {t('alerts.admin.delete')}
                </Button>
              ) : null}
            </div>
          </form>
        </Panel>
      ) : null}
      <SuppressionsPanel />
    </div>
  );
}

function SuppressionsPanel() {
  const { t, i18n } = useTranslation();
  const windows = useSuppressions();
  const [reason, setReason] = useState('');
  const [cameras, setCameras] = useState('');
  const [start, setStart] = useState(() => toLocalInput(new Date().toISOString()));
  const [end, setEnd] = useState(() => toLocalInput(new Date(Date.now() + 4 * 3600_000).toISOString()));
  const keys = [queryKeys.alertAdmin.suppressions()];
  const add = useAdminMutation(
    () =>
      api.alertAdmin.addSuppression({
        reason,
        cameraIds: listOrNull(cameras),
        startsAt: fromLocalInput(start),
        endsAt: fromLocalInput(end),
      }),
    keys,
  );
  const remove = useAdminMutation((id: string) => api.alertAdmin.deleteSuppression(id), keys);
  const fmt = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Panel title={t('alerts.admin.suppressions.title')}>
      <ul className="c2-admin-list">
        {(windows.data ?? []).map((w) => (
          <li key={w.id} className="c2-admin-list__row">
            <span>
              <strong>{w.reason}</strong>
              <small>
                {fmt(w.startsAt)} – {fmt(w.endsAt)} ·{' '}
                {w.cameraIds?.join(', ') ?? t('alerts.admin.rules.allCameras')} ·{' '}
                {t('alerts.admin.suppressions.count', { n: w.suppressed })}
              </small>
            </span>
            <Button size="sm" variant="ghost" onClick={() => remove.mutate(w.id)}>
              {t('alerts.admin.delete')}
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="c2-admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(undefined, { onSuccess: () => setReason('') });
        }}
      >
        <Field label={t('alerts.admin.suppressions.reason')} name="sup-reason" wide>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
        <Field label={t('alerts.admin.rules.cameras')} name="sup-cameras" wide>
          <input
            value={cameras}
            onChange={(e) => setCameras(e.target.value)}
            placeholder={t('alerts.admin.rules.allCameras')}
          />
        </Field>
        <Field label={t('alerts.admin.suppressions.start')} name="sup-start">
          <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} required />
        </Field>
        <Field label={t('alerts.admin.suppressions.end')} name="sup-end">
          <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
        </Field>
        <FormError
          error={add.error}
          labels={{
            reason: t('alerts.admin.suppressions.reason'),
            startsAt: t('alerts.admin.suppressions.start'),
            endsAt: t('alerts.admin.suppressions.end'),
          }}
        />
        <div className="c2-admin-actions">
          <Button type="submit" busy={add.isPending}>
            {t('alerts.admin.suppressions.add')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
