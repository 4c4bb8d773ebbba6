import { useTranslation } from 'react-i18next';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { useOperational } from '../api/get-operational';
import { useLiveOperational } from '../hooks/use-live-operational';
import { BarList, formatters, Sparkline } from './charts';
import { DataTable } from './data-table';

/** The live view for the wall: cameras, alerts, units, events per minute, incidents, corridors. */
export function OperationalView({ area }: { area: string | null }) {
  const { t, i18n } = useTranslation();
  const f = formatters(i18n.language);
  const live = useOperational(area);
  useLiveOperational();
  if (live.isError) return <EmptyState title={t('dashboards.loadError')} tone="danger" />;
  if (!live.data) return <Spinner label={t('app.loading')} />;
  const d = live.data;
  const epm = d.eventsPerMinute.map((p) => p.count);
  const lastMinute = epm.at(-2) ?? 0;
  const openAlerts = d.openAlerts.reduce((s, a) => s + a.count, 0);
  const tile = (name: string, label: string, value: string, tone?: 'good' | 'bad' | 'warn') => (
    <div className={`c2-dash__tile${tone ? ` c2-dash__tile--${tone}` : ''}`}>
      <span className="c2-dash__tile-label">{label}</span>
      <span className="c2-dash__tile-value" data-testid={testIds.dashboards.stat(name)}>
        {value}
      </span>
    </div>
  );
  return (
    <div className="c2-dash__grid">
      <div className="c2-dash__tiles">
        {tile(
          'cameras',
          t('dashboards.op.camerasOnline'),
          d.cameras.availablePct === null ? '—' : `${f.number(d.cameras.availablePct)}%`,
          d.cameras.availablePct !== null && d.cameras.availablePct >= 95 ? 'good' : 'bad',
        )}
        {tile(
          'cameras-count',
          t('dashboards.op.camerasCount'),
          t('dashboards.op.camerasOf', {
            online: f.number(d.cameras.online + d.cameras.degraded),
            total: f.number(d.cameras.total),
          }),
        )}
        {tile(
          'alerts',
          t('dashboards.op.openAlerts'),
          f.number(openAlerts),
          openAlerts > 0 ? 'warn' : 'good',
        )}
        {tile('epm', t('dashboards.op.eventsPerMinute'), f.number(lastMinute))}
        {tile(
          'incidents',
          t('dashboards.op.incidents'),
          f.number(d.incidentsInProgress.reduce((s, i) => s + i.count, 0)),
        )}
      </div>
      <section className="c2-dash__chart c2-dash__chart--wide">
        <h3 className="c2-dash__chart-title">{t('dashboards.op.eventsLastHour')}</h3>
        <Sparkline values={epm} label={t('dashboards.op.eventsLastHour')} />
        <p className="c2-dash__muted">{t('dashboards.op.updated', { at: f.hour(d.at) })}</p>
      </section>
      <BarList
        emptyLabel={t('dashboards.noData')}
        name="alerts"
        title={t('dashboards.op.alertsByPriority')}
        items={d.openAlerts.map((a) => ({ key: a.priority, name: a.priority, count: a.count }))}
        format={f.number}
      />
      <BarList
        emptyLabel={t('dashboards.noData')}
        name="units"
        title={t('dashboards.op.unitsByStatus')}
        items={d.units.map((u) => ({ key: u.status, name: t(`unit.status.${u.status}`), count: u.count }))}
        format={f.number}
      />
      <BarList
        emptyLabel={t('dashboards.noData')}
        name="incidents"
        title={t('dashboards.op.incidentsByType')}
        items={d.incidentsInProgress.map((i) => ({
          key: i.type,
          name: t(`incident.type.${i.type}`),
          count: i.count,
        }))}
        format={f.number}
      />
      <DataTable
        name="corridors"
        title={t('dashboards.op.corridors')}
        fileName="hanh-lang.csv"
        rows={d.corridors}
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
