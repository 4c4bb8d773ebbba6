import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@c2/ui/components/button/button-link';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { StatusDot } from '@c2/ui/components/status-dot/status-dot';
import { testIds } from '@c2/ui/test-ids';
import { formatDistance } from '../../../lib/format';
import { useNearbyCameras } from '../api/get-nearby-cameras';
import { wallHref } from './incidents-page';
import { CAMERA_STATE_TONE } from '../../../lib/camera-state';

/** The cameras nearest the scene, and one action to put the working ones on the video wall. */
export function NearbyCameras({
  incidentId,
  onOpenWall,
}: {
  incidentId: string;
  onOpenWall: (cameraIds: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const cameras = useNearbyCameras(incidentId);
  const live = (cameras.data ?? [])
    .filter((c) => c.camera.status.state !== 'offline')
    .map((c) => c.camera.id);
  const href = wallHref(live);
  return (
    <Panel
      title={t('incidents.cameras')}
      testId={testIds.incidents.cameras}
      actions={
        <ButtonLink
          size="sm"
          href={href}
          aria-disabled={live.length === 0}
          data-testid={testIds.incidents.openOnWall}
          onClick={(e) => {
            // Plain clicks stay in the app; a middle click opens the wall in another window.
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
            e.preventDefault();
            if (live.length > 0) onOpenWall(live);
          }}
        >
          {t('incidents.openOnWall', { count: live.length })}
        </ButtonLink>
      }
    >
      {cameras.data && cameras.data.length > 0 ? (
        <ol className="c2-incidents__rows">
          {cameras.data.map(({ camera, distanceMeters }) => (
            <li
              key={camera.id}
              className="c2-incident__camera"
              data-testid={testIds.incidents.camera}
              data-camera-id={camera.id}
            >
              <StatusDot
                tone={CAMERA_STATE_TONE[camera.status.state]}
                label={t(`camera.state.${camera.status.state}`)}
              />
              <span className="c2-incident__camera-name">{camera.name}</span>
              <span className="c2-incidents__muted">{formatDistance(distanceMeters, i18n.language)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState title={cameras.isPending ? t('app.loading') : t('incidents.noCameras')} />
      )}
    </Panel>
  );
}
