import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, CameraKind, CameraState } from '@c2/api-client/schemas/camera';
import type { MapContext } from '@c2/api-client/schemas/map';
import { SegmentedControl } from '@c2/ui/components/segmented-control/segmented-control';
import { ToggleChip } from '@c2/ui/components/toggle-chip/toggle-chip';
import { testIds } from '@c2/ui/test-ids';
import { KINDS, STATES } from '../model/camera-model';
import { useMapStore, type HeatRange, type OverlayKey, type SelectTool } from '../stores/map-store';
import { CAMERA_STATE_TONE } from '../../../lib/camera-state';

const OVERLAYS: OverlayKey[] = ['units', 'events', 'alerts', 'heatmap', 'cones'];
const TOOLS: SelectTool[] = ['pan', 'box', 'lasso'];
const HEAT_PRESETS = ['24h', '7d', '30d'] as const;

/**
 * The map's left rail: status legend (also a filter: pressing a state shows only that state), kind, area and
 * owner filters, the overlays, and the selection tools. Counts are of the cameras the user may see.
 */
export function MapControls({
  cameras,
  context,
  visible,
  canSeeViolations,
  heatTotal,
}: {
  cameras: readonly Camera[];
  context: MapContext;
  visible: number;
  canSeeViolations: boolean;
  heatTotal: number | null;
}) {
  const { t, i18n } = useTranslation();
  const { filters, overlays, tool, heatRange } = useMapStore();
  const { toggleFilter, clearFilters, toggleOverlay, setTool, setHeatRange } = useMapStore.getState();
  const format = (n: number) => n.toLocaleString(i18n.language);

  const counts = useMemo(() => {
    const byState: Record<CameraState, number> = { online: 0, degraded: 0, offline: 0, unknown: 0 };
    const byKind: Record<CameraKind, number> = { fixed: 0, ptz: 0, speed: 0 };
    const owners = new Map<string, number>();
    for (const c of cameras) {
      byState[c.status.state]++;
      byKind[c.kind]++;
      owners.set(c.owner, (owners.get(c.owner) ?? 0) + 1);
    }
    return { byState, byKind, owners: [...owners].sort((a, b) => b[1] - a[1]) };
  }, [cameras]);
  const areas = useMemo(
    () => [...context.areas].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    [context.areas],
  );
  const filtering = filters.states.size + filters.kinds.size + filters.areas.size + filters.owners.size > 0;
  const setSingle = (key: 'areas' | 'owners', value: string) => {
    for (const v of filters[key]) toggleFilter(key, v);
    if (value) toggleFilter(key, value);
  };

  return (
    <aside className="c2-map__controls" aria-label={t('map.controls')}>
      <div
        className="c2-map__group"
        role="group"
        aria-label={t('map.legend')}
        data-testid={testIds.map.legend}
      >
        <h3 className="c2-map__group-title">{t('map.legend')}</h3>
        {STATES.map((state) => (
          <ToggleChip
            key={state}
            pressed={filters.states.has(state)}
            onToggle={() => toggleFilter('states', state)}
            label={t(`camera.state.${state}`)}
            tone={CAMERA_STATE_TONE[state]}
            count={counts.byState[state]}
            formatCount={format}
            testId={testIds.map.legendItem(state)}
          />
        ))}
      </div>
      <div className="c2-map__group" role="group" aria-label={t('camera.kindLabel')}>
        <h3 className="c2-map__group-title">{t('camera.kindLabel')}</h3>
        {KINDS.map((kind) => (
          <ToggleChip
            key={kind}
            pressed={filters.kinds.has(kind)}
            onToggle={() => toggleFilter('kinds', kind)}
            label={t(`camera.kind.${kind}`)}
            count={counts.byKind[kind]}
            formatCount={format}
            testId={testIds.map.kindFilter(kind)}
          />
        ))}
      </div>
      <label className="c2-map__select">
        <span>{t('camera.area')}</span>
        <select
          value={[...filters.areas][0] ?? ''}
          onChange={(e) => setSingle('areas', e.target.value)}
          data-testid={testIds.map.areaFilter}
        >
          <option value="">{t('map.filters.allAreas')}</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="c2-map__select">
        <span>{t('camera.owner')}</span>
        <select
          value={[...filters.owners][0] ?? ''}
          onChange={(e) => setSingle('owners', e.target.value)}
          data-testid={testIds.map.ownerFilter}
        >
          <option value="">{t('map.filters.allOwners')}</option>
          {counts.owners.map(([owner, n]) => (
            <option key={owner} value={owner}>
              {owner} ({format(n)})
            </option>
          ))}
        </select>
      </label>
      <div className="c2-map__visible-row">
        <span className="c2-map__visible" data-testid={testIds.map.visibleCount} data-value={visible}>
          {t('map.visible', { n: format(visible) })}
        </span>
        {filtering ? (
          <button
            type="button"
            className="c2-map__link"
            onClick={clearFilters}
            data-testid={testIds.map.clearFilters}
          >
            {t('map.filters.clear')}
          </button>
        ) : null}
      </div>

      <div className="c2-map__group" role="group" aria-label={t('map.overlays.title')}>
        <h3 className="c2-map__group-title">{t('map.overlays.title')}</h3>
        {OVERLAYS.filter((o) => o !== 'heatmap' || canSeeViolations).map((o) => (
          <ToggleChip
            key={o}
            pressed={overlays[o]}
            onToggle={() => toggleOverlay(o)}
            label={t(`map.overlays.${o}`)}
            testId={testIds.map.overlay(o)}
          />
        ))}
        {overlays.heatmap && canSeeViolations ? (
          <HeatRangePicker range={heatRange} onChange={setHeatRange} total={heatTotal} format={format} />
        ) : null}
      </div>

      <SegmentedControl<SelectTool>
        label={t('map.tools.label')}
        testId={testIds.map.tools}
        value={tool}
        onChange={setTool}
        options={TOOLS.map((v) => ({ value: v, label: t(`map.tools.${v}`), testId: testIds.map.tool(v) }))}
      />
    </aside>
  );
}

function HeatRangePicker({
  range,
  onChange,
  total,
  format,
}: {
  range: HeatRange;
  onChange: (r: HeatRange) => void;
  total: number | null;
  format: (n: number) => string;
}) {
  const { t } = useTranslation();
  const day = (iso: string) => iso.slice(0, 10);
  const today = new Date().toISOString();
  return (
    <div className="c2-map__heat" data-testid={testIds.map.heatRange}>
      <SegmentedControl<HeatRange['preset']>
        label={t('map.heat.range')}
        value={range.preset}
        onChange={(preset) =>
          onChange(
            preset === 'custom'
              ? { preset, from: new Date(Date.now() - 7 * 86_400_000).toISOString(), to: today }
              : { preset },
          )
        }
        options={[...HEAT_PRESETS, 'custom' as const].map((p) => ({ value: p, label: t(`map.heat.${p}`) }))}
      />
      {range.preset === 'custom' ? (
        <div className="c2-map__heat-dates">
          <input
            type="date"
            aria-label={t('map.heat.from')}
            value={day(range.from)}
            max={day(range.to)}
            onChange={(e) =>
              e.target.value && onChange({ ...range, from: new Date(e.target.value).toISOString() })
            }
          />
          <input
            type="date"
            aria-label={t('map.heat.to')}
            value={day(range.to)}
            min={day(range.from)}
            onChange={(e) =>
              e.target.value &&
              onChange({ ...range, to: new Date(Date.parse(e.target.value) + 86_400_000 - 1).toISOString() })
            }
          />
        </div>
      ) : null}
      {total !== null ? (
        <span className="c2-map__visible" data-testid={testIds.map.heatTotal} data-value={total}>
          {t('map.heat.total', { n: format(total) })}
        </span>
      ) : null}
    </div>
  );
}
