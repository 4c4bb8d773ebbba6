import { useCallback, useEffect, useRef } from 'react';
import {
  Navigate,
  createBrowserRouter,
  useLocation,
  useMatches,
  useNavigate,
  useSearchParams,
} from 'react-router';
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
import type { SessionEndReason } from '../../lib/live-connection';
import { LiveProvider } from '../live-provider';
import { AppLayout } from './app-layout';
import { MobileLayout } from './mobile-layout';

/**
 * Where a role lands after login: the map for those who watch and dispatch, a unit's crew its assignment, the
 * audit trail for auditors, leaders their KPI dashboard, the overview for the rest.
 */
function homeOf(session: SessionInfo): string {
  if (session.user.role === 'field') return '/field';
  if (session.user.role === 'auditor') return '/audit';
  // Leaders judge the center by its KPIs: they land on them.
  if (session.permissions.includes('dashboard:strategic')) return '/dashboards?tab=strategic';
  return session.user.role === 'operator' || session.user.role === 'dispatcher' ? '/map' : '/overview';
}

/** Routes made for a phone say so in their handle; they get the compact frame instead of the desk's. */
const isMobile = (handle: unknown) =>
  typeof handle === 'object' && handle !== null && (handle as { shell?: string }).shell === 'mobile';

/** Sends the user to the login page on any 401 or ended session, remembering where they were. */
function useSessionEnd(): (reason?: SessionEndReason) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  // A stable function that always sees the current location, so listeners subscribe once.
  const latest = useRef({ location, navigate });
  useEffect(() => {
    latest.current = { location, navigate };
  });
  return useCallback(
    (reason: SessionEndReason = 'expired') => {
      const { location: where, navigate: go } = latest.current;
      if (where.pathname === '/login') return;
      // A logout (here or in another tab of the same session) starts afresh; an expiry says why and comes back.
      const query = reason === 'logout' ? '' : `?ended=${reason}&next=${encodeURIComponent(where.pathname)}`;
      // The pages leave first (synchronously), then the cache empties: cleared under mounted pages, their queries
      // would refetch with the session already gone.
      void go(`/login${query}`, { replace: true, flushSync: true });
      queryClient.clear();
    },
    [queryClient],
  );
}

function Protected() {
  const { t } = useTranslation();
  const session = useSession();
  const end = useSessionEnd();
  useEffect(() => onUnauthorized(() => end('expired')), [end]);
  const location = useLocation();
  const mobile = useMatches().some((m) => isMobile(m.handle));
  if (session.isPending) return <Spinner label={t('app.loading')} testId={testIds.app.loading} />;
  if (session.isError)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  return (
    <LiveProvider key={session.data.user.id} onSessionEnded={end}>
      {mobile ? <MobileLayout session={session.data} /> : <AppLayout session={session.data} />}
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
  const ended = params.get('ended');
  const mfa = params.get('mfa');
  const sso = params.get('sso');
  return (
    <LoginPage
      notice={ended === 'expired' || ended === 'revoked' ? ended : null}
      initialStep={mfa === 'totp' || mfa === 'enrol' ? mfa : 'password'}
      ssoError={sso === 'failed' || sso === 'unknown' || sso === 'unavailable' ? sso : null}
      next={next}
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
      { path: 'wall', lazy: () => import('./wall-route').then((m) => ({ Component: m.WallRoute })) },
      {
        path: 'overview',
        lazy: () => import('./overview-route').then((m) => ({ Component: m.OverviewRoute })),
      },
      {
        path: 'events',
        lazy: () => import('./events-route').then((m) => ({ Component: m.EventsRoute })),
      },
      {
        path: 'admin/dead-letters',
        lazy: () => import('./dead-letters-route').then((m) => ({ Component: m.DeadLettersRoute })),
      },
      { path: 'alerts', lazy: () => import('./alerts-route').then((m) => ({ Component: m.AlertsRoute })) },
      {
        path: 'admin/alerts',
        lazy: () => import('./alerts-route').then((m) => ({ Component: m.AlertAdminRoute })),
      },
      {
        path: 'incidents/:id?',
        lazy: () => import('./incidents-route').then((m) => ({ Component: m.IncidentsRoute })),
      },
      {
        path: 'dispatch',
        lazy: () => import('./dispatch-route').then((m) => ({ Component: m.DispatchRoute })),
      },
      {
        path: 'field',
        handle: { shell: 'mobile' },
        lazy: () => import('./field-route').then((m) => ({ Component: m.FieldRoute })),
      },
      { path: 'account', lazy: () => import('./account-route').then((m) => ({ Component: m.AccountRoute })) },
      { path: 'audit', lazy: () => import('./audit-route').then((m) => ({ Component: m.AuditRoute })) },
      { path: 'admin', lazy: () => import('./admin-route').then((m) => ({ Component: m.AdminRoute })) },
      {
        path: 'devices/:id?',
        lazy: () => import('./devices-route').then((m) => ({ Component: m.DevicesRoute })),
      },
      {
        path: 'dashboards',
        lazy: () => import('./dashboards-route').then((m) => ({ Component: m.DashboardsRoute })),
      },
      {
        path: 'violations',
        lazy: () => import('./violations-route').then((m) => ({ Component: m.ViolationsRoute })),
      },
      {
        path: 'investigate',
        lazy: () => import('./investigate-route').then((m) => ({ Component: m.InvestigateRoute })),
      },
      {
        path: 'investigate/cases/:caseId',
        lazy: () => import('./investigate-route').then((m) => ({ Component: m.CaseFileRoute })),
      },
      {
        path: 'identity-log',
        lazy: () => import('./investigate-route').then((m) => ({ Component: m.IdentityLogRoute })),
      },
      { path: '*', Component: NotFound },
    ],
  },
]);
