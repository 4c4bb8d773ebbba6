import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UNTAKEN_STATUSES, type Alert } from '@c2/api-client/schemas/alert';
import { testIds } from '@c2/ui/test-ids';
import { clock } from './alert-format';
import { SlaCountdown } from './sla-countdown';

export interface AlertQueueProps {
  alerts: readonly Alert[];
  cursor: string | null;
  openId: string | null;
  now: number;
  label: string;
  onCursor: (id: string) => void;
  onOpen: (id: string) => void;
}

/**
 * The queue: a listbox, most urgent and longest waiting first. The cursor (keyboard or pointer) is the active
 * option; opening shows the alert beside the queue. Rows carry their state as data attributes for tests.
 */
export function AlertQueue({ alerts, cursor, openId, now, label, onCursor, onOpen }: AlertQueueProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!cursor) return;
    list.current
      ?.querySelector(`[data-alert-id="${CSS.escape(cursor)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  return (
    <ul
      ref={list}
      className="c2-alert-queue"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={cursor ? `alert-row-${cursor}` : undefined}
      data-testid={testIds.alerts.queue}
    >
      {alerts.map((a) => (
        <li
          key={a.id}
          id={`alert-row-${a.id}`}
          role="option"
          aria-selected={a.id === cursor}
          className={[
            'c2-alert-row',
            `c2-alert-row--${a.priority}`,
            a.id === cursor ? 'c2-alert-row--cursor' : '',
            a.id === openId ? 'c2-alert-row--open' : '',
            UNTAKEN_STATUSES.includes(a.status) ? 'c2-alert-row--unacked' : '',
          ].join(' ')}
          data-testid={testIds.alerts.row}
          data-alert-id={a.id}
          data-camera-id={a.cameraId ?? ''}
          data-priority={a.priority}
          data-status={a.status}
          data-level={a.escalationLevel}
          data-active={a.id === cursor}
          onClick={() => {
            onCursor(a.id);
            onOpen(a.id);
          }}
        >
          <span className={`c2-prio c2-prio--${a.priority}`}>{a.priority}</span>
          <span className="c2-alert-row__what">
            <strong>{t(`event.type.${a.type}`)}</strong>
            <span className="c2-alert-row__where">{a.cameraName ?? a.cameraId}</span>
          </span>
          <span className={`c2-alert-status c2-alert-status--${a.status}`}>
            {t(`alerts.status.${a.status}`)}
            {a.escalationLevel > 1 ? ` · ${t('alerts.level', { level: a.escalationLevel })}` : ''}
          </span>
          <span className="c2-alert-row__count" title={t('alerts.count')}>
            {a.count > 1 ? `×${a.count}` : ''}
          </span>
          <SlaCountdown deadline={a.slaDeadline} now={now} compact />
          <span className="c2-alert-row__age" title={t('alerts.age')}>
            {clock(now - Date.parse(a.createdAt))}
          </span>
          <span className="c2-alert-row__who">{a.assigneeName ?? a.acknowledgedBy ?? ''}</span>
        </li>
      ))}
    </ul>
  );
}
