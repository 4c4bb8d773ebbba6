import { useSession } from '../../features/auth/api/session';
import { ViolationsPage } from '../../features/violations/components/violations-page';

export function ViolationsRoute() {
  const session = useSession();
  if (!session.data) return null;
  return <ViolationsPage userId={session.data.user.id} permissions={session.data.permissions} />;
}
