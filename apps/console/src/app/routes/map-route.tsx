import { useSession } from '../../features/auth/api/session';
import { MapPage } from '../../features/map/components/map-page';

export function MapRoute() {
  const permissions = useSession().data?.permissions ?? [];
  return (
    <MapPage
      canSeeUnits={permissions.includes('unit:view')}
      canSeeViolations={permissions.includes('violation:view')}
      canWatch={permissions.includes('stream:open')}
    />
  );
}
