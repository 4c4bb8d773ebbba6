import { useTranslation } from 'react-i18next';
import { Button } from '@c2/ui/components/button/button';
import { setCameraDrag } from '@c2/ui/camera-drag';
import { testIds } from '@c2/ui/test-ids';

/** The cameras picked by box or lasso: send them to the wall, drag them to a tile, or let them go. */
export function SelectionBar({
  ids,
  onOpenOnWall,
  onClear,
}: {
  ids: readonly string[];
  onOpenOnWall: (ids: readonly string[]) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="c2-map__selection"
      role="status"
      data-testid={testIds.map.selectionBar}
      data-count={ids.length}
    >
      <span
        className="c2-map__drag"
        draggable
        title={t('map.selection.dragHint')}
        onDragStart={(e) => setCameraDrag(e.dataTransfer, ids)}
        data-testid={testIds.map.selectionDrag}
      >
        ⠿ {t('map.selection.count', { n: ids.length })}
      </span>
      <Button
        variant="primary"
        size="sm"
        onClick={() => onOpenOnWall(ids)}
        data-testid={testIds.map.sendToWall}
      >
        {t('map.selection.sendToWall')}
      </Button>
      <Button variant="ghost" size="sm" onClick={onClear} data-testid={testIds.map.clearSelection}>
        {t('map.selection.clear')}
      </Button>
    </div>
  );
}
