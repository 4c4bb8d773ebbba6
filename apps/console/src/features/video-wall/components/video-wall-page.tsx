import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { WallGrid as Grid } from '@c2/api-client/schemas/wall';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { useWallCameras } from '../api/wall-data';
import { useAlarmTile } from '../hooks/use-alarm-tile';
import { useWallKeyboard } from '../hooks/use-wall-keyboard';
import { useWallSync } from '../hooks/use-wall-sync';
import { createWallStore } from '../stores/wall-store';
import { tileCount } from '../stores/wall-grid';
import { CameraTree } from './camera-tree';
import { ShortcutsHelp } from './shortcuts-help';
import { WallGrid } from './wall-grid';
import { WallToolbar } from './wall-toolbar';
import './video-wall.css';

export interface VideoWallPageProps {
  userId: string;
  /** May share layouts with everyone (`wall:share`). */
  canShare: boolean;
  /** Cameras to put on the wall (from `/wall?cameras=…`), applied once. */
  openCameraIds: readonly string[];
  openGrid: Grid | null;
  /** A wall popped out to another window: no camera tree, kept in step with the main one. */
  popout: boolean;
  /** The cameras were put on the wall (the route then drops them from the URL, so a reload keeps the wall). */
  onOpened(): void;
}

function requestFullscreen(el: Element | null | undefined): void {
  if (!el) return;
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void el.requestFullscreen?.().catch(() => undefined);
}

/**
 * The operator's video wall: a camera tree to drag from, a grid of live tiles (sub stream in small tiles, main
 * stream in large ones), named layouts, tours, the alarm tile, fullscreen, pop-out windows and keyboard shortcuts.
 */
export function VideoWallPage(props: VideoWallPageProps) {
  const { t } = useTranslation();
  const { userId, openCameraIds, openGrid, onOpened } = props;
  const [store] = useState(() => createWallStore({ storageKey: `c2.wall.v1.${userId}` }));
  useWallSync(store, `c2-video-wall:${userId}`);
  const cameras = useWallCameras();
  const byId = useMemo(() => new Map((cameras.data ?? []).map((c) => [c.id, c])), [cameras.data]);
  const cameraOf = useCallback((id: string) => byId.get(id), [byId]);
  const canSee = useCallback((id: string) => byId.has(id), [byId]);
  const { alarms, dismiss } = useAlarmTile(canSee);
  const hasAlarmTile = useStore(store, (s) => s.tiles.some((x) => x.kind === 'alarm'));
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  const [layoutsOpen, setLayoutsOpen] = useState(false);

  useEffect(() => {
    if (openCameraIds.length === 0) return;
    store.getState().openCameras(openCameraIds, openGrid ?? undefined);
    onOpened();
  }, [store, openCameraIds, openGrid, onOpened]);

  const popOut = useCallback(() => {
    window.open('/wall?view=popout', `c2-wall-${userId}`, 'popup,width=1600,height=900');
  }, [userId]);

  const selectedTile = () =>
    gridRef.current?.querySelector(`[data-testid="${testIds.wall.tile(store.getState().selected)}"]`);

  useWallKeyboard(
    {
      grid: (g) => store.getState().setGrid(g),
      move: (dir) => {
        store.getState().moveSelection(dir);
        (selectedTile() as HTMLElement | null | undefined)?.focus();
      },
      maximize: () => store.getState().toggleMaximize(),
      fullscreenTile: () => requestFullscreen(selectedTile()),
      fullscreenWall: () => requestFullscreen(gridRef.current),
      clear: () => store.getState().clearTile(store.getState().selected),
      alarm: () => store.getState().setAlarmTile(store.getState().selected),
      popOut: () => {
        if (!props.popout) popOut();
      },
      save: () => {
        setLayoutsOpen(true);
        requestAnimationFrame(() => nameRef.current?.focus());
      },
      search: () => searchRef.current?.focus(),
      help: () => setHelp((h) => !h),
      escape: () => {
        if (help) setHelp(false);
        else if (layoutsOpen) setLayoutsOpen(false);
        else if (store.getState().maximized !== null) store.getState().toggleMaximize();
      },
    },
    gridRef,
  );

  if (cameras.isError) return <EmptyState title={t('videoWall.error')} testId={testIds.wall.page} />;

  const pending = (alarms.current ? 1 : 0) + alarms.waiting.length;
  return (
    <section
      className={`c2-wall${props.popout ? ' c2-wall--popout' : ''}`}
      aria-label={t('videoWall.title')}
      data-testid={testIds.wall.page}
    >
      {!props.popout && (
        <CameraTree
          cameras={cameras.data ?? []}
          searchRef={searchRef}
          onOpen={(id) => {
            const s = store.getState();
            s.dropCameras(s.selected, [id]);
            // Double-clicking one camera after another fills the wall tile by tile.
            s.select((s.selected + 1) % tileCount(s.grid));
          }}
        />
      )}
      <div className="c2-wall__main">
        <WallToolbar
          store={store}
          canShare={props.canShare}
          compact={props.popout}
          layoutsOpen={layoutsOpen}
          onLayoutsOpen={setLayoutsOpen}
          nameRef={nameRef}
          onPopOut={popOut}
          onFullscreen={() => requestFullscreen(gridRef.current)}
          onHelp={() => setHelp((h) => !h)}
        />
        {!hasAlarmTile && pending > 0 && (
          <p className="c2-wall__notice" role="status">
            {t('videoWall.alarm.noTile', { n: pending })}
          </p>
        )}
        {cameras.data ? (
          <WallGrid
            ref={gridRef}
            store={store}
            cameraOf={cameraOf}
            alarms={alarms}
            onDismissAlarm={dismiss}
          />
        ) : (
          <Spinner label={t('app.loading')} />
        )}
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </section>
  );
}
