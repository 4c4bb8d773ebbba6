import { useTranslation } from 'react-i18next';
import type { Camera } from '@c2/api-client/schemas/camera';
import { Button } from '@c2/ui/components/button/button';
import { DescriptionList } from '@c2/ui/components/description-list/description-list';
import { Panel } from '@c2/ui/components/panel/panel';
import { StatusDot } from '@c2/ui/components/status-dot/status-dot';
import { testIds } from '@c2/ui/test-ids';

const TONE = { online: 'ok', degraded: 'warn', offline: 'danger' } as const;

/** The selected camera's details beside the map; its status follows the live updates. */
export function CameraPanel({ camera, onClose }: { camera: Camera; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const since = new Date(camera.status.since).toLocaleString(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  return (
    <Panel
      className="c2-map__panel"
      title={camera.name}
      testId={testIds.map.cameraPanel}
      actions={
        <Button variant="ghost" size="sm" onClick={onClose} data-testid={testIds.map.cameraPanelClose}>
          {t('map.close')}
        </Button>
      }
    >
      <p
        className="c2-map__panel-status"
        data-testid={testIds.map.cameraPanelStatus}
        data-state={camera.status.state}
      >
        <StatusDot tone={TONE[camera.status.state]} /> {t(`camera.state.${camera.status.state}`)}
      </p>
      <DescriptionList
        items={[
          { key: 'code', term: t('camera.code'), detail: camera.code },
          { key: 'kind', term: t('camera.kindLabel'), detail: t(`camera.kind.${camera.kind}`) },
          { key: 'road', term: t('camera.road'), detail: camera.roadName ?? '—' },
          { key: 'area', term: t('camera.area'), detail: camera.areaName },
          { key: 'owner', term: t('camera.owner'), detail: camera.owner },
          { key: 'since', term: t('camera.since'), detail: since },
          ...(camera.status.reason
            ? [{ key: 'reason', term: t('camera.reason'), detail: camera.status.reason }]
            : []),
        ]}
      />
    </Panel>
  );
}
