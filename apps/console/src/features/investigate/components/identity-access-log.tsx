import { useTranslation } from 'react-i18next';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { useAccessLog } from '../api/identity';
import './investigate-page.css';

/** The auditor's view of every registry lookup: who, which unit, why, about whom, which fields, when. */
export function IdentityAccessLog() {
  const { t, i18n } = useTranslation();
  const log = useAccessLog();
  return (
    <div className="c2-access-log">
      <Panel title={t('investigate.accessLog.title')} testId={testIds.investigate.accessLog}>
        <p className="c2-case__meta">{t('investigate.accessLog.hint')}</p>
        {!log.data ? (
          <Spinner label={t('app.loading')} />
        ) : log.data.length === 0 ? (
          <EmptyState title={t('investigate.accessLog.empty')} />
        ) : (
          <table className="c2-inv__table">
            <thead>
              <tr>
                <th>{t('investigate.accessLog.at')}</th>
                <th>{t('investigate.accessLog.user')}</th>
                <th>{t('investigate.accessLog.unit')}</th>
                <th>{t('investigate.accessLog.purpose')}</th>
                <th>{t('investigate.accessLog.subject')}</th>
                <th>{t('investigate.accessLog.fields')}</th>
                <th>{t('investigate.accessLog.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((a) => (
                <tr key={a.id} data-testid={testIds.investigate.accessLogRow} data-user={a.username}>
                  <td>{new Date(a.at).toLocaleString(i18n.language)}</td>
                  <td>
                    {a.username} ({t(`role.${a.role}`)})
                  </td>
                  <td>{a.unitId}</td>
                  <td>
                    <strong>{t(`investigate.identity.purposes.${a.purposeCode}`)}</strong>
                    <div className="c2-case__meta">{a.purposeDetail}</div>
                  </td>
                  <td className="c2-inv__plate-text">{a.subject}</td>
                  <td>{a.fields.map((f) => t(`investigate.identity.fields.${f}`)).join(', ')}</td>
                  <td>{t(`investigate.accessLog.outcomes.${a.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
