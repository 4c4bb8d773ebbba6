import { useEffect, useRef } from 'react';
import type { WallGrid } from '@c2/api-client/schemas/wall';

export interface WallKeyActions {
  grid(grid: WallGrid): void;
  move(dir: 'up' | 'down' | 'left' | 'right'): void;
  maximize(): void;
  fullscreenTile(): void;
  fullscreenWall(): void;
  clear(): void;
  alarm(): void;
  popOut(): void;
  save(): void;
  search(): void;
  help(): void;
  escape(): void;
}

/** The wall's keyboard shortcuts; the help overlay lists the same table. */
export const WALL_SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: '1 … 5', action: 'grids' },
  { keys: '6 · 7 · 8', action: 'mixed' },
  { keys: '← ↑ → ↓', action: 'move' },
  { keys: 'Enter', action: 'maximize' },
  { keys: 'F', action: 'fullscreenTile' },
  { keys: 'Shift + F', action: 'fullscreenWall' },
  { keys: 'Delete', action: 'clear' },
  { keys: 'A', action: 'alarm' },
  { keys: 'P', action: 'popOut' },
  { keys: 'S', action: 'save' },
  { keys: '/', action: 'search' },
  { keys: '?', action: 'help' },
  { keys: 'Esc', action: 'escape' },
];

const GRID_KEYS: Record<string, WallGrid> = {
  '1': '1',
  '2': '2x2',
  '3': '3x3',
  '4': '4x4',
  '5': '5x5',
  '6': '1+5',
  '7': '1+7',
  '8': '1+12',
};

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Listens for the wall's shortcuts while the wall is on screen. Keys typed into a field are left alone, and the
 * keys a focused control uses itself (Enter, arrows, Delete on a button or in the camera tree) stay its own: the
 * wall takes them only when the focus is on the wall or nowhere in particular.
 */
export function useWallKeyboard(actions: WallKeyActions, wall: React.RefObject<HTMLElement | null>): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const a = latest.current;
      if (e.key === 'Escape') {
        a.escape();
        return;
      }
      if (typingIn(e.target)) return;
      const onWall =
        e.target === document.body || (e.target instanceof Node && wall.current?.contains(e.target) === true);
      if (
        !onWall &&
        ['Enter', ' ', 'Delete', 'Backspace', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(
          e.key,
        )
      )
        return;
      const grid = GRID_KEYS[e.key];
      const arrows: Record<string, 'up' | 'down' | 'left' | 'right'> = {
        ArrowUp: 'up',
        ArrowDown: 'down',
        ArrowLeft: 'left',
        ArrowRight: 'right',
      };
      let handled = true;
      if (grid) a.grid(grid);
      else if (arrows[e.key]) a.move(arrows[e.key]!);
      else if (e.key === 'Enter') a.maximize();
      else if (e.key === 'F') a.fullscreenWall();
      else if (e.key === 'f') a.fullscreenTile();
      else if (e.key === 'Delete' || e.key === 'Backspace') a.clear();
      else if (e.key === 'a' || e.key === 'A') a.alarm();
      else if (e.key === 'p' || e.key === 'P') a.popOut();
      else if (e.key === 's' || e.key === 'S') a.save();
      else if (e.key === '/') a.search();
      else if (e.key === '?') a.help();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wall]);
}
