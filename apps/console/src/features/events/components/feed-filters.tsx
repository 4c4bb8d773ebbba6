import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '@c2/api-client/schemas/camera';
import {
  EVENT_FAMILIES,
  severitySchema,
  type EventFamily,
  type EventFilter,
  type EventType,
} from '@c2/api-client/schemas/event';
import { Button } from '@c2/ui/components/button/button';
import { ToggleChip } from '@c2/ui/components/toggle-chip/toggle-chip';
import { testIds } from '@c2/ui/test-ids';
import { SEVERITY_TONE } from './event-row';

export interface FeedFiltersProps {
  filter: EventFilter;
  onChange: (next: EventFilter) => void;
  cameras: readonly Camera[];
}

const toggle = <T,>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

/** Severity chips, event types by family, area and camera: every change lands in the URL. */
export function FeedFilters({ filter, onChange, cameras }: FeedFiltersProps) {
  const { t } = useTranslation();
  const areas = useMemo(() => {
    const byId = new Map<string, string>();
    for (const c of cameras) byId.set(c.areaId, c.areaName);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  }, [cameras]);
  const cameraOptions = useMemo(
    () =>
      cameras
        .filter((c) => !filter.areaId || c.areaId === filter.areaId)
        .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    [cameras, filter.areaId],
  );
  const active =
    filter.types.length + filter.severities.length + (filter.areaId ? 1 : 0) + (filter.cameraId ? 1 : 0);

  const familyState = (family: EventFamily) => {
    const members: readonly EventType[] = EVENT_FAMILIES[family];
    const on = members.filter((m) => filter.types.includes(m)).length;
    return on === 0 ? 'none' : on === members.length ? 'all' : 'some';
  };

  return (
    <div
      className="c2-feed-filters"
      role="search"
      aria-label={t('events.filters')}
      data-testid={testIds.events.filters}
    >
      <div className="c2-feed-filters__group" role="group" aria-label={t('events.severity')}>
        {severitySchema.options.map((s) => (
          <ToggleChip
            key={s}
            label={t(`event.severity.${s}`)}
            tone={SEVERITY_TONE[s]}
            pressed={filter.severities.includes(s)}
            onToggle={() => onChange({ ...filter, severities: toggle(filter.severities, s) })}
            testId={testIds.events.severity(s)}
          />
        ))}
      </div>
      <details className="c2-feed-filters__types" data-testid={testIds.events.typeMenu}>
        <summary>
          {t('events.types')}
          {filter.types.length > 0 ? ` (${filter.types.length})` : ''}
        </summary>
        <div className="c2-feed-filters__type-panel">
          {(Object.keys(EVENT_FAMILIES) as EventFamily[]).map((family) => {
            const state = familyState(family);
            const members: readonly EventType[] = EVENT_FAMILIES[family];
            return (
              <fieldset key={family} className="c2-feed-filters__family">
                <legend>
                  <label>
                    <input
                      type="checkbox"
                      checked={state === 'all'}
                      ref={(el) => {
                        if (el) el.indeterminate = state === 'some';
                      }}
                      onChange={() =>
                        onChange({
                          ...filter,
                          types:
                            state === 'all'
                              ? filter.types.filter((x) => !members.includes(x))
                              : [...new Set([...filter.types, ...members])],
                        })
                      }
                    />
                    {t(`events.family.${family}`)}
                  </label>
                </legend>
                {members.map((type) => (
                  <label key={type} className="c2-feed-filters__type">
                    <input
                      type="checkbox"
                      checked={filter.types.includes(type)}
                      onChange={() => onChange({ ...filter, types: toggle(filter.types, type) })}
                      data-testid={testIds.events.type(type)}
                    />
                    {t(`event.type.${type}`)}
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
      </details>
      <label className="c2-feed-filters__select">
        <span>{t('events.area')}</span>
        <select
          value={filter.areaId ?? ''}
          onChange={(e) => onChange({ ...filter, areaId: e.target.value || null, cameraId: null })}
          data-testid={testIds.events.area}
        >
          <option value="">{t('events.allAreas')}</option>
          {areas.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="c2-feed-filters__select">
        <span>{t('events.camera')}</span>
        <select
          value={filter.cameraId ?? ''}
          onChange={(e) => onChange({ ...filter, cameraId: e.target.value || null })}
          data-testid={testIds.events.camera}
        >
          <option value="">{t('events.allCameras')}</option>
          {cameraOptions.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} · {c.name}
            </option>
          ))}
        </select>
      </label>
      {active > 0 ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onChange({ types: [], severities: [], areaId: null, cameraId: null })}
          data-testid={testIds.events.clearFilters}
        >
          {t('events.clearFilters', { count: active })}
        </Button>
      ) : null}
    </div>
  );
}
