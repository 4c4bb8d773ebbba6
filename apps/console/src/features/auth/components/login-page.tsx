import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@c2/api-client/http/api-error';
import { Button } from '@c2/ui/components/button/button';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import { useLogin } from '../api/session';
import './login-page.css';

/** Error codes of the BFF that the login form explains in words; anything else is "could not sign in". */
const KNOWN_ERRORS = new Set(['unauthorized', 'rate_limited', 'bad_request']);

function errorKey(error: unknown): { key: string; seconds?: number } {
  if (!(error instanceof ApiError)) return { key: 'login.errors.network' };
  const key = `login.errors.${KNOWN_ERRORS.has(error.code) ? error.code : 'unknown'}`;
  return error.code === 'rate_limited' ? { key, seconds: Number(error.fields.retryAfter ?? 60) } : { key };
}

/** The sign-in form; on success the router takes the user where they were going. */
export function LoginPage({
  onLoggedIn,
  notice = null,
}: {
  onLoggedIn: () => void;
  /** Why the user is back at the login page, when the server ended the session. */
  notice?: 'expired' | 'revoked' | null;
}) {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    login.mutate({ username: username.trim(), password }, { onSuccess: onLoggedIn });
  }

  const error = login.error ? errorKey(login.error) : null;
  return (
    <main className="c2-login" data-testid={testIds.login.page}>
      <form className="c2-login__card" onSubmit={onSubmit} data-testid={testIds.login.form} noValidate>
        <h1 className="c2-login__title">{t('login.title')}</h1>
        <p className="c2-login__subtitle">{t('login.subtitle')}</p>
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
        {notice && !error && (
          <p className="c2-login__notice" role="status" data-testid={testIds.login.notice}>
            {t(`login.ended.${notice}`)}
          </p>
        )}
        {error && (
          <p className="c2-login__error" role="alert" data-testid={testIds.login.error}>
            {t(error.key, { seconds: error.seconds })}
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
      </form>
    </main>
  );
}
