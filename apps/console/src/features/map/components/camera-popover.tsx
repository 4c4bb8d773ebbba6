import { useTranslation } from 'react-i18next';
import type { Camera } from '@c2/api-client/schemas/camera';
import { Button } from '@c2/ui/components/button/button';
import { DescriptionList } from '@c2/ui/components/description-list/description-list';
import { StatusDot } from '@c2/ui/components/status-dot/status-dot';
import { setCameraDrag } from '@c2/ui/camera-drag';
import { testIds } from '@c2/ui/test-ids';
import { CameraLive } from '../../../lib/camera-live';
import { useCameraEvents } from '../api/map-data';
import { CAMERA_STATE_TONE } from '../../../lib/camera-state';

export interface CameraPopoverProps {
  camera: Camera;
  canWatch: boolean;
  /** Where the camera is on screen; the popover sits beside it and flips to stay inside the map. */
  anchor: { x: number; y: number };
  stage: { width: number; height: number };
  onClose: () => void;
  onOpenOnWall: (ids: string[]) => void;
  onNearest: (camera: Camera) => void;
}

const WIDTH = 380;

/**
 * The clicked camera: live status (it follows the live updates), where it is and who owns it, its newest events,
 * and its live sub stream (the shared player; an offline camera shows its last snapshot).
 */
export function CameraPopover({
  camera,
  canWatch,
  anchor,
  stage,
  onClose,
  onOpenOnWall,
  onNearest,
}: CameraPopoverProps) {
  const { t, i18n } = useTranslation();
  const events = useCameraEvents(camera.id);
  const time = (iso: string, style: 'short' | 'medium' = 'medium') =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: style });
  const left = anchor.x + 24 + WIDTH > stage.width ? Math.max(8, anchor.x - 24 - WIDTH) : anchor.x + 24;
  const top = Math.min(Math.max(8, anchor.y - 120), Math.max(8, stage.height - 560));
  return (
    <section
      className="c2-popover"
      style={{ left, top, width: WIDTH, maxHeight: stage.height - top - 8 }}
      aria-label={camera.name}
      data-testid={testIds.map.cameraPanel}
      data-camera-id={camera.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="c2-popover__header">
        <div
          className="c2-popover__title"
          draggable
          title={t('map.popover.dragHint')}
          onDragStart={(e) => setCameraDrag(e.dataTransfer, [camera.id])}
        >
          <span className="c2-popover__code">{camera.code}</span>
          <h2 data-testid={testIds.map.cameraPanelName}>{camera.name}</h2>
        </div>
        <Button
          variant="ghost"
          size="sm"
          onClick={onClose}
          data-testid={testIds.map.cameraPanelClose}
          aria-label={t('map.close')}
        >
          ✕
        </Button>
      </header>
      <p
        className="c2-popover__status"
        data-testid={testIds.map.cameraPanelStatus}
        data-state={camera.status.state}
      >
        <StatusDot tone={CAMERA_STATE_TONE[camera.status.state]} /> {t(`camera.state.${camera.status.state}`)}
        <span className="c2-popover__since">
          {t('map.popover.since', { time: time(camera.status.since, 'short') })}
        </span>
        {camera.status.reason ? <span className="c2-popover__reason">{camera.status.reason}</span> : null}
      </p>
      <div className="c2-popover__actions">
        <Button
          variant="primary"
          size="sm"
          onClick={() => onOpenOnWall([camera.id])}
          data-testid={testIds.map.openOnWall}
        >
          {t('map.popover.openOnWall')}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onNearest(camera)}
          data-testid={testIds.map.popoverNearest}
        >
          {t('map.popover.nearest')}
        </Button>
      </div>
      {canWatch ? (
        <div
          className="c2-popover__video"
          data-testid={testIds.map.cameraPanelVideo}
          data-camera-id={camera.id}
        >
          <CameraLive
            key={camera.id}
            cameraId={camera.id}
            label={`${camera.name} (${camera.code})`}
            offline={camera.status.state === 'offline'}
          />
        </div>
      ) : null}
      <DescriptionList
        items={[
          { key: 'kind', term: t('camera.kindLabel'), detail: t(`camera.kind.${camera.kind}`) },
          { key: 'road', term: t('camera.road'), detail: camera.roadName ?? '—' },
          { key: 'area', term: t('camera.area'), detail: camera.areaName },
          { key: 'owner', term: t('camera.owner'), detail: camera.owner },
        ]}
      />
      <h3 className="c2-popover__subtitle">{t('map.popover.events')}</h3>
      <ul className="c2-popover__events" data-testid={testIds.map.cameraPanelEvents}>
        {events.isPending ? <li className="c2-popover__muted">{t('app.loading')}</li> : null}
        {events.data?.length === 0 ? (
          <li className="c2-popover__muted">{t('map.popover.noEvents')}</li>
        ) : null}
        {events.data?.map((e) => (
          <li key={e.id} data-testid={testIds.map.cameraPanelEvent} data-severity={e.severity}>
            <span className={`c2-popover__sev c2-popover__sev--${e.severity}`} aria-hidden="true" />
            <span className="c2-popover__event-type">{t(`event.type.${e.type}`)}</span>
            {e.plate ? <span className="c2-popover__plate">{e.plate}</span> : null}
            <time dateTime={e.ts}>{new Date(e.ts).toLocaleTimeString(i18n.language)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
