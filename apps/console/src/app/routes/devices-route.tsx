import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/session';
import { DevicesPage } from '../../features/devices/components/devices-page';

/** `/devices` and `/devices/:id`: the device page is in the URL so it can be linked and reloaded. */
export function DevicesRoute() {
  const { id } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  return (
    <DevicesPage
      selectedId={id ?? null}
      onSelect={(next) => void navigate(next ? `/devices/${encodeURIComponent(next)}` : '/devices')}
      canManage={session.data?.permissions.includes('device:manage') ?? false}
    />
  );
}
