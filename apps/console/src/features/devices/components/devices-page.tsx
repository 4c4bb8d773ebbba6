import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceKindSchema, deviceStateSchema } from '@c2/api-client/schemas/device';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { SegmentedControl } from '@c2/ui/components/segmented-control/segmented-control';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { ToggleChip } from '@c2/ui/components/toggle-chip/toggle-chip';
import { testIds } from '@c2/ui/test-ids';
import { useDevices } from '../api/get-devices';
import { useDeviceFilters } from '../stores/device-filters';
import { countDevices, filterDevices, sortDevices } from './device-table-model';
import { DeviceTable } from './device-table';
import { DeviceDetail } from './device-detail';
import { SlaReport } from './sla-report';
import './devices-page.css';
import { CAMERA_STATE_TONE } from '../../../lib/camera-state';

export interface DevicesPageProps {
  /** The device whose page is open (from the URL), or null. */
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Whether the user may run remote diagnosis (device:manage). */
  canManage: boolean;
}

/**
 * Device monitoring: every camera, edge AI box and server with its live state, open faults and readings, in a
 * table that stays fast at 10,000 rows; a device's page beside it; the SLA report as a second view.
 */
export function DevicesPage({ selectedId, onSelect, canManage }: DevicesPageProps) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<'table' | 'sla'>('table');
  const devices = useDevices();
  const f = useDeviceFilters();
  // Typing stays responsive at 10,000 rows: the table filters on the deferred text.
  const text = useDeferredValue(f.text);
  const all = devices.data;
  const counts = useMemo(() => countDevices(all ?? []), [all]);
  const shown = useMemo(
    () =>
      sortDevices(
        filterDevices(all ?? [], { text, kinds: f.kinds, states: f.states, onlyFaulty: f.onlyFaulty }),
        f.sort,
      ),
    [all, text, f.kinds, f.states, f.onlyFaulty, f.sort],
  );
  const format = (n: number) => n.toLocaleString(i18n.language);

  return (
    <div className="c2-devices" data-testid={testIds.devices.page}>
      <div className="c2-devices__toolbar">
        <h1 className="c2-devices__title">{t('devices.title')}</h1>
        <SegmentedControl<'table' | 'sla'>
          label={t('devices.tabs.label')}
          value={view}
          onChange={setView}
          options={[
            { value: 'table', label: t('devices.tabs.table'), testId: testIds.devices.tab('table') },
            { value: 'sla', label: t('devices.tabs.sla'), testId: testIds.devices.tab('sla') },
          ]}
        />
        {view === 'table' ? (
          <>
            <label className="c2-devices__search">
              <span className="c2-visually-hidden">{t('devices.search')}</span>
              <input
                type="search"
                value={f.text}
                onChange={(e) => f.setText(e.target.value)}
                placeholder={t('devices.searchPlaceholder')}
                aria-label={t('devices.search')}
                data-testid={testIds.devices.search}
              />
            </label>
            <div className="c2-devices__chips" role="group" aria-label={t('devices.column.kind')}>
              {deviceKindSchema.options.map((k) => (
                <ToggleChip
                  key={k}
                  pressed={f.kinds.has(k)}
                  onToggle={() => f.toggleKind(k)}
                  label={t(`devices.kind.${k}`)}
                  count={(all ?? []).filter((d) => d.kind === k).length}
                  formatCount={format}
                  testId={testIds.devices.kindFilter(k)}
                />
              ))}
            </div>
            <div className="c2-devices__chips" role="group" aria-label={t('devices.column.health')}>
              {deviceStateSchema.options.map((s) => (
                <ToggleChip
                  key={s}
                  pressed={f.states.has(s)}
                  onToggle={() => f.toggleState(s)}
                  label={t(`camera.state.${s}`)}
                  tone={CAMERA_STATE_TONE[s]}
                  count={counts[s]}
                  formatCount={format}
                  testId={testIds.devices.stateFilter(s)}
                />
              ))}
              <ToggleChip
                pressed={f.onlyFaulty}
                onToggle={() => f.setOnlyFaulty(!f.onlyFaulty)}
                label={t('devices.onlyFaulty')}
                tone="danger"
                count={counts.faulty}
                formatCount={format}
                testId={testIds.devices.faultyFilter}
              />
            </div>
            <span className="c2-devices__muted" data-testid={testIds.devices.shown} data-shown={shown.length}>
              {t('devices.shown', { shown: format(shown.length), total: format(all?.length ?? 0) })}
            </span>
          </>
        ) : null}
      </div>
      {view === 'sla' ? (
        <SlaReport />
      ) : (
        <div className={`c2-devices__body${selectedId ? ' c2-devices__body--split' : ''}`}>
          {devices.isError ? (
            <EmptyState title={t('devices.error')} tone="danger" />
          ) : !all ? (
            <Spinner label={t('app.loading')} />
          ) : shown.length === 0 ? (
            <EmptyState title={t('devices.empty')} />
          ) : (
            <DeviceTable
              devices={shown}
              selectedId={selectedId}
              onSelect={onSelect}
              sort={f.sort}
              onSort={f.sortBy}
            />
          )}
          {selectedId ? (
            <DeviceDetail
              key={selectedId}
              id={selectedId}
              canManage={canManage}
              onClose={() => onSelect(null)}
              onOpen={onSelect}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}
