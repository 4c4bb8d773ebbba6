import { useTranslation } from 'react-i18next';
import { queryKeys } from '@c2/api-client/query-keys';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { testIds } from '@c2/ui/test-ids';
import { api } from '../../../../lib/api';
import { useAdminMutation, useOutbox } from '../../api/alert-admin-queries';

/**
 * Every notification the center sent or is trying to send: channel and the way it went (SMTP, SMS gateway, Zalo
 * ZNS, in the console, or the local outbox in embedded mode), recipient, text, delivery status and attempts.
 */
export function OutboxView() {
  const { t, i18n } = useTranslation();
  const outbox = useOutbox();
  const retry = useAdminMutation((id: number) => api.alertAdmin.retry(id), [queryKeys.alertAdmin.outbox()]);
  const fmt = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language);
  // The BFF records why a message was sent in a fixed form; shown in the reader's language.
  const why = (reason: string) => {
    const level = /level (\d+)$/.exec(reason)?.[1];
    if (reason.startsWith('manual escalation')) return t('alerts.admin.outbox.why.manual', { level });
    if (reason.startsWith('escalation level')) return t('alerts.admin.outbox.why.escalation', { level });
    if (reason === 'assigned') return t('alerts.admin.outbox.why.assigned');
    if (reason === 'required SOP step skipped') return t('alerts.admin.outbox.why.sopSkip');
    return reason;
  };
  return (
    <Panel
      title={t('alerts.admin.outbox.title')}
      className="c2-admin-wide"
      testId={testIds.alertAdmin.outbox}
    >
      {outbox.data && outbox.data.length === 0 ? <EmptyState title={t('alerts.admin.outbox.empty')} /> : null}
      <table className="c2-admin-table c2-admin-outbox">
        <thead>
          <tr>
            <th>{t('alerts.admin.outbox.time')}</th>
            <th>{t('alerts.admin.outbox.channel')}</th>
            <th>{t('alerts.admin.outbox.recipient')}</th>
            <th>{t('alerts.admin.outbox.message')}</th>
            <th>{t('alerts.admin.outbox.status')}</th>
            <th>{t('alerts.admin.outbox.attempts')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(outbox.data ?? []).map((m) => (
            <tr
              key={m.id}
              data-testid={testIds.alertAdmin.outboxRow}
              data-channel={m.channel}
              data-status={m.status}
              data-alert-id={m.alertId ?? ''}
            >
              <td>{fmt(m.createdAt)}</td>
              <td>
                {t(`alerts.channel.${m.channel}`)}
                <small className="c2-admin-muted"> · {m.transport}</small>
              </td>
              <td>
                {m.recipientName}
                {m.address ? <small className="c2-admin-muted"> · {m.address}</small> : null}
              </td>
              <td>
                <strong>{m.subject}</strong>
                <small className="c2-admin-muted" title={m.body}>
                  {' '}
                  · {why(m.reason)}
                </small>
                {m.lastError ? <small className="c2-admin-err"> · {m.lastError}</small> : null}
              </td>
              <td>
                <span className={`c2-delivery c2-delivery--${m.status}`}>
                  {t(`alerts.admin.outbox.state.${m.status}`)}
                </span>
              </td>
              <td>{m.attempts}</td>
              <td>
                {m.status === 'failed' || m.status === 'dead' ? (
                  <Button
                    size="sm"
                    onClick={() => retry.mutate(m.id)}
                    data-testid={testIds.alertAdmin.retry(m.id)}
                  >
                    {t('alerts.admin.outbox.retry')}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
