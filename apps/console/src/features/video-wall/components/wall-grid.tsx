import { forwardRef } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Camera } from '@c2/api-client/schemas/camera';
import { testIds } from '@c2/ui/test-ids';
import type { AlarmQueue } from '../hooks/alarm-queue';
import { geometryOf } from '../stores/wall-grid';
import type { WallState } from '../stores/wall-store';
import { WallTile } from './wall-tile';

export interface WallGridProps {
  store: StoreApi<WallState>;
  cameraOf(id: string): Camera | undefined;
  alarms: AlarmQueue;
  onDismissAlarm(): void;
}

/** The tiles, placed by the grid's geometry; a maximised tile covers the wall and the others rest (not playing). */
export const WallGrid = forwardRef<HTMLDivElement, WallGridProps>(function WallGrid(
  { store, cameraOf, alarms, onDismissAlarm },
  ref,
) {
  const grid = useStore(store, (s) => s.grid);
  const tiles = useStore(store, (s) => s.tiles);
  const selected = useStore(store, (s) => s.selected);
  const maximized = useStore(store, (s) => s.maximized);
  const actions = store.getState();
  const geometry = geometryOf(grid);

  return (
    <div
      ref={ref}
      className="c2-wall-grid"
      data-testid={testIds.wall.grid}
      data-grid={grid}
      style={{
        gridTemplateColumns: `repeat(${geometry.columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${geometry.rows}, minmax(0, 1fr))`,
      }}
    >
      {tiles.map((tile, i) => {
        const span = geometry.spans[i]!;
        const isMax = maximized === i;
        return (
          <WallTile
            key={i}
            index={i}
            tile={tile}
            cameraOf={cameraOf}
            selected={selected === i}
            maximized={isMax}
            hidden={maximized !== null && !isMax}
            alarm={{ current: alarms.current, waiting: alarms.waiting.length, onDismiss: onDismissAlarm }}
            style={
              isMax
                ? { gridColumn: '1 / -1', gridRow: '1 / -1' }
                : {
                    gridColumn: `${span.column} / span ${span.columnSpan}`,
                    gridRow: `${span.row} / span ${span.rowSpan}`,
                  }
            }
            onSelect={() => actions.select(i)}
            onToggleMaximize={() => store.getState().toggleMaximize(i)}
            onDropCameras={(ids) => store.getState().dropCameras(i, ids)}
            onSwap={(from) => store.getState().swapTiles(from, i)}
            onClear={() => store.getState().clearTile(i)}
            onMakeAlarm={() => store.getState().setAlarmTile(i)}
            onTourSeconds={(s) => store.getState().setTourSeconds(i, s)}
          />
        );
      })}
    </div>
  );
});
