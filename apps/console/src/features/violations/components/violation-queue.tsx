import { useTranslation } from 'react-i18next';
import type { Violation, ViolationStatus, ViolationType } from '@c2/api-client/schemas/violation';
import { violationStatusSchema, violationTypeSchema } from '@c2/api-client/schemas/violation';
import type { ViolationCounts } from '@c2/api-client/schemas/violation';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { SignatureBadge } from './signature-badge';

export interface ViolationQueueProps {
  /** Undefined: every status (a dashboard drill-down). */
  status: ViolationStatus | undefined;
  type: ViolationType | undefined;
  counts: ViolationCounts | undefined;
  items: readonly Violation[] | undefined;
  loading: boolean;
  hasMore: boolean;
  selectedId: string | null;
  onStatus: (status: ViolationStatus) => void;
  onType: (type: ViolationType | undefined) => void;
  onSelect: (id: string) => void;
  onMore: () => void;
}

/** Status tabs with counts, a type filter and the queue itself, newest first. */
export function ViolationQueue(props: ViolationQueueProps) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      day: '2-digit',
      month: '2-digit',
    });
  return (
    <section className="c2-vq" aria-label={t('violations.queue')}>
      <div className="c2-vq__tabs" role="tablist" aria-label={t('violations.queue')}>
        {violationStatusSchema.options.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={props.status === s}
            className="c2-vq__tab"
            data-testid={testIds.violations.statusTab(s)}
            data-count={props.counts?.[s] ?? 0}
            onClick={() => props.onStatus(s)}
          >
            <span>{t(`violations.status.${s}`)}</span>
            <span className="c2-vq__count">{(props.counts?.[s] ?? 0).toLocaleString(i18n.language)}</span>
          </button>
        ))}
      </div>
      <label className="c2-vq__filter">
        <span className="c2-visually-hidden">{t('violations.typeFilter')}</span>
        <select
          value={props.type ?? ''}
          data-testid={testIds.violations.typeFilter}
          onChange={(e) => props.onType(e.target.value ? (e.target.value as ViolationType) : undefined)}
        >
          <option value="">{t('violations.allTypes')}</option>
          {violationTypeSchema.options.map((ty) => (
            <option key={ty} value={ty}>
              {t(`event.type.${ty}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="c2-vq__list" data-testid={testIds.violations.queue} role="tabpanel">
        {props.loading && !props.items ? (
          <Spinner label={t('app.loading')} />
        ) : props.items && props.items.length > 0 ? (
          <ol className="c2-vq__items">
            {props.items.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className="c2-vq__item"
                  aria-current={props.selectedId === v.id ? 'true' : undefined}
                  data-testid={testIds.violations.item}
                  data-id={v.id}
                  data-status={v.status}
                  onClick={() => props.onSelect(v.id)}
                >
                  <span className="c2-vq__plate">{v.plate}</span>
                  <span className="c2-vq__type">{t(`event.type.${v.type}`)}</span>
                  <SignatureBadge check={v.signature} compact />
                  <span className="c2-vq__where">{v.cameraName}</span>
                  <time className="c2-vq__time" dateTime={v.ts}>
                    {time(v.ts)}
                  </time>
                  {v.speedKmh !== null && (
                    <span className="c2-vq__speed">
                      {v.speedKmh}/{v.limitKmh} km/h
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState title={t('violations.empty')} testId={testIds.violations.empty} />
        )}
        {props.hasMore && (
          <Button variant="ghost" size="sm" onClick={props.onMore} data-testid={testIds.violations.loadMore}>
            {t('violations.loadMore')}
          </Button>
        )}
      </div>
    </section>
  );
}
