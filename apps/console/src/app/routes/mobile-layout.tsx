import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@c2/api-client/schemas/user';
import { Button } from '@c2/ui/components/button/button';
import { SegmentedControl } from '@c2/ui/components/segmented-control/segmented-control';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { StatusDot } from '@c2/ui/components/status-dot/status-dot';
import { testIds } from '@c2/ui/test-ids';
import { LANGUAGES, type Language } from '../i18n/i18n';
import { useConnectionState, useSignOut } from '../live-provider';
import './mobile-layout.css';

const TONE = { connecting: 'warn', live: 'ok', reconnecting: 'warn', offline: 'danger' } as const;

/**
 * The frame of pages made for a phone (the field view): one compact bar with who is signed in, the connection,
 * the language and logout; no desk navigation.
 */
export function MobileLayout({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const signOut = useSignOut();
  const live = useConnectionState();
  return (
    <div className="c2-mobile">
      <header className="c2-mobile__bar" data-testid={testIds.shell.header}>
        <span className="c2-mobile__emblem" aria-hidden="true" />
        <span className="c2-mobile__who">
          <span className="c2-mobile__name" data-testid={testIds.shell.userName}>
            {session.user.displayName}
          </span>
          <span className="c2-mobile__role" data-testid={testIds.shell.userRole}>
            <StatusDot tone={TONE[live.state]} label={t(`connection.${live.state}`)} size="sm" />
            {t(`role.${session.user.role}`)}
          </span>
        </span>
        <SegmentedControl<Language>
          label={t('language.label')}
          testId={testIds.shell.languageSwitch}
          value={i18n.language === 'en' ? 'en' : 'vi'}
          onChange={(lng) => void i18n.changeLanguage(lng)}
          options={LANGUAGES.map((lng) => ({
            value: lng,
            label: t(`language.${lng}`),
            ariaLabel: t(`language.${lng}Name`),
            lang: lng,
            testId: testIds.shell.language(lng),
          }))}
        />
        <Button variant="ghost" size="sm" onClick={signOut} data-testid={testIds.shell.logout}>
          {t('user.logout')}
        </Button>
      </header>
      <main id="c2-main" className="c2-mobile__main" data-testid={testIds.app.main}>
        <Suspense fallback={<Spinner label={t('app.loading')} testId={testIds.app.loading} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
