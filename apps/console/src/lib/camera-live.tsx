import { useTranslation } from 'react-i18next';
import { streamUrls, type StreamVariant } from '@c2/api-client/schemas/stream';
import { LivePlayer, type PlayerState } from '@c2/ui/components/live-player/live-player';
import './camera-live.css';

/** What the shared player says over the video in each state, in the console's language. */
export function usePlayerLabels() {
  const { t } = useTranslation();
  return {
    loading: t('video.player.loading'),
    stalled: t('video.player.stalled'),
    offline: t('video.player.offline'),
    forbidden: t('video.player.forbidden'),
    network: t('video.player.network'),
    media: t('video.player.media'),
    unsupported: t('video.player.unsupported'),
  };
}

export interface CameraLiveProps {
  cameraId: string;
  /** Accessible name of the video (camera name and code). */
  label: string;
  /** An offline camera shows its last snapshot instead of a playlist that could only fail. */
  offline?: boolean;
  /** The sub stream by default: a panel is small, and the wall keeps the main streams. */
  variant?: StreamVariant;
  testId?: string;
  onState?: (state: PlayerState) => void;
}

/** A camera's live video in a panel (map popover, alert, incident): the shared player over the camera's stream. */
export function CameraLive({
  cameraId,
  label,
  offline = false,
  variant = 'sub',
  testId,
  onState,
}: CameraLiveProps) {
  const labels = usePlayerLabels();
  const src = streamUrls.live(cameraId, variant);
  if (offline)
    return (
      <div className="c2-camera-live c2-camera-live--offline" data-testid={testId} data-state="offline">
        <img src={streamUrls.poster(cameraId)} alt={label} />
        <span role="status">{labels.offline}</span>
      </div>
    );
  return (
    <LivePlayer
      key={src}
      src={src}
      poster={streamUrls.poster(cameraId)}
      label={label}
      labels={labels}
      testId={testId}
      onState={onState}
      className="c2-camera-live"
    />
  );
}
