import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@c2/api-client/schemas/role';
import type { SessionInfo } from '@c2/api-client/schemas/user';
import { AppShell } from '@c2/ui/components/app-shell/app-shell';
import { Button } from '@c2/ui/components/button/button';
import { ConnectionIndicator } from '@c2/ui/components/connection-indicator/connection-indicator';
import { HeaderBar } from '@c2/ui/components/header-bar/header-bar';
import { NavTabs } from '@c2/ui/components/nav-tabs/nav-tabs';
import { SegmentedControl } from '@c2/ui/components/segmented-control/segmented-control';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { LANGUAGES, type Language } from '../i18n/i18n';
import { useConnectionState, useSignOut } from '../live-provider';

/**
 * The pages of the console and what a user needs to see them (`needs`, or any of `orAnyOf`); the BFF enforces,
 * this only hides. Pages of the `system` group (equipment, audit, administration) sit under one tab so the daily
 * pages keep the bar.
 */
export const PAGES: ReadonlyArray<{
  key: string;
  href: string;
  needs: Permission;
  orAnyOf?: Permission[];
  group?: 'system';
}> = [
  {
    key: 'dashboards',
    href: '/dashboards',
    needs: 'dashboard:strategic',
    orAnyOf: ['dashboard:operational', 'dashboard:analytical', 'dashboard:investigative'],
  },
  { key: 'overview', href: '/overview', needs: 'camera:view' },
  { key: 'map', href: '/map', needs: 'camera:view' },
  { key: 'wall', href: '/wall', needs: 'stream:open' },
  { key: 'alerts', href: '/alerts', needs: 'alert:view' },
  { key: 'violations', href: '/violations', needs: 'violation:view' },
  { key: 'investigate', href: '/investigate', needs: 'investigate:search' },
  { key: 'incidents', href: '/incidents', needs: 'incident:view' },
  { key: 'dispatch', href: '/dispatch', needs: 'unit:view' },
  { key: 'events', href: '/events', needs: 'event:view' },
  { key: 'field', href: '/field', needs: 'field:respond' },
  { key: 'devices', href: '/devices', needs: 'device:view', group: 'system' },
  { key: 'audit', href: '/audit', needs: 'audit:view', group: 'system' },
  { key: 'identityLog', href: '/identity-log', needs: 'audit:view', group: 'system' },
  { key: 'alertAdmin', href: '/admin/alerts', needs: 'alert:configure', group: 'system' },
  { key: 'deadLetters', href: '/admin/dead-letters', needs: 'system:configure', group: 'system' },
  { key: 'admin', href: '/admin', needs: 'user:manage', group: 'system' },
];

export function AppLayout({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useSignOut();
  const live = useConnectionState();
  const allowed = PAGES.filter(
    (p) => session.permissions.includes(p.needs) || p.orAnyOf?.some((q) => session.permissions.includes(q)),
  );
  // The longest matching page is the current one (/admin/alerts is not /admin).
  const current = allowed
    .filter((p) => location.pathname.startsWith(p.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.key;
  const navItem = (p: (typeof PAGES)[number]) => ({
    key: p.key,
    label: t(`nav.${p.key}`),
    href: p.href,
    active: p.key === current,
    testId: testIds.shell.nav(p.key),
  });

  return (
    <AppShell
      skipToContentLabel={t('app.skipToContent')}
      testIds={{ skipLink: testIds.app.skipLink, main: testIds.app.main }}
      header={
        <HeaderBar
          title={t('app.title')}
          shortTitle={t('app.shortTitle')}
          testIds={{ header: testIds.shell.header, title: testIds.shell.title }}
          nav={
            <NavTabs
              label={t('nav.label')}
              testId={testIds.shell.navigation}
              onNavigate={(href) => void navigate(href)}
              items={allowed.filter((p) => !p.group).map(navItem)}
              group={{
                label: t('nav.system'),
                moreLabel: t('nav.more'),
                items: allowed.filter((p) => p.group === 'system').map(navItem),
                testId: testIds.shell.nav('system'),
              }}
            />
          }
          actions={
            <>
              <ConnectionIndicator
                state={live.state}
                label={t(`connection.${live.state}`)}
                detail={live.lastSeq === null ? undefined : t('connection.detail', { seq: live.lastSeq })}
                testId={testIds.shell.connection}
              />
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
              <div className="c2-user" data-testid={testIds.shell.userMenu}>
                <a
                  className="c2-user__name"
                  href="/account"
                  title={t('user.account')}
                  onClick={(e) => {
                    e.preventDefault();
                    void navigate('/account');
                  }}
                  data-testid={testIds.shell.account}
                >
                  <span data-testid={testIds.shell.userName}>{session.user.displayName}</span>
                </a>
                <span className="c2-user__role" data-testid={testIds.shell.userRole}>
                  {t(`role.${session.user.role}`)}
                </span>
              </div>
              <Button variant="secondary" size="sm" onClick={signOut} data-testid={testIds.shell.logout}>
                {t('user.logout')}
              </Button>
            </>
          }
        />
      }
    >
      <Suspense fallback={<Spinner label={t('app.loading')} testId={testIds.app.loading} />}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}
