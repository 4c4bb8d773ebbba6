import { useSession } from '../../features/auth/api/session';
import { AlertsPage } from '../../features/alerts/components/alerts-page';
import { AlertAdminPage } from '../../features/alerts/components/admin/alert-admin-page';

export function AlertsRoute() {
  const session = useSession();
  return <AlertsPage canHandle={session.data?.permissions.includes('alert:handle') ?? false} />;
}

export function AlertAdminRoute() {
  return <AlertAdminPage />;
}
