import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kpiTargetsSchema, type KpiTargets } from '@c2/api-client/schemas/dashboard';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import { useKpiTargets, useSaveKpiTargets } from '../api/kpi-targets';
import { fieldErrors } from '../../../lib/error-text';

const FIELDS = Object.keys(kpiTargetsSchema.shape) as Array<keyof KpiTargets>;

function TargetsForm({ initial }: { initial: KpiTargets }) {
  const { t } = useTranslation();
  const save = useSaveKpiTargets();
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(FIELDS.map((k) => [k, String(initial[k])])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const parsed = kpiTargetsSchema.safeParse(
      Object.fromEntries(FIELDS.map((k) => [k, draft[k] === '' ? Number.NaN : Number(draft[k])])),
    );
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((i) => [String(i.path[0]), t('dashboards.targets.invalid')]),
        ),
      );
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => setSaved(true),
      onError: (err) => setErrors(fieldErrors(t, err)),
    });
  }

  return (
    <form
      className="c2-dash__targets"
      onSubmit={onSubmit}
      data-testid={testIds.dashboards.targetsForm}
      noValidate
    >
      <p className="c2-dash__note">{t('dashboards.targets.hint')}</p>
      <div className="c2-dash__targets-grid">
        {FIELDS.map((k) => (
          <TextField
            key={k}
            label={t(`dashboards.targets.field.${k}`)}
            inputMode="decimal"
            value={draft[k] ?? ''}
            error={errors[k] ?? null}
            data-testid={testIds.dashboards.targetField(k)}
            onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
          />
        ))}
      </div>
      <div className="c2-dash__targets-actions">
        <Button
          type="submit"
          variant="primary"
          busy={save.isPending}
          data-testid={testIds.dashboards.targetsSave}
        >
          {t('dashboards.targets.save')}
        </Button>
        {saved && <span role="status">{t('dashboards.targets.saved')}</span>}
      </div>
    </form>
  );
}

/** Administrators set the KPI targets the strategic dashboard judges by (each change is audited by the BFF). */
export function TargetsEditor() {
  const { t } = useTranslation();
  const targets = useKpiTargets();
  if (targets.isError) return <EmptyState title={t('dashboards.loadError')} tone="danger" />;
  if (!targets.data) return <Spinner label={t('app.loading')} />;
  return <TargetsForm initial={targets.data} />;
}
