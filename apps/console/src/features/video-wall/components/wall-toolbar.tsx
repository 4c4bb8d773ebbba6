import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { WALL_GRIDS, type WallLayout } from '@c2/api-client/schemas/wall';
import { Button } from '@c2/ui/components/button/button';
import { testIds } from '@c2/ui/test-ids';
import { useDeleteLayout, useLayouts, useSaveLayout } from '../api/wall-data';
import type { WallState } from '../stores/wall-store';
import { errorText } from '../../../lib/error-text';

export interface WallToolbarProps {
  store: StoreApi<WallState>;
  canShare: boolean;
  compact: boolean;
  layoutsOpen: boolean;
  onLayoutsOpen(open: boolean): void;
  nameRef: React.RefObject<HTMLInputElement | null>;
  onPopOut(): void;
  onFullscreen(): void;
  onHelp(): void;
}

/** Grid choice, saved layouts (load, save, save as, share, delete), pop-out, fullscreen and the shortcut table. */
export function WallToolbar(props: WallToolbarProps) {
  const { t } = useTranslation();
  const { store } = props;
  const grid = useStore(store, (s) => s.grid);
  const activeId = useStore(store, (s) => s.activeLayoutId);
  const layouts = useLayouts();
  const save = useSaveLayout();
  const remove = useDeleteLayout();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const active = layouts.data?.find((l) => l.id === activeId) ?? null;
  const mine = layouts.data?.filter((l) => !l.shared) ?? [];
  const common = layouts.data?.filter((l) => l.shared) ?? [];

  function saveAs(e: React.FormEvent) {
    e.preventDefault();
    const s = store.getState();
    const body = { name: name.trim(), grid: s.grid, tiles: s.tiles, shared: props.canShare && shared };
    if (!body.name) return;
    save.mutate(
      { id: null, body },
      {
        onSuccess: (layout) => {
          store.getState().setActiveLayout(layout.id);
          setName('');
          setMessage({ tone: 'ok', text: t('videoWall.layouts.saved', { name: layout.name }) });
        },
        onError: (err) =>
          setMessage({ tone: 'error', text: t('videoWall.layouts.error', { message: errorText(t, err) }) }),
      },
    );
  }

  function saveActive(layout: WallLayout) {
    const s = store.getState();
    save.mutate(
      { id: layout.id, body: { name: layout.name, grid: s.grid, tiles: s.tiles, shared: layout.shared } },
      {
        onSuccess: (l) => setMessage({ tone: 'ok', text: t('videoWall.layouts.saved', { name: l.name }) }),
        onError: (err) =>
          setMessage({ tone: 'error', text: t('videoWall.layouts.error', { message: errorText(t, err) }) }),
      },
    );
  }

  const item = (l: WallLayout) => (
    <li key={l.id} className="c2-wall-layouts__item">
      <button
        type="button"
        className="c2-wall-layouts__load"
        aria-current={l.id === activeId || undefined}
        onClick={() => {
          store.getState().applyLayout(l);
          props.onLayoutsOpen(false);
        }}
        data-testid={testIds.wall.layoutItem(l.name)}
      >
        <span>{l.name}</span>
        <small>
          {t(`videoWall.grid.${l.grid}`)}
          {l.shared ? ` · ${t('videoWall.layouts.by', { name: l.ownerName })}` : ''}
        </small>
      </button>
      {l.editable && (
        <button
          type="button"
          className="c2-wall-layouts__delete"
          aria-label={`${t('videoWall.layouts.delete')}: ${l.name}`}
          title={t('videoWall.layouts.delete')}
          onClick={() =>
            remove.mutate(l.id, {
              onSuccess: () => {
                if (store.getState().activeLayoutId === l.id) store.getState().setActiveLayout(null);
                setMessage({ tone: 'ok', text: t('videoWall.layouts.deleted') });
              },
            })
          }
          data-testid={testIds.wall.layoutDelete}
        >
          ✕
        </button>
      )}
    </li>
  );

  return (
    <div className="c2-wall-toolbar">
      <div className="c2-wall-toolbar__grids" role="group" aria-label={t('videoWall.grid.label')}>
        {WALL_GRIDS.map((g) => (
          <button
            key={g}
            type="button"
            className="c2-wall-toolbar__grid"
            aria-pressed={g === grid}
            onClick={() => store.getState().setGrid(g)}
            data-testid={testIds.wall.gridOption(g)}
          >
            {t(`videoWall.grid.${g}`)}
          </button>
        ))}
      </div>
      <details
        className="c2-wall-layouts"
        open={props.layoutsOpen}
        onToggle={(e) => props.onLayoutsOpen((e.currentTarget as HTMLDetailsElement).open)}
        data-testid={testIds.wall.layouts}
      >
        <summary data-testid={testIds.wall.activeLayout} data-layout-id={activeId ?? ''}>
          {active?.name ?? t('videoWall.layouts.unsaved')}
        </summary>
        <div className="c2-wall-layouts__panel">
          {active?.editable && (
            <Button
              variant="primary"
              size="sm"
              busy={save.isPending}
              onClick={() => saveActive(active)}
              data-testid={testIds.wall.layoutSave}
            >
              {t('videoWall.layouts.save')}: {active.name}
            </Button>
          )}
          <form className="c2-wall-layouts__form" onSubmit={saveAs}>
            <label className="c2-wall-layouts__label">
              {t('videoWall.layouts.name')}
              <input
                ref={props.nameRef}
                value={name}
                maxLength={80}
                onChange={(e) => setName(e.target.value)}
                data-testid={testIds.wall.layoutName}
              />
            </label>
            {props.canShare && (
              <label className="c2-wall-layouts__check">
                <input
                  type="checkbox"
                  checked={shared}
                  onChange={(e) => setShared(e.target.checked)}
                  data-testid={testIds.wall.layoutShared}
                />
                {t('videoWall.layouts.share')}
              </label>
            )}
            <Button
              type="submit"
              size="sm"
              busy={save.isPending}
              disabled={name.trim() === ''}
              data-testid={testIds.wall.layoutSaveAs}
            >
              {t('videoWall.layouts.saveAs')}
            </Button>
          </form>
          {message && (
            <p className={`c2-wall-layouts__message c2-wall-layouts__message--${message.tone}`} role="status">
              {message.text}
            </p>
          )}
          {layouts.data && layouts.data.length === 0 && (
            <p className="c2-wall-layouts__none">{t('videoWall.layouts.none')}</p>
          )}
          {mine.length > 0 && (
            <>
              <h3 className="c2-wall-layouts__heading">{t('videoWall.layouts.mine')}</h3>
              <ul className="c2-wall-layouts__list">{mine.map(item)}</ul>
            </>
          )}
          {common.length > 0 && (
            <>
              <h3 className="c2-wall-layouts__heading">{t('videoWall.layouts.shared')}</h3>
              <ul className="c2-wall-layouts__list">{common.map(item)}</ul>
            </>
          )}
        </div>
      </details>
      <div className="c2-wall-toolbar__actions">
        {!props.compact && (
          <Button size="sm" variant="ghost" onClick={props.onPopOut} data-testid={testIds.wall.popout}>
            {t('videoWall.popout')}
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={props.onFullscreen} data-testid={testIds.wall.fullscreen}>
          {t('videoWall.fullscreen')}
        </Button>
        <Button size="sm" variant="ghost" onClick={props.onHelp} data-testid={testIds.wall.helpToggle}>
          {t('videoWall.shortcuts.toggle')} <kbd>?</kbd>
        </Button>
      </div>
    </div>
  );
}
