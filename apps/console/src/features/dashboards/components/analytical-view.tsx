import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AnalyticalDashboard, CountBy, DashboardQuery } from '@c2/api-client/schemas/dashboard';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { useAnalytical } from '../api/get-analytical';
import { BarList, ColumnChart, formatters, HeatGrid } from './charts';
import { DataTable } from './data-table';
import { violationsHref } from './dashboard-filters';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Change against the previous period, signed, in percent; null without a previous figure. */
function change(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return Math.round(((now - before) / before) * 1000) / 10;
}

/**
 * Trends and breakdowns. In `investigative` mode the same figures are shown as tables whose every row opens the
 * violation records behind it.
 */
export function AnalyticalView({
  query,
  mode,
}: {
  query: DashboardQuery;
  mode: 'analytical' | 'investigative';
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const f = formatters(i18n.language);
  const res = useAnalytical(query);
  if (res.isError) return <EmptyState title={t('dashboards.loadError')} tone="danger" />;
  if (!res.data) return <Spinner label={t('app.loading')} />;
  const d: AnalyticalDashboard = res.data;
  const drill = (pick: Parameters<typeof violationsHref>[2]) =>
    void navigate(violationsHref(query, d.filter, pick));
  const typeItems: CountBy[] = d.byType.map((r) => ({ ...r, name: t(`event.type.${r.key}`) }));
  const label = d.filter.granularity === 'hour' ? f.hour : f.day;
  const pickLabel = (r: CountBy) => t('dashboards.openRecords', { name: r.name, count: r.count });

  const stat = (name: string, labelKey: string, now: number | null, before: number | null | undefined) => {
    const delta = before === undefined ? null : change(now, before);
    return (
      <div className="c2-dash__tile">
        <span className="c2-dash__tile-label">{t(labelKey)}</span>
        <span className="c2-dash__tile-value" data-testid={testIds.dashboards.stat(name)}>
          {now === null ? '—' : f.number(now)}
        </span>
        {delta !== null && (
          <span className={`c2-dash__delta c2-dash__delta--${delta > 0 ? 'up' : 'down'}`}>
            {t('dashboards.vsPrevious', { delta: `${delta > 0 ? '+' : ''}${f.number(delta)}%` })}
          </span>
        )}
      </div>
    );
  };
  const prev = d.previous?.totals;

  if (mode === 'investigative') {
    const link = (pick: Parameters<typeof violationsHref>[2], text: string) => (
      <a
        href={violationsHref(query, d.filter, pick)}
        onClick={(e) => {
          e.preventDefault();
          drill(pick);
        }}
      >
        {text}
      </a>
    );
    const countCols = (dim: 'road' | 'area' | 'camera' | 'type') => [
      {
        header: t(`dashboards.col.${dim}`),
        value: (r: CountBy) => r.name,
        render: (r: CountBy) => link({ [dim]: r.key }, r.name),
      },
      {
        header: t('dashboards.col.violations'),
        value: (r: CountBy) => r.count,
        render: (r: CountBy) => f.number(r.count),
        numeric: true,
      },
    ];
    return (
      <div className="c2-dash__grid">
        <p className="c2-dash__note">{t('dashboards.inv.hint')}</p>
        <DataTable
          name="inv-road"
          title={t('dashboards.an.byRoad')}
          rows={d.byRoad}
          columns={countCols('road')}
          fileName="vi-pham-theo-tuyen.csv"
        />
        <DataTable
          name="inv-area"
          title={t('dashboards.an.byArea')}
          rows={d.byArea}
          columns={countCols('area')}
          fileName="vi-pham-theo-dia-ban.csv"
        />
        <DataTable
          name="inv-camera"
          title={t('dashboards.an.topCameras')}
          rows={d.topCameras}
          columns={countCols('camera')}
          fileName="vi-pham-theo-camera.csv"
        />
        <DataTable
          name="inv-type"
          title={t('dashboards.an.byType')}
          rows={typeItems}
          columns={countCols('type')}
          fileName="vi-pham-theo-loai.csv"
        />
        <DataTable
          name="inv-series"
          title={t('dashboards.an.trend')}
          fileName="vi-pham-theo-thoi-gian.csv"
          rows={d.series}
          columns={[
            {
              header: t('dashboards.col.time'),
              value: (p) => p.bucket,
              render: (p) =>
                d.filter.granularity === 'day'
                  ? link(
                      { day: new Date(Date.parse(p.bucket) + 7 * 3_600_000).toISOString().slice(0, 10) },
                      label(p.bucket),
                    )
                  : label(p.bucket),
            },
            {
              header: t('dashboards.col.violations'),
              value: (p) => p.violations,
              render: (p) => f.number(p.violations),
              numeric: true,
            },
            {
              header: t('dashboards.col.events'),
              value: (p) => p.events,
              render: (p) => (p.events === null ? '—' : f.number(p.events)),
              numeric: true,
            },
          ]}
        />
      </div>
    );
  }

  return (
    <div className="c2-dash__grid">
      <div className="c2-dash__tiles">
        {stat('violations', 'dashboards.an.violations', d.totals.violations, prev?.violations)}
        {stat('reviewed', 'dashboards.an.reviewed', d.totals.reviewed, prev?.reviewed)}
        {stat('verified', 'dashboards.an.verified', d.totals.verified, prev?.verified)}
        {stat('events', 'dashboards.an.events', d.totals.events, prev?.events ?? undefined)}
        {stat('congestion', 'dashboards.an.congestion', d.totals.congestion, prev?.congestion ?? undefined)}
      </div>
      <ColumnChart
        name="trend"
        title={t(d.previous ? 'dashboards.an.trendCompared' : 'dashboards.an.trend')}
        series={d.series}
        previous={d.previous?.series ?? null}
        label={label}
        format={f.number}
        onPick={
          d.filter.granularity === 'day'
            ? (p) => drill({ day: new Date(Date.parse(p.bucket) + 7 * 3_600_000).toISOString().slice(0, 10) })
            : undefined
        }
      />
      <BarList
        emptyLabel={t('dashboards.noData')}
        name="type"
        title={t('dashboards.an.byType')}
        items={typeItems}
        format={f.number}
        onPick={(r) => drill({ type: r.key })}
        pickLabel={pickLabel}
      />
      <BarList
        emptyLabel={t('dashboards.noData')}
        name="road"
        title={t('dashboards.an.byRoad')}
        items={d.byRoad}
        format={f.number}
        onPick={(r) => drill({ road: r.key })}
        pickLabel={pickLabel}
      />
      <BarList
        emptyLabel={t('dashboards.noData')}
        name="area"
        title={t('dashboards.an.byArea')}
        items={d.byArea}
        format={f.number}
        onPick={(r) => drill({ area: r.key })}
        pickLabel={pickLabel}
      />
      <BarList
        emptyLabel={t('dashboards.noData')}
        name="camera"
        title={t('dashboards.an.topCameras')}
        items={d.topCameras}
        format={f.number}
        onPick={(r) => drill({ camera: r.key })}
        pickLabel={pickLabel}
      />
      {d.heat ? (
        <HeatGrid
          title={t('dashboards.an.heat')}
          grid={d.heat}
          days={WEEKDAYS.map((w) => t(`dashboards.weekday.${w}`))}
          format={f.number}
        />
      ) : (
        <p className="c2-dash__note">{t('dashboards.an.heatByPlace')}</p>
      )}
      <DataTable
        name="traffic"
        title={t('dashboards.an.traffic')}
        fileName="luu-luong-theo-tuyen.csv"
        rows={d.traffic}
        columns={[
          { header: t('dashboards.col.road'), value: (r) => r.name },
          {
            header: t('dashboards.col.events'),
            value: (r) => r.events,
            render: (r) => f.number(r.events),
            numeric: true,
          },
          {
            header: t('dashboards.col.congestion'),
            value: (r) => r.congestion,
            render: (r) => f.number(r.congestion),
            numeric: true,
          },
        ]}
      />
    </div>
  );
}
