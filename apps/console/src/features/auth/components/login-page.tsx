import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@c2/api-client/http/api-error';
import { Button } from '@c2/ui/components/button/button';
import { TextField } from '@c2/ui/components/text-field/text-field';
import { testIds } from '@c2/ui/test-ids';
import { useLogin } from '../api/session';
import './login-page.css';

function errorKey(error: unknown): { key: string; seconds?: number } {
  if (error instanceof ApiError) {
    if (error.status === 401) return { key: 'login.errors.unauthorized' };
    if (error.status === 429) {
      return { key: 'login.errors.rate_limited', seconds: Number(error.fields.retryAfter ?? 60) };
    }
    if (error.status === 400) return { key: 'login.errors.bad_request' };
    return { key: 'login.errors.unknown' };
  }
  return { key: 'login.errors.network' };
}

/** The sign-in form; on success the router takes the user where they were going. */
export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
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
