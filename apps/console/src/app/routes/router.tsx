import { useEffect } from 'react';
import { Navigate, createBrowserRouter, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '@c2/api-client/query-keys';
import type { SessionInfo } from '@c2/api-client/schemas/user';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { useSession } from '../../features/auth/api/session';
import { LoginPage } from '../../features/auth/components/login-page';
import { onUnauthorized } from '../../lib/api';
import { LiveProvider } from '../live-provider';
import { AppLayout } from './app-layout';

/** Where a role lands after login: the map for those who watch and dispatch, the overview for the rest. */
function homeOf(session: SessionInfo): string {
  return session.user.role === 'operator' || session.user.role === 'dispatcher' ? '/map' : '/overview';
}

/** Sends the user to the login page on any 401 or ended session, remembering where they were. */
function useSessionEnd(): () => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  return () => {
    queryClient.clear();
    const next = location.pathname === '/login' ? '' : `?next=${encodeURIComponent(location.pathname)}`;
    void navigate(`/login${next}`, { replace: true });
  };
}

function Protected() {
  const { t } = useTranslation();
  const session = useSession();
  const end = useSessionEnd();
  useEffect(() => onUnauthorized(end), [end]);
  const location = useLocation();
  if (session.isPending) return <Spinner label={t('app.loading')} testId={testIds.app.loading} />;
  if (session.isError)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  return (
    <LiveProvider key={session.data.user.id} onSessionEnded={end}>
      <AppLayout session={session.data} />
    </LiveProvider>
  );
}

function Home() {
  const session = useSession();
  return session.data ? <Navigate to={homeOf(session.data)} replace /> : null;
}

function LoginRoute() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = params.get('next');
  return (
    <LoginPage
      onLoggedIn={() => {
        const session = queryClient.getQueryData<SessionInfo>(queryKeys.session());
        // Only a local path is followed, never an absolute URL.
        const target =
          next?.startsWith('/') && !next.startsWith('//') ? next : session ? homeOf(session) : '/';
        void navigate(target, { replace: true });
      }}
    />
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <EmptyState title={t('app.notFound')} testId={testIds.app.notFound} />;
}

export const router = createBrowserRouter([
  { path: '/login', Component: LoginRoute },
  {
    path: '/',
    Component: Protected,
    children: [
      { index: true, Component: Home },
      { path: 'map', lazy: () => import('./map-route').then((m) => ({ Component: m.MapRoute })) },
      {
        path: 'overview',
        lazy: () => import('./overview-route').then((m) => ({ Component: m.OverviewRoute })),
      },
      { path: '*', Component: NotFound },
    ],
  },
]);
