import { useTranslation } from 'react-i18next';
import type { NearestCamera } from '@c2/api-client/schemas/camera';
import { Button } from '@c2/ui/components/button/button';
import { Panel } from '@c2/ui/components/panel/panel';
import { StatusDot } from '@c2/ui/components/status-dot/status-dot';
import { testIds } from '@c2/ui/test-ids';
import { CAMERA_STATE_TONE } from '../../../lib/camera-state';

/** The cameras nearest a clicked point, nearest first, ready to go on the wall together. */
export function NearestPanel({
  at,
  cameras,
  loading,
  failed,
  onFocus,
  onOpenOnWall,
  onClose,
}: {
  at: { lng: number; lat: number };
  cameras: readonly NearestCamera[] | undefined;
  loading: boolean;
  failed: boolean;
  onFocus: (id: string) => void;
  onOpenOnWall: (ids: readonly string[]) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const distance = (m: number) =>
    m < 1000
      ? `${Math.round(m).toLocaleString(i18n.language)} m`
      : `${(m / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 })} km`;
  const usable = (cameras ?? []).filter((c) => c.status.state !== 'offline');
  return (
    <Panel
      className="c2-map__nearest"
      title={t('map.nearest.title')}
      testId={testIds.map.nearestPanel}
      actions={
        <Button variant="ghost" size="sm" onClick={onClose} aria-label={t('map.close')}>
          ✕
        </Button>
      }
    >
      <p className="c2-map__muted">
        {at.lat.toFixed(5)}, {at.lng.toFixed(5)}
      </p>
      {loading ? <p className="c2-map__muted">{t('app.loading')}</p> : null}
      {failed ? <p className="c2-map__muted">{t('map.nearest.error')}</p> : null}
      <ol className="c2-map__nearest-list">
        {cameras?.map((c) => (
          <li key={c.id} data-testid={testIds.map.nearestItem} data-camera-id={c.id}>
            <button type="button" onClick={() => onFocus(c.id)}>
              <StatusDot tone={CAMERA_STATE_TONE[c.status.state]} size="sm" />
              <span className="c2-map__nearest-name">
                {c.code} · {c.name}
              </span>
              <span className="c2-map__nearest-distance">{distance(c.distanceM)}</span>
            </button>
          </li>
        ))}
      </ol>
      <Button
        variant="primary"
        size="sm"
        disabled={usable.length === 0}
        onClick={() => onOpenOnWall(usable.map((c) => c.id))}
        data-testid={testIds.map.nearestToWall}
      >
        {t('map.nearest.openOnWall', { n: usable.length })}
      </Button>
    </Panel>
  );
}
