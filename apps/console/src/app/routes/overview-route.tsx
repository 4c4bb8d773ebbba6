import { useSession } from '../../features/auth/api/session';
import { OverviewPage } from '../../features/overview/components/overview-page';

export function OverviewRoute() {
  const permissions = useSession().data?.permissions ?? [];
  return <OverviewPage canSeeUnits={permissions.includes('unit:view')} />;
}
