import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { streamUrls } from '@c2/api-client/schemas/stream';
import { Button } from '@c2/ui/components/button/button';
import { LivePlayer } from '@c2/ui/components/live-player/live-player';
import { usePlayerLabels } from './camera-live';
import './clip-dialog.css';

export interface ClipDialogProps {
  cameraId: string;
  /** The camera's name, shown as the title and given to the video. */
  label: string;
  from: string;
  to: string;
  onClose: () => void;
  testId?: string;
}

/**
 * What a camera recorded between two instants, played in place (a recorded HLS playlist: a browser tab cannot
 * play it by itself). Seconds the camera was offline are not in the playlist.
 */
export function ClipDialog({ cameraId, label, from, to, onClose, testId }: ClipDialogProps) {
  const { t, i18n } = useTranslation();
  const labels = usePlayerLabels();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const time = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const src = streamUrls.recorded(cameraId, from, to);
  return (
    <dialog ref={dialog} className="c2-clip" aria-label={label} data-testid={testId} onClose={onClose}>
      <header className="c2-clip__head">
        <h2>{label}</h2>
        <span>
          {time(from)} – {time(to)}
        </span>
        <Button size="sm" variant="ghost" onClick={() => dialog.current?.close()}>
          {t('video.close')}
        </Button>
      </header>
      <div className="c2-clip__video">
        <LivePlayer key={src} src={src} label={label} labels={labels} playWhenHidden controls />
      </div>
    </dialog>
  );
}
