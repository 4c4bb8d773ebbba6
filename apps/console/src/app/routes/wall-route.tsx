import { useCallback, useMemo } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { wallGridSchema } from '@c2/api-client/schemas/wall';
import { useSession } from '../../features/auth/api/session';
import { VideoWallPage } from '../../features/video-wall/components/video-wall-page';

/**
 * `/wall`: the video wall. `?cameras=<id>,<id>` (the contract other features open cameras with) puts them on the
 * wall, `&grid=4x4` chooses the grid, `?view=popout` is a wall popped out to another window.
 */
export function WallRoute() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const cameras = params.get('cameras');
  const openCameraIds = useMemo(
    () =>
      (cameras ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && s.length <= 128),
    [cameras],
  );
  // A '+' left unencoded in a query string arrives as a space ("1+5" → "1 5").
  const grid = wallGridSchema.safeParse(params.get('grid')?.replace(' ', '+'));
  const onOpened = useCallback(
    () =>
      setParams(
        (p) => {
          p.delete('cameras');
          p.delete('grid');
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );
  if (!session.data) return null;
  if (!session.data.permissions.includes('stream:open')) return <Navigate to="/" replace />;
  return (
    <VideoWallPage
      key={session.data.user.id}
      userId={session.data.user.id}
      canShare={session.data.permissions.includes('wall:share')}
      openCameraIds={openCameraIds}
      openGrid={grid.success ? grid.data : null}
      popout={params.get('view') === 'popout'}
      onOpened={onOpened}
    />
  );
}
