import { useSession } from '../../features/auth/api/session';
import { AlertsPage } from '../../features/alerts/components/alerts-page';
import { AlertAdminPage } from '../../features/alerts/components/admin/alert-admin-page';

export function AlertsRoute() {
  const session = useSession();
  const permissions = session.data?.permissions ?? [];
  return (
    <AlertsPage
      canHandle={permissions.includes('alert:handle')}
      canWatch={permissions.includes('stream:open')}
      canOpenIncident={permissions.includes('incident:manage')}
    />
  );
}

export function AlertAdminRoute() {
  return <AlertAdminPage />;
}
