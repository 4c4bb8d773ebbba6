import { useSession } from '../../features/auth/api/session';
import { DashboardsPage } from '../../features/dashboards/components/dashboards-page';

/** `/dashboards?tab=…&from=…`: the four dashboard levels, filters in the URL. */
export function DashboardsRoute() {
  const session = useSession();
  if (!session.data) return null;
  return <DashboardsPage permissions={session.data.permissions} />;
}
