import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { deviceKindSchema, type DeviceKind } from '@c2/api-client/schemas/device';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { slaCsvUrl, useSla } from '../api/get-sla';

/** Today in the province (UTC+7), as YYYY-MM-DD. */
function provinceDay(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const tone = (v: number | null) => (v === null ? 'none' : v >= 99 ? 'ok' : v >= 95 ? 'warn' : 'danger');

/**
 * Availability per device per day over a range (at most 31 days), the share of monitored time each device was
 * reachable; exportable as CSV for the maintenance contract's monthly review.
 */
export function SlaReport() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(() => provinceDay(-6));
  const [to, setTo] = useState(() => provinceDay());
  const [kind, setKind] = useState<DeviceKind | null>(null);
  const valid = from <= to && (Date.parse(to) - Date.parse(from)) / 86_400_000 < 31;
  const report = useSla(valid ? from : to, to, kind);
  const rows = report.data?.rows ?? [];
  const days = report.data?.days ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 32,
    overscan: 10,
  });
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const columns = `7.5rem minmax(12rem, 1.5fr) 7rem minmax(8rem, 1fr) repeat(${days.length}, 4.6rem) 5.5rem 6.5rem`;
  const shortDay = (d: string) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString(i18n.language, {
      day: '2-digit',
      month: '2-digit',
      timeZone: 'UTC',
    });

  return (
    <section className="c2-devices__sla" data-testid={testIds.devices.sla} aria-label={t('devices.tabs.sla')}>
      <div className="c2-devices__toolbar">
        <label className="c2-devices__field">
          {t('devices.sla.from')}
          <input
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom(e.target.value)}
            data-testid={testIds.devices.slaFrom}
          />
        </label>
        <label className="c2-devices__field">
          {t('devices.sla.to')}
          <input
            type="date"
            value={to}
            min={from}
            onChange={(e) => setTo(e.target.value)}
            data-testid={testIds.devices.slaTo}
          />
        </label>
        <label className="c2-devices__field">
          {t('devices.sla.kind')}
          <select
            value={kind ?? ''}
            onChange={(e) => setKind(e.target.value ? deviceKindSchema.parse(e.target.value) : null)}
          >
            <option value="">{t('devices.sla.allKinds')}</option>
            {deviceKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {t(`devices.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <a
          className="c2-button c2-button--secondary c2-button--sm"
          href={slaCsvUrl(from, to, kind, lang)}
          download={`sla-${from}-${to}.csv`}
          data-testid={testIds.devices.slaExport}
          aria-disabled={!valid}
        >
          {t('devices.sla.export')}
        </a>
        <p className="c2-devices__muted c2-devices__note">{t('devices.sla.note')}</p>
      </div>
      {report.isError ? (
        <EmptyState title={t('devices.sla.error')} tone="danger" />
      ) : report.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('devices.sla.empty')} />
      ) : (
        <div className="c2-devices__table" role="table" aria-rowcount={rows.length + 1}>
          <div
            className="c2-devices__row c2-devices__row--head"
            role="row"
            style={{ gridTemplateColumns: columns }}
          >
            <div role="columnheader" className="c2-devices__cell">
              {t('devices.column.code')}
            </div>
            <div role="columnheader" className="c2-devices__cell">
              {t('devices.column.name')}
            </div>
            <div role="columnheader" className="c2-devices__cell">
              {t('devices.column.kind')}
            </div>
            <div role="columnheader" className="c2-devices__cell">
              {t('devices.column.area')}
            </div>
            {days.map((d) => (
              <div key={d} role="columnheader" className="c2-devices__cell c2-devices__cell--num">
                {shortDay(d)}
              </div>
            ))}
            <div role="columnheader" className="c2-devices__cell c2-devices__cell--num">
              {t('devices.sla.overall')}
            </div>
            <div role="columnheader" className="c2-devices__cell c2-devices__cell--num">
              {t('devices.sla.downtime')}
            </div>
          </div>
          <div className="c2-devices__scroll" ref={scroller}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
              {virtualizer.getVirtualItems().map((item) => {
                const r = rows[item.index]!;
                return (
                  <div
                    key={r.deviceId}
                    role="row"
                    className="c2-devices__row"
                    data-testid={testIds.devices.slaRow}
                    data-device-id={r.deviceId}
                    data-overall={r.overall ?? ''}
                    style={{
                      transform: `translateY(${item.start}px)`,
                      height: 32,
                      gridTemplateColumns: columns,
                    }}
                  >
                    <div role="cell" className="c2-devices__cell c2-devices__code">
                      {r.code}
                    </div>
                    <div role="cell" className="c2-devices__cell" title={r.name}>
                      {r.name}
                    </div>
                    <div role="cell" className="c2-devices__cell">
                      {t(`devices.kind.${r.kind}`)}
                    </div>
                    <div role="cell" className="c2-devices__cell">
                      {r.areaName ?? t('devices.none')}
                    </div>
                    {r.days.map((v, i) => (
                      <div
                        key={days[i]}
                        role="cell"
                        className={`c2-devices__cell c2-devices__cell--num c2-devices__sla--${tone(v)}`}
                      >
                        {v === null
                          ? ''
                          : `${v.toLocaleString(i18n.language, { maximumFractionDigits: 2 })}%`}
                      </div>
                    ))}
                    <div
                      role="cell"
                      className={`c2-devices__cell c2-devices__cell--num c2-devices__sla--${tone(r.overall)}`}
                    >
                      {r.overall === null
                        ? ''
                        : `${r.overall.toLocaleString(i18n.language, { maximumFractionDigits: 2 })}%`}
                    </div>
                    <div role="cell" className="c2-devices__cell c2-devices__cell--num">
                      {t('devices.sla.minutes', {
                        v: Math.round(r.downSeconds / 60).toLocaleString(i18n.language),
                      })}
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
