import { AdminPage } from '../../features/admin/components/admin-page';
import { RequirePermission } from './require-permission';

export function AdminRoute() {
  return (
    <RequirePermission permission="user:manage">
      <AdminPage />
    </RequirePermission>
  );
}
