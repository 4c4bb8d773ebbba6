import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MIN_ACCIDENT_DAYS, type DashboardQuery, type Kpi } from '@c2/api-client/schemas/dashboard';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { useStrategic } from '../api/get-strategic';
import { BarList, formatters } from './charts';
import { DataTable } from './data-table';
import { violationsHref } from './dashboard-filters';

/** A KPI against its target, green when met, red when not, grey when there is nothing to measure yet. */
function KpiTile({ kpi, format }: { kpi: Kpi; format: (n: number) => string }) {
  const { t } = useTranslation();
  const show = (v: number) =>
    kpi.unit === 'pct'
      ? `${kpi.key === 'accident_change' && v > 0 ? '+' : ''}${format(v)}%`
      : t('dashboards.minutes', { value: format(Math.round(v / 6) / 10) });
  return (
    <div
      className={`c2-dash__kpi c2-dash__kpi--${kpi.status}`}
      data-testid={testIds.dashboards.kpi(kpi.key)}
      data-status={kpi.status}
      data-value={kpi.value ?? ''}
    >
      <span className="c2-dash__tile-label">{t(`dashboards.kpi.${kpi.key}`)}</span>
      <span className="c2-dash__kpi-value">{kpi.value === null ? '—' : show(kpi.value)}</span>
      <span className="c2-dash__kpi-target">
        {t(kpi.better === 'higher' ? 'dashboards.targetAtLeast' : 'dashboards.targetAtMost', {
          target: show(kpi.target),
        })}
      </span>
      {kpi.numerator !== null && kpi.denominator !== null && (
        <span className="c2-dash__muted">
          {t(kpi.key === 'camera_availability' ? 'dashboards.ofCameraHours' : 'dashboards.ofTotal', {
            n: format(kpi.numerator),
            total: format(kpi.denominator),
          })}
        </span>
      )}
      <span className="c2-dash__kpi-verdict">{t(`dashboards.status.${kpi.status}`)}</span>
    </div>
  );
}

/** Leaders' KPIs against targets, and the violations per road that drill down to the records. */
export function StrategicView({ query }: { query: DashboardQuery }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const f = formatters(i18n.language);
  const res = useStrategic(query);
  if (res.isError) return <EmptyState title={t('dashboards.loadError')} tone="danger" />;
  if (!res.data) return <Spinner label={t('app.loading')} />;
  const d = res.data;
  return (
    <div className="c2-dash__grid">
      <p className="c2-dash__note c2-dash__period">
        {t('dashboards.period', { from: f.date(d.filter.from), to: f.date(d.filter.to) })}
      </p>
      <div className="c2-dash__kpis">
        {d.kpis.map((k) => (
          <KpiTile key={k.key} kpi={k} format={f.number} />
        ))}
      </div>
      <BarList
        emptyLabel={t('dashboards.noData')}
        name="road"
        wide
        title={t('dashboards.st.violationsByRoad')}
        items={d.violationsByRoad}
        format={f.number}
        onPick={(r) => void navigate(violationsHref(query, d.filter, { road: r.key }))}
        pickLabel={(r) => t('dashboards.openRecords', { name: r.name, count: r.count })}
      />
      <DataTable
        name="kpis"
        title={t('dashboards.st.table')}
        fileName={`kpi-${d.filter.from}-${d.filter.to}.csv`}
        rows={d.kpis}
        columns={[
          { header: t('dashboards.col.kpi'), value: (k) => t(`dashboards.kpi.${k.key}`) },
          {
            header: t('dashboards.col.value'),
            value: (k) => k.value,
            render: (k) => (k.value === null ? '—' : f.number(k.value)),
            numeric: true,
          },
          {
            header: t('dashboards.col.target'),
            value: (k) => k.target,
            render: (k) => f.number(k.target),
            numeric: true,
          },
          { header: t('dashboards.col.unit'), value: (k) => t(`dashboards.unit.${k.unit}`) },
          { header: t('dashboards.col.status'), value: (k) => t(`dashboards.status.${k.status}`) },
        ]}
      />
      <p className="c2-dash__note">
        {d.accidents.perYear === null
          ? t('dashboards.st.accidentsNoRecord', {
              baseline: f.number(d.accidents.baselinePerYear),
              days: d.accidents.recordedDays,
              min: MIN_ACCIDENT_DAYS,
            })
          : t('dashboards.st.accidents', {
              count: d.accidents.count,
              n: f.number(d.accidents.count),
              perYear: f.number(d.accidents.perYear),
              baseline: f.number(d.accidents.baselinePerYear),
            })}
      </p>
    </div>
  );
}
