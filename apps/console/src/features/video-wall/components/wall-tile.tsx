import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '@c2/api-client/schemas/camera';
import { streamUrls } from '@c2/api-client/schemas/stream';
import { TOUR_SECONDS, type WallTile as Tile } from '@c2/api-client/schemas/wall';
import { isCameraDrag, readCameraDrag, setCameraDrag } from '@c2/ui/camera-drag';
import { usePlayerLabels } from '../../../lib/camera-live';
import { LivePlayer, type PlayerState, type PlayerStats } from '@c2/ui/components/live-player/live-player';
import { StatusDot } from '@c2/ui/components/status-dot/status-dot';
import { testIds } from '@c2/ui/test-ids';
import type { AlarmItem } from '../hooks/alarm-queue';
import { useTileVariant } from '../hooks/use-tile-variant';
import { useTourIndex } from '../hooks/use-tour';
import { CAMERA_STATE_TONE } from '../../../lib/camera-state';

function FullscreenIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <path d="M1 5V1h4M9 1h4v4M13 9v4H9M5 13H1V9" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

/** Dragging a tile onto another swaps them; the payload is the tile's index. */
const TILE_DRAG_TYPE = 'application/x-c2-wall-tile';

export interface WallTileProps {
  index: number;
  tile: Tile;
  cameraOf(id: string): Camera | undefined;
  selected: boolean;
  maximized: boolean;
  hidden: boolean;
  alarm: { current: AlarmItem | null; waiting: number; onDismiss(): void };
  onSelect(): void;
  onToggleMaximize(): void;
  onDropCameras(ids: string[]): void;
  onSwap(from: number): void;
  onClear(): void;
  onMakeAlarm(): void;
  onTourSeconds(seconds: number): void;
  style: React.CSSProperties;
}

/** One camera in a tile: the player (or its last snapshot when offline) and the overlay that describes it. */
function CameraView({
  index,
  camera,
  forceMain,
  tileRef,
  badge,
}: {
  index: number;
  camera: Camera;
  forceMain: boolean;
  tileRef: React.RefObject<HTMLDivElement | null>;
  badge?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const playerLabels = usePlayerLabels();
  const variant = useTileVariant(tileRef, forceMain);
  const [player, setPlayer] = useState<PlayerState>({ status: 'idle' });
  const [stats, setStats] = useState<PlayerStats | null>(null);
  const offline = camera.status.state === 'offline';
  const src = streamUrls.live(camera.id, variant);
  const state = offline ? 'offline' : player.status === 'error' ? player.error.kind : player.status;

  useEffect(() => {
    const el = tileRef.current;
    if (!el) return;
    el.dataset.variant = variant;
    el.dataset.state = state;
  }, [tileRef, variant, state]);

  return (
    <>
      {offline ? (
        // An offline camera's playlist would only fail: its last snapshot says more, without retries.
        <>
          <img
            className="c2-wall-tile__snapshot"
            src={streamUrls.poster(camera.id)}
            alt=""
            draggable={false}
          />
          <p className="c2-wall-tile__offline" role="status">
            {t('camera.state.offline')}
            {camera.status.reason ? <small>{camera.status.reason}</small> : null}
          </p>
        </>
      ) : (
        <LivePlayer
          key={src}
          src={src}
          poster={streamUrls.poster(camera.id)}
          label={`${camera.name} (${camera.code})`}
          testId={testIds.wall.tilePlayer(index)}
          onState={setPlayer}
          onStats={(next) =>
            // Re-render the overlay only when what it shows changes (sixteen tiles, once a second each).
            setStats((prev) =>
              prev &&
              prev.width === next.width &&
              Math.round((prev.latencyMs ?? 0) / 100) === Math.round((next.latencyMs ?? 0) / 100)
                ? prev
                : next,
            )
          }
          labels={{ ...playerLabels, offline: t('videoWall.tile.offline') }}
        />
      )}
      <div className="c2-wall-tile__overlay" data-testid={testIds.wall.tileOverlay(index)}>
        <div className="c2-wall-tile__title">
          <StatusDot tone={CAMERA_STATE_TONE[camera.status.state]} size="sm" />
          <span className="c2-wall-tile__name" title={camera.name}>
            {camera.name}
          </span>
          <span className="c2-wall-tile__code">{camera.code}</span>
        </div>
      </div>
      <div className="c2-wall-tile__footer">
        <div className="c2-wall-tile__facts">
          {offline ? (
            <span className="c2-wall-tile__fact c2-wall-tile__fact--danger">
              {t('videoWall.tile.offline')}
            </span>
          ) : (
            <>
              {camera.status.state === 'degraded' && (
                <span className="c2-wall-tile__fact c2-wall-tile__fact--warn">
                  {t('camera.state.degraded')}
                </span>
              )}
              {stats?.latencyMs != null && player.status === 'playing' && (
                <span className="c2-wall-tile__fact" data-latency-ms={Math.round(stats.latencyMs)}>
                  {t('videoWall.tile.latency', { s: (stats.latencyMs / 1000).toFixed(1) })}
                </span>
              )}
              {stats && stats.width > 0 && (
                <span className="c2-wall-tile__fact" title={t(`videoWall.tile.variant.${variant}`)}>
                  {stats.width}×{stats.height}
                </span>
              )}
              {player.status === 'loading' && (
                <span className="c2-wall-tile__fact">{playerLabels.loading}</span>
              )}
            </>
          )}
          {badge}
        </div>
      </div>
    </>
  );
}

function TourView(props: {
  index: number;
  tile: Extract<Tile, { kind: 'tour' }>;
  cameraOf(id: string): Camera | undefined;
  forceMain: boolean;
  tileRef: React.RefObject<HTMLDivElement | null>;
  onSeconds(s: number): void;
}) {
  const { t } = useTranslation();
  const { tile } = props;
  const i = useTourIndex(tile.cameraIds.length, tile.seconds);
  const camera = props.cameraOf(tile.cameraIds[i]!);
  const badge = (
    <span className="c2-wall-tile__fact c2-wall-tile__fact--tour">
      {t('videoWall.tile.tour', { i: i + 1, n: tile.cameraIds.length })}
      <select
        className="c2-wall-tile__tour-seconds"
        aria-label={t('videoWall.tile.tourSeconds')}
        value={tile.seconds}
        onChange={(e) => props.onSeconds(Number(e.target.value))}
        onClick={(e) => e.stopPropagation()}
        data-testid={testIds.wall.tileTourSeconds(props.index)}
      >
        {TOUR_SECONDS.map((s) => (
          <option key={s} value={s}>
            {t('videoWall.tile.seconds', { n: s })}
          </option>
        ))}
      </select>
    </span>
  );
  if (!camera) return <p className="c2-wall-tile__placeholder">{t('videoWall.tile.unknownCamera')}</p>;
  return (
    <CameraView
      key={camera.id}
      index={props.index}
      camera={camera}
      forceMain={props.forceMain}
      tileRef={props.tileRef}
      badge={badge}
    />
  );
}

/**
 * A tile of the wall: a camera, a tour or the alarm tile, a drop target for cameras (from the tree, the map or
 * another tile), and its own small toolbar.
 */
export function WallTile(props: WallTileProps) {
  const { t, i18n } = useTranslation();
  const { index, tile, alarm } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [dragOver, setDragOver] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === ref.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const forceMain = props.maximized || fullscreen;
  const alarmItem = tile.kind === 'alarm' ? alarm.current : null;
  const cameraId =
    tile.kind === 'camera' ? tile.cameraId : tile.kind === 'alarm' ? (alarmItem?.cameraId ?? null) : null;
  const camera = cameraId ? props.cameraOf(cameraId) : undefined;

  useEffect(() => {
    const el = ref.current;
    if (!el || camera || tile.kind === 'tour') return;
    delete el.dataset.variant;
    el.dataset.state = 'empty';
  }, [camera, tile.kind]);

  function onDragOver(e: React.DragEvent) {
    if (!isCameraDrag(e.dataTransfer) && !e.dataTransfer.types.includes(TILE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = e.dataTransfer.types.includes(TILE_DRAG_TYPE) ? 'move' : 'copy';
    setDragOver(true);
  }

  function onDrop(e: React.DragEvent) {
    setDragOver(false);
    const from = e.dataTransfer.getData(TILE_DRAG_TYPE);
    if (from !== '') {
      e.preventDefault();
      if (Number(from) !== index) props.onSwap(Number(from));
      return;
    }
    const ids = readCameraDrag(e.dataTransfer);
    if (ids.length === 0) return;
    e.preventDefault();
    props.onDropCameras(ids);
  }

  function toggleFullscreen() {
    const el = ref.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void el.requestFullscreen?.().catch(() => undefined);
  }

  const priority = alarmItem?.priority;
  const classes = [
    'c2-wall-tile',
    props.selected && 'c2-wall-tile--selected',
    dragOver && 'c2-wall-tile--drop',
    tile.kind === 'alarm' && 'c2-wall-tile--alarm',
    priority && `c2-wall-tile--${priority.toLowerCase()}`,
    alarmItem?.handled && 'c2-wall-tile--handled',
  ]
    .filter(Boolean)
    .join(' ');

  let content: React.ReactNode;
  if (tile.kind === 'tour') {
    content = (
      <TourView
        index={index}
        tile={tile}
        cameraOf={props.cameraOf}
        forceMain={forceMain}
        tileRef={ref}
        onSeconds={props.onTourSeconds}
      />
    );
  } else if (camera) {
    const alarmBadge = alarmItem ? (
      <span className="c2-wall-tile__alarm" role="alert">
        <strong>{t(`videoWall.priority.${alarmItem.priority}`)}</strong> {t(`event.type.${alarmItem.type}`)} ·{' '}
        {new Date(alarmItem.lastEventAt).toLocaleTimeString(i18n.language)}
        {alarmItem.handled && <em> · {t('videoWall.alarm.handled')}</em>}
        {alarm.waiting > 0 && <em> · {t('videoWall.alarm.queued', { n: alarm.waiting })}</em>}
        <button
          type="button"
          className="c2-wall-tile__alarm-dismiss"
          onClick={(e) => {
            e.stopPropagation();
            alarm.onDismiss();
          }}
          data-testid={testIds.wall.alarmDismiss}
        >
          {t('videoWall.alarm.dismiss')}
        </button>
      </span>
    ) : undefined;
    content = (
      <CameraView
        key={`${camera.id}-${alarmItem?.alertId ?? ''}`}
        index={index}
        camera={camera}
        forceMain={forceMain}
        tileRef={ref}
        badge={alarmBadge}
      />
    );
  } else if (tile.kind === 'camera') {
    content = <p className="c2-wall-tile__placeholder">{t('videoWall.tile.unknownCamera')}</p>;
  } else if (tile.kind === 'alarm') {
    content = (
      <div className="c2-wall-tile__placeholder">
        <strong>{t('videoWall.alarm.waiting')}</strong>
        <span>{t('videoWall.alarm.waitingHint')}</span>
      </div>
    );
  } else {
    content = (
      <div className="c2-wall-tile__placeholder">
        <strong>{t('videoWall.tile.empty')}</strong>
        <span>{t('videoWall.tile.emptyHint')}</span>
      </div>
    );
  }

  const draggableId = tile.kind === 'camera' ? tile.cameraId : null;

  return (
    <div
      ref={ref}
      className={classes}
      style={props.style}
      hidden={props.hidden}
      tabIndex={0}
      role="group"
      aria-label={`${t('videoWall.tile.label', { n: index + 1 })}${camera ? ` – ${camera.name}` : ''}`}
      aria-current={props.selected || undefined}
      data-testid={testIds.wall.tile(index)}
      data-kind={tile.kind}
      data-camera-id={cameraId ?? undefined}
      data-priority={priority}
      onClick={props.onSelect}
      onFocus={props.onSelect}
      onDoubleClick={props.onToggleMaximize}
      onDragOver={onDragOver}
      onDragLeave={() => setDragOver(false)}
      onDrop={onDrop}
      draggable={tile.kind !== 'empty'}
      onDragStart={(e) => {
        e.dataTransfer.setData(TILE_DRAG_TYPE, String(index));
        if (draggableId) setCameraDrag(e.dataTransfer, [draggableId]);
        e.dataTransfer.effectAllowed = 'copyMove';
      }}
    >
      {content}
      <div className="c2-wall-tile__actions" onClick={(e) => e.stopPropagation()}>
        <button
          type="button"
          className="c2-wall-tile__action"
          onClick={props.onToggleMaximize}
          aria-label={props.maximized ? t('videoWall.tile.restore') : t('videoWall.tile.maximize')}
          title={props.maximized ? t('videoWall.tile.restore') : t('videoWall.tile.maximize')}
        >
          {props.maximized ? '⤡' : '⤢'}
        </button>
        <button
          type="button"
          className="c2-wall-tile__action"
          onClick={toggleFullscreen}
          aria-label={t('videoWall.tile.fullscreen')}
          title={t('videoWall.tile.fullscreen')}
          data-testid={testIds.wall.tileFullscreen(index)}
        >
          <FullscreenIcon />
        </button>
        {tile.kind !== 'alarm' && (
          <button
            type="button"
            className="c2-wall-tile__action"
            onClick={props.onMakeAlarm}
            aria-label={t('videoWall.tile.alarm')}
            title={t('videoWall.tile.alarm')}
            data-testid={testIds.wall.tileAlarm(index)}
          >
            ⚠
          </button>
        )}
        {tile.kind !== 'empty' && (
          <button
            type="button"
            className="c2-wall-tile__action"
            onClick={props.onClear}
            aria-label={t('videoWall.tile.clear')}
            title={t('videoWall.tile.clear')}
            data-testid={testIds.wall.tileClear(index)}
          >
            ✕
          </button>
        )}
      </div>
    </div>
  );
}
