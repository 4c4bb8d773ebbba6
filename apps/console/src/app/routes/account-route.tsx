import { AccountPage } from '../../features/auth/components/account-page';
import { useSession } from '../../features/auth/api/session';

export function AccountRoute() {
  const session = useSession();
  return <AccountPage idleMinutes={session.data?.idleMinutes} />;
}
