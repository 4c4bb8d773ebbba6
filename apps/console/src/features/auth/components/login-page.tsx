import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '@c2/api-client/http/api-error';
import { isSession, type EnrolLoginResult } from '@c2/api-client/schemas/auth';
import { Button } from '@c2/ui/components/button/button';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import {
  useConfirmLoginEnrolment,
  useFinishEnrolment,
  useLogin,
  useProviders,
  useStartLoginEnrolment,
  useVerifyMfa,
} from '../api/session';
import { MfaEnrolment, RecoveryCodes } from './mfa-enrolment';
import './login-page.css';

/** Error codes of the BFF that the login form explains in words; anything else is "could not sign in". */
const KNOWN_ERRORS = new Set([
  'unauthorized',
  'rate_limited',
  'bad_request',
  'account_locked',
  'invalid_code',
  'mfa_challenge_expired',
]);

function errorText(t: TFunction, error: unknown): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return t('login.errors.network');
  const key = `login.errors.${KNOWN_ERRORS.has(error.code) ? error.code : 'unknown'}`;
  return t(key, { seconds: Number(error.fields.retryAfter ?? 60) });
}

type Step = 'password' | 'totp' | 'enrol' | 'recovery';
export type SsoError = 'failed' | 'unknown' | 'unavailable';

/**
 * Sign-in: password, then — for accounts with a second factor — a code from the authenticator app (or a
 * recovery code); an account whose role requires MFA and has none enrols here before any session exists.
 */
export function LoginPage({
  onLoggedIn,
  notice = null,
  initialStep = 'password',
  ssoError = null,
  next = null,
}: {
  onLoggedIn: () => void;
  /** Why the user is back at the login page, when the server ended the session. */
  notice?: 'expired' | 'revoked' | null;
  /** Single sign-on came back asking for the second factor. */
  initialStep?: 'password' | 'totp' | 'enrol';
  ssoError?: SsoError | null;
  next?: string | null;
}) {
  const { t } = useTranslation();
  const providers = useProviders();
  const login = useLogin();
  const verify = useVerifyMfa();
  const startEnrolment = useStartLoginEnrolment();
  const confirmEnrolment = useConfirmLoginEnrolment();
  const finishEnrolment = useFinishEnrolment();
  const [step, setStep] = useState<Step>(initialStep);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [enrolled, setEnrolled] = useState<EnrolLoginResult | null>(null);

  const { mutate: start, reset: resetStart } = startEnrolment;
  useEffect(() => {
    if (step === 'enrol') start();
  }, [step, start]);

  function restart() {
    setStep('password');
    setCode('');
    resetStart();
    verify.reset();
    confirmEnrolment.reset();
  }

  function onPassword(e: FormEvent) {
    e.preventDefault();
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (result) => {
          if (isSession(result)) onLoggedIn();
          else setStep(result.mfa);
        },
      },
    );
  }

  function onCode(e: FormEvent) {
    e.preventDefault();
    verify.mutate(
      { code: code.trim() },
      {
        onSuccess: onLoggedIn,
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'mfa_challenge_expired') setStep('password');
        },
      },
    );
  }

  const ssoHref = `/api/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  const passwordError = errorText(t, login.error) ?? (ssoError ? t(`login.sso.${ssoError}`) : null);

  return (
    <main className="c2-login" data-testid={testIds.login.page}>
      <div className="c2-login__card">
        <h1 className="c2-login__title">{t('login.title')}</h1>
        <p className="c2-login__subtitle">{t(`login.subtitle${step === 'password' ? '' : `_${step}`}`)}</p>

        {step === 'password' && (
          <form className="c2-login__form" onSubmit={onPassword} data-testid={testIds.login.form} noValidate>
            <TextField
              label={t('login.username')}
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid={testIds.login.username}
            />
            <TextField
              label={t('login.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid={testIds.login.password}
            />
            {notice && !passwordError && (
              <p className="c2-login__notice" role="status" data-testid={testIds.login.notice}>
                {t(`login.ended.${notice}`)}
              </p>
            )}
            {passwordError && (
              <p className="c2-login__error" role="alert" data-testid={testIds.login.error}>
                {passwordError}
              </p>
            )}
            <Button
              type="submit"
              variant="primary"
              busy={login.isPending}
              disabled={login.isPending || username.trim() === '' || password === ''}
              data-testid={testIds.login.submit}
            >
              {login.isPending ? t('login.submitting') : t('login.submit')}
            </Button>
            {providers.data?.oidc && (
              <a className="c2-login__sso" href={ssoHref} data-testid={testIds.login.sso}>
                {t('login.sso.button', { label: providers.data.oidc.label })}
              </a>
            )}
          </form>
        )}

        {step === 'totp' && (
          <form className="c2-login__form" onSubmit={onCode} data-testid={testIds.login.codeStep} noValidate>
            <TextField
              label={t('login.code')}
              hint={t('login.codeHint')}
              name="one-time-code"
              autoComplete="one-time-code"
              autoFocus
              maxLength={24}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid={testIds.login.code}
            />
            {verify.error && (
              <p className="c2-login__error" role="alert" data-testid={testIds.login.error}>
                {errorText(t, verify.error)}
              </p>
            )}
            <Button
              type="submit"
              variant="primary"
              busy={verify.isPending}
              disabled={verify.isPending || code.trim().length < 6}
              data-testid={testIds.login.codeSubmit}
            >
              {t('login.verify')}
            </Button>
            <Button variant="ghost" onClick={restart} data-testid={testIds.login.back}>
              {t('login.back')}
            </Button>
          </form>
        )}

        {step === 'enrol' && (
          <>
            {startEnrolment.data ? (
              <MfaEnrolment
                enrolment={startEnrolment.data}
                busy={confirmEnrolment.isPending}
                error={errorText(t, confirmEnrolment.error)}
                onConfirm={(c) =>
                  confirmEnrolment.mutate(
                    { code: c },
                    {
                      onSuccess: (result) => {
                        setEnrolled(result);
                        setStep('recovery');
                      },
                    },
                  )
                }
              />
            ) : startEnrolment.error ? (
              <p className="c2-login__error" role="alert" data-testid={testIds.login.error}>
                {errorText(t, startEnrolment.error)}
              </p>
            ) : (
              <p className="c2-login__notice" role="status">
                {t('login.enrol.preparing')}
              </p>
            )}
            <Button variant="ghost" onClick={restart} data-testid={testIds.login.back}>
              {t('login.back')}
            </Button>
          </>
        )}

        {step === 'recovery' && enrolled && (
          <RecoveryCodes
            codes={enrolled.recoveryCodes}
            onDone={() => {
              finishEnrolment(enrolled);
              onLoggedIn();
            }}
          />
        )}
      </div>
    </main>
  );
}
