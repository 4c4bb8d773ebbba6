import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@c2/api-client/schemas/role';
import { granularitySchema, type DashboardQuery } from '@c2/api-client/schemas/dashboard';
import { violationTypeSchema } from '@c2/api-client/schemas/violation';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { SegmentedControl } from '@c2/ui/components/segmented-control/segmented-control';
import { testIds } from '@c2/ui/test-ids';
import { useMapContext } from '../api/map-context';
import { AnalyticalView } from './analytical-view';
import { filtersFromParams, tabFromParams, withFilters, type DashboardTab } from './dashboard-filters';
import { OperationalView } from './operational-view';
import { StrategicView } from './strategic-view';
import { TargetsEditor } from './targets-editor';
import './dashboards.css';

const TAB_PERMISSION: Record<DashboardTab, Permission> = {
  operational: 'dashboard:operational',
  analytical: 'dashboard:analytical',
  strategic: 'dashboard:strategic',
  investigative: 'dashboard:investigative',
  targets: 'system:configure',
};

/** The filter bar: range, place, type, granularity, comparison. Everything lives in the URL. */
function Filters({
  query,
  tab,
  onChange,
}: {
  query: DashboardQuery;
  tab: DashboardTab;
  onChange: (q: DashboardQuery) => void;
}) {
  const { t } = useTranslation();
  const context = useMapContext();
  const set = (patch: Partial<DashboardQuery>) => {
    const next: DashboardQuery = { ...query, ...patch };
    for (const k of Object.keys(next) as Array<keyof DashboardQuery>) if (!next[k]) delete next[k];
    onChange(next);
  };
  const select = (
    name: 'area' | 'road' | 'type',
    options: ReadonlyArray<{ value: string; label: string }>,
  ) => (
    <label className="c2-dash__field">
      <span>{t(`dashboards.filter.${name}`)}</span>
      <select value={query[name] ?? ''} onChange={(e) => set({ [name]: e.target.value || undefined })}>
        <option value="">{t('dashboards.filter.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const areas = [...(context.data?.areas ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const roads = [...(context.data?.roads ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return (
    <div className="c2-dash__filters" data-testid={testIds.dashboards.filters}>
      {tab !== 'operational' && (
        <>
          <label className="c2-dash__field">
            <span>{t('dashboards.filter.from')}</span>
            <input
              type="date"
              value={query.from ?? ''}
              onChange={(e) => set({ from: e.target.value || undefined })}
            />
          </label>
          <label className="c2-dash__field">
            <span>{t('dashboards.filter.to')}</span>
            <input
              type="date"
              value={query.to ?? ''}
              onChange={(e) => set({ to: e.target.value || undefined })}
            />
          </label>
        </>
      )}
      {select(
        'area',
        areas.map((a) => ({ value: a.id, label: a.name })),
      )}
      {tab !== 'operational' && (
        <>
          {select(
            'road',
            roads.map((r) => ({ value: r.id, label: r.ref ? `${r.ref} – ${r.name}` : r.name })),
          )}
          {select(
            'type',
            violationTypeSchema.options.map((v) => ({ value: v, label: t(`event.type.${v}`) })),
          )}
        </>
      )}
      {(tab === 'analytical' || tab === 'investigative') && (
        <>
          <SegmentedControl
            label={t('dashboards.filter.granularity')}
            value={query.granularity ?? 'day'}
            options={granularitySchema.options.map((g) => ({
              value: g,
              label: t(`dashboards.granularity.${g}`),
            }))}
            onChange={(g) => set({ granularity: g === 'day' ? undefined : g })}
          />
          <label className="c2-dash__field c2-dash__check">
            <input
              type="checkbox"
              checked={query.compare === 'previous'}
              onChange={(e) => set({ compare: e.target.checked ? 'previous' : undefined })}
            />
            <span>{t('dashboards.filter.compare')}</span>
          </label>
        </>
      )}
    </div>
  );
}

/**
 * The four dashboard levels (and the targets, for administrators) as tabs. Tab, filters and the big-screen mode
 * are URL parameters, so a link opens exactly the same view.
 */
export function DashboardsPage({ permissions }: { permissions: readonly Permission[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [copied, setCopied] = useState(false);
  const allowed = (Object.keys(TAB_PERMISSION) as DashboardTab[]).filter((tab) =>
    permissions.includes(TAB_PERMISSION[tab]),
  );
  const tab = tabFromParams(params, allowed);
  const query = filtersFromParams(params);
  const big = params.get('big') === '1';
  if (!tab) return <EmptyState title={t('app.forbidden')} testId={testIds.app.forbidden} />;

  const update = (fn: (p: URLSearchParams) => URLSearchParams) =>
    setParams((prev) => fn(new URLSearchParams(prev)), { replace: true });

  return (
    <div
      className={`c2-dash${big ? ' c2-dash--wall' : ''}`}
      data-testid={testIds.dashboards.page}
      data-tab={tab}
    >
      <header className="c2-dash__toolbar">
        <h1 className="c2-dash__title">{t(`dashboards.tab.${tab}`)}</h1>
        <div className="c2-dash__tabs" role="tablist" aria-label={t('dashboards.title')}>
          {allowed.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={name === tab}
              className="c2-dash__tab"
              data-testid={testIds.dashboards.tab(name)}
              onClick={() =>
                update((p) => {
                  p.set('tab', name);
                  if (name !== 'operational') p.delete('big');
                  return p;
                })
              }
            >
              {t(`dashboards.tab.${name}`)}
            </button>
          ))}
        </div>
        <div className="c2-dash__actions">
          {tab === 'operational' && (
            <Button
              size="sm"
              aria-pressed={big}
              data-testid={testIds.dashboards.bigScreen}
              onClick={() =>
                update((p) => {
                  if (big) p.delete('big');
                  else p.set('big', '1');
                  return p;
                })
              }
            >
              {t(big ? 'dashboards.bigScreenOff' : 'dashboards.bigScreen')}
            </Button>
          )}
          <Button
            size="sm"
            data-testid={testIds.dashboards.share}
            onClick={() => {
              void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true));
            }}
          >
            {t(copied ? 'dashboards.copied' : 'dashboards.share')}
          </Button>
          <Button size="sm" data-testid={testIds.dashboards.print} onClick={() => window.print()}>
            {t('dashboards.print')}
          </Button>
        </div>
      </header>
      {tab !== 'targets' && !big && (
        <Filters query={query} tab={tab} onChange={(q) => update((p) => withFilters(p, q))} />
      )}
      <main className="c2-dash__body">
        {tab === 'operational' && <OperationalView area={query.area ?? null} />}
        {tab === 'analytical' && <AnalyticalView query={query} mode="analytical" />}
        {tab === 'investigative' && <AnalyticalView query={query} mode="investigative" />}
        {tab === 'strategic' && <StrategicView query={query} />}
        {tab === 'targets' && <TargetsEditor />}
      </main>
    </div>
  );
}
