import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '@c2/api-client/schemas/camera';
import { familyOf, type AnalyticsEvent } from '@c2/api-client/schemas/event';
import { Button } from '@c2/ui/components/button/button';
import { testIds } from '@c2/ui/test-ids';

export const SEVERITY_TONE = { info: 'neutral', minor: 'info', major: 'warn', critical: 'danger' } as const;

export interface EventRowProps {
  event: AnalyticsEvent;
  camera: Camera | undefined;
  /** Arrived in the last few seconds: drawn with a brief highlight. */
  fresh: boolean;
  onOpenOnWall: (cameraId: string) => void;
  onShowOnMap: (cameraId: string) => void;
}

/** One event of the feed. Memoized: a new event re-renders its own row, not the thousand others. */
export const EventRow = memo(function EventRow({
  event,
  camera,
  fresh,
  onOpenOnWall,
  onShowOnMap,
}: EventRowProps) {
  const { t, i18n } = useTranslation();
  const time = new Date(event.ts);
  return (
    <div
      className={`c2-feed-row c2-feed-row--${SEVERITY_TONE[event.severity]}${fresh ? ' c2-feed-row--fresh' : ''}`}
      data-testid={testIds.events.row}
      data-event-id={event.id}
      data-severity={event.severity}
      data-type={event.type}
    >
      <span className="c2-feed-row__thumb" aria-hidden="true">
        {event.snapshot ? (
          <img src={`/api/events/${encodeURIComponent(event.id)}/snapshot`} alt="" loading="lazy" />
        ) : (
          <span className="c2-feed-row__thumb-empty">{t(`events.family.${familyOf(event.type)}`)}</span>
        )}
      </span>
      <time className="c2-feed-row__time" dateTime={event.ts} title={time.toLocaleString(i18n.language)}>
        {time.toLocaleTimeString(i18n.language, { hour12: false })}
      </time>
      <span className="c2-feed-row__severity">{t(`event.severity.${event.severity}`)}</span>
      <span className="c2-feed-row__type">{t(`event.type.${event.type}`)}</span>
      <span className="c2-feed-row__where" title={camera?.name ?? event.cameraId}>
        <span className="c2-feed-row__camera">{camera?.name ?? event.cameraId}</span>
        <span className="c2-feed-row__area">{camera?.areaName ?? event.areaId}</span>
      </span>
      <span className="c2-feed-row__plate">{event.plate ?? ''}</span>
      <span className="c2-feed-row__flags">
        {event.delayed ? (
          <span
            className="c2-feed-row__delayed"
            title={t('events.delayedHint', {
              received: new Date(event.receivedAt).toLocaleString(i18n.language),
            })}
            data-testid={testIds.events.delayed}
          >
            {t('events.delayed')}
          </span>
        ) : null}
      </span>
      <span className="c2-feed-row__actions">
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onOpenOnWall(event.cameraId)}
          data-testid={testIds.events.openOnWall}
        >
          {t('events.openOnWall')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onShowOnMap(event.cameraId)}
          data-testid={testIds.events.showOnMap}
        >
          {t('events.showOnMap')}
        </Button>
      </span>
    </div>
  );
});
