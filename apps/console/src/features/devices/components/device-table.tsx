import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Device, MetricKey } from '@c2/api-client/schemas/device';
import { StatusDot } from '@c2/ui/components/status-dot/status-dot';
import { testIds } from '@c2/ui/test-ids';
import type { Sort, SortKey } from './device-table-model';
import { formatMetric } from './format-metric';
import { CAMERA_STATE_TONE } from '../../../lib/camera-state';

const ROW_HEIGHT = 36;

type Column = { key: SortKey | 'faults'; metric?: MetricKey; numeric?: boolean };
const COLUMNS: readonly Column[] = [
  { key: 'health' },
  { key: 'code' },
  { key: 'name' },
  { key: 'kind' },
  { key: 'area' },
  { key: 'faults' },
  { key: 'cpuPct', metric: 'cpuPct', numeric: true },
  { key: 'tempC', metric: 'tempC', numeric: true },
  { key: 'storagePct', metric: 'storagePct', numeric: true },
  { key: 'latencyMs', metric: 'latencyMs', numeric: true },
  { key: 'lossPct', metric: 'lossPct', numeric: true },
  { key: 'bitrateKbps', metric: 'bitrateKbps', numeric: true },
  { key: 'fps', metric: 'fps', numeric: true },
];

export interface DeviceTableProps {
  devices: readonly Device[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  sort: Sort;
  onSort: (key: SortKey) => void;
}

/**
 * The devices table: only the rows in view are in the DOM (TanStack Virtual), so 10,000 devices scroll like 50.
 * A div grid with table roles, since absolutely positioned rows cannot live in a `<table>`.
 */
export function DeviceTable({ devices, selectedId, onSelect, sort, onSort }: DeviceTableProps) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: devices.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  function onRowKey(e: KeyboardEvent<HTMLDivElement>, index: number): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(devices[index]!.id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(devices.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)));
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() =>
        scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
      );
    }
  }

  return (
    <div
      className="c2-devices__table"
      role="table"
      aria-label={t('devices.tabs.table')}
      aria-rowcount={devices.length + 1}
      data-testid={testIds.devices.table}
    >
      <div className="c2-devices__row c2-devices__row--head" role="row" aria-rowindex={1}>
        {COLUMNS.map((c) => {
          const sortable = c.key !== 'faults';
          const active = sortable && sort.key === c.key;
          return (
            <div
              key={c.key}
              role="columnheader"
              className={`c2-devices__cell${c.numeric ? ' c2-devices__cell--num' : ''}`}
              aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {sortable ? (
                <button
                  type="button"
                  className="c2-devices__sort"
                  onClick={() => onSort(c.key as SortKey)}
                  data-testid={testIds.devices.sort(c.key)}
                  title={t('devices.sortHint')}
                >
                  {t(`devices.column.${c.key}`)}
                  <span aria-hidden="true" className="c2-devices__sort-mark">
                    {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                t(`devices.column.${c.key}`)
              )}
            </div>
          );
        })}
      </div>
      <div className="c2-devices__scroll" ref={scroller}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {virtualizer.getVirtualItems().map((item) => {
            const d = devices[item.index]!;
            const selected = d.id === selectedId;
            return (
              <div
                key={d.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                tabIndex={0}
                data-index={item.index}
                data-testid={testIds.devices.row}
                data-device-id={d.id}
                data-state={d.state}
                data-faults={d.faults.join(' ')}
                className={`c2-devices__row${selected ? ' c2-devices__row--selected' : ''}${d.faults.length > 0 ? ' c2-devices__row--faulty' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onSelect(d.id)}
                onKeyDown={(e) => onRowKey(e, item.index)}
              >
                <div role="cell" className="c2-devices__cell c2-devices__state">
                  <StatusDot tone={CAMERA_STATE_TONE[d.state]} size="sm" />
                  {t(`camera.state.${d.state}`)}
                </div>
                <div role="cell" className="c2-devices__cell c2-devices__code">
                  {d.code}
                </div>
                <div role="cell" className="c2-devices__cell" title={d.name}>
                  {d.name}
                </div>
                <div role="cell" className="c2-devices__cell">
                  {t(`devices.kind.${d.kind}`)}
                </div>
                <div role="cell" className="c2-devices__cell" title={d.areaName ?? undefined}>
                  {d.areaName ?? t('devices.none')}
                </div>
                <div
                  role="cell"
                  className="c2-devices__cell c2-devices__faults"
                  title={d.faults.map((f) => t(`devices.fault.${f}`)).join(', ')}
                >
                  {d.faults.length === 0 ? (
                    ''
                  ) : (
                    <>
                      <span className="c2-devices__fault-chip">{t(`devices.fault.${d.faults[0]}`)}</span>
                      {d.faults.length > 1 ? (
                        <span className="c2-devices__more">+{d.faults.length - 1}</span>
                      ) : null}
                    </>
                  )}
                </div>
                {COLUMNS.filter((c) => c.metric).map((c) => (
                  <div key={c.key} role="cell" className="c2-devices__cell c2-devices__cell--num">
                    {formatMetric(t, i18n.language, c.metric!, d.metrics[c.metric!])}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
