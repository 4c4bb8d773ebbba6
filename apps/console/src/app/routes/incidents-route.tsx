import { useSession } from '../../features/auth/api/session';
import { IncidentsPage } from '../../features/incidents/components/incidents-page';

export function IncidentsRoute() {
  const permissions = useSession().data?.permissions ?? [];
  return (
    <IncidentsPage
      abilities={{
        manage: permissions.includes('incident:manage'),
        dispatch: permissions.includes('unit:dispatch'),
      }}
    />
  );
}
