import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@c2/api-client/http/api-error';
import { Button } from '@c2/ui/components/button/button';
import { DescriptionList } from '@c2/ui/components/description-list/description-list';
import { Panel } from '@c2/ui/components/panel/panel';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import {
  useConfirmEnrolment,
  useMfaStatus,
  useRegenerateRecoveryCodes,
  useRevokeSession,
  useSessions,
  useStartEnrolment,
} from '../api/account';
import { MfaEnrolment, RecoveryCodes } from './mfa-enrolment';
import './account-page.css';

const when = (iso: string | null, lng: string) => (iso ? new Date(iso).toLocaleString(lng) : '—');

/** What a user does to their own sign-in: the second factor, recovery codes, and where they are signed in. */
export function AccountPage({ idleMinutes }: { idleMinutes: number | undefined }) {
  const { t, i18n } = useTranslation();
  const status = useMfaStatus();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const regenerate = useRegenerateRecoveryCodes();
  const [current, setCurrent] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);

  const failure = (e: unknown) =>
    e instanceof ApiError
      ? t(`login.errors.${e.code === 'bad_request' ? 'invalid_code' : e.code}`, { seconds: 60 })
      : null;

  return (
    <div className="c2-account" data-testid={testIds.account.page}>
      <h1 className="c2-account__title">{t('account.title')}</h1>
      <Panel title={t('account.mfa.title')} testId={testIds.account.mfaStatus}>
        {status.data ? (
          <>
            <DescriptionList
              items={[
                {
                  key: 'state',
                  term: t('account.mfa.title'),
                  detail: status.data.enrolled ? t('account.mfa.enrolled') : t('account.mfa.notEnrolled'),
                },
                {
                  key: 'required',
                  term: '',
                  detail: status.data.required ? t('account.mfa.required') : t('account.mfa.optional'),
                },
                {
                  key: 'since',
                  term: t('account.mfa.since'),
                  detail: when(status.data.enrolledAt, i18n.language),
                },
                {
                  key: 'left',
                  term: t('account.mfa.recoveryLeft'),
                  detail: String(status.data.recoveryCodesLeft),
                },
              ]}
            />
            {codes ? (
              <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
            ) : start.data ? (
              <MfaEnrolment
                enrolment={start.data}
                busy={confirm.isPending}
                error={confirm.error ? failure(confirm.error) : null}
                onConfirm={(code) =>
                  confirm.mutate(
                    { code },
                    {
                      onSuccess: (r) => {
                        start.reset();
                        setCurrent('');
                        setCodes(r.recoveryCodes);
                      },
                    },
                  )
                }
              />
            ) : (
              <div className="c2-account__actions">
                {status.data.enrolled && (
                  <TextField
                    label={t('account.mfa.currentCode')}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    value={current}
                    onChange={(e) => setCurrent(e.target.value)}
                    error={failure(start.error ?? regenerate.error)}
                    data-testid={testIds.account.currentCode}
                  />
                )}
                <div className="c2-account__buttons">
                  <Button
                    variant="primary"
                    busy={start.isPending}
                    disabled={status.data.enrolled && current.trim().length < 6}
                    onClick={() => start.mutate(status.data.enrolled ? current.trim() : undefined)}
                    data-testid={testIds.account.reenrol}
                  >
                    {status.data.enrolled ? t('account.mfa.reenrol') : t('account.mfa.enrol')}
                  </Button>
                  {status.data.enrolled && (
                    <Button
                      busy={regenerate.isPending}
                      disabled={current.trim().length < 6}
                      onClick={() =>
                        regenerate.mutate(current.trim(), {
                          onSuccess: (r) => {
                            setCurrent('');
                            setCodes(r.recoveryCodes);
                          },
                        })
                      }
                    >
                      {t('account.mfa.regenerate')}
                    </Button>
                  )}
                </div>
              </div>
            )}
          </>
        ) : (
          <Spinner label={t('app.loading')} />
        )}
      </Panel>

      <Panel title={t('account.sessions.title')} testId={testIds.account.sessions}>
        {idleMinutes ? (
          <p className="c2-account__note">{t('account.sessions.idle', { minutes: idleMinutes })}</p>
        ) : null}
        {sessions.data ? (
          <table className="c2-account__table">
            <thead>
              <tr>
                <th scope="col">{t('account.sessions.device')}</th>
                <th scope="col">{t('account.sessions.ip')}</th>
                <th scope="col">{t('account.sessions.method')}</th>
                <th scope="col">{t('account.sessions.started')}</th>
                <th scope="col">{t('account.sessions.lastSeen')}</th>
                <th scope="col">
                  <span className="c2-visually-hidden">{t('account.sessions.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.id} data-testid={testIds.account.session} data-current={s.current}>
                  <td className="c2-account__agent" title={s.userAgent ?? ''}>
                    {s.userAgent ?? '—'}
                  </td>
                  <td>{s.ip ?? '—'}</td>
                  <td>{t(`account.sessions.${s.method}`)}</td>
                  <td>{when(s.createdAt, i18n.language)}</td>
                  <td>{when(s.lastSeenAt, i18n.language)}</td>
                  <td>
                    {s.current ? (
                      <span className="c2-account__current">{t('account.sessions.current')}</span>
                    ) : (
                      <Button
                        size="sm"
                        variant="danger"
                        busy={revoke.isPending && revoke.variables === s.id}
                        onClick={() => revoke.mutate(s.id)}
                        data-testid={testIds.account.revokeSession}
                      >
                        {t('account.sessions.revoke')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Spinner label={t('app.loading')} />
        )}
      </Panel>
    </div>
  );
}
