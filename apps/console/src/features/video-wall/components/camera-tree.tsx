import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '@c2/api-client/schemas/camera';
import { setCameraDrag } from '@c2/ui/camera-drag';
import { SegmentedControl } from '@c2/ui/components/segmented-control/segmented-control';
import { StatusDot } from '@c2/ui/components/status-dot/status-dot';
import { testIds } from '@c2/ui/test-ids';
import { CAMERA_STATE_TONE } from '../../../lib/camera-state';

/** Rows drawn at most while searching (a province has hundreds of cameras; a search narrows them). */
const MAX_ROWS = 300;

type GroupBy = 'area' | 'road';

/** Vietnamese without diacritics, lower case: "Bắc Ninh", "bac ninh" and "BĂC NINH" all match "bac ninh". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

interface Group {
  key: string;
  name: string;
  cameras: Camera[];
  online: number;
}

function groupCameras(cameras: readonly Camera[], by: GroupBy, noRoad: string): Group[] {
  const groups = new Map<string, Group>();
  for (const c of cameras) {
    const key = by === 'area' ? c.areaId : (c.roadId ?? '—');
    const name = by === 'area' ? c.areaName : (c.roadName ?? noRoad);
    const g = groups.get(key) ?? { key, name, cameras: [], online: 0 };
    g.cameras.push(c);
    if (c.status.state !== 'offline') g.online++;
    groups.set(key, g);
  }
  const out = [...groups.values()];
  for (const g of out) g.cameras.sort((a, b) => a.code.localeCompare(b.code, 'vi'));
  return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export interface CameraTreeProps {
  cameras: readonly Camera[];
  /** Double-click or Enter on a camera: open it on the wall. */
  onOpen(cameraId: string): void;
  searchRef?: React.Ref<HTMLInputElement>;
}

/**
 * The cameras the user may see, by ward or by road, with a search that ignores Vietnamese diacritics. A camera, or a
 * whole group (for a tour), is dragged onto a tile with the shared camera-drag payload.
 */
export function CameraTree({ cameras, onOpen, searchRef }: CameraTreeProps) {
  const { t } = useTranslation();
  const [by, setBy] = useState<GroupBy>('area');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const folded = foldVietnamese(query.trim());

  const groups = useMemo(() => {
    const matching = folded
      ? cameras.filter((c) =>
          foldVietnamese(`${c.name} ${c.code} ${c.roadName ?? ''} ${c.areaName}`).includes(folded),
        )
      : cameras;
    return groupCameras(matching, by, t('videoWall.tree.noRoad'));
  }, [cameras, by, folded, t]);

  let budget = MAX_ROWS;
  let hidden = 0;

  function toggle(key: string) {
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  return (
    <aside className="c2-wall-tree" aria-label={t('videoWall.tree.label')} data-testid={testIds.wall.tree}>
      <input
        ref={searchRef}
        className="c2-wall-tree__search"
        type="search"
        value={query}
        placeholder={t('videoWall.tree.search')}
        aria-label={t('videoWall.tree.searchLabel')}
        onChange={(e) => setQuery(e.target.value)}
        data-testid={testIds.wall.treeSearch}
      />
      <SegmentedControl<GroupBy>
        label={t('videoWall.tree.label')}
        value={by}
        onChange={setBy}
        options={[
          { value: 'area', label: t('videoWall.tree.byArea'), testId: testIds.wall.treeGroupBy('area') },
          { value: 'road', label: t('videoWall.tree.byRoad'), testId: testIds.wall.treeGroupBy('road') },
        ]}
      />
      <p className="c2-wall-tree__hint">{t('videoWall.tree.hint')}</p>
      {groups.length === 0 ? (
        <p className="c2-wall-tree__empty">{t('videoWall.tree.empty')}</p>
      ) : (
        <ul className="c2-wall-tree__groups" role="tree" aria-label={t('videoWall.tree.label')}>
          {groups.map((g) => {
            const expanded = folded.length > 0 || open.has(g.key);
            const shown = expanded ? g.cameras.slice(0, Math.max(0, budget)) : [];
            budget -= shown.length;
            if (expanded) hidden += g.cameras.length - shown.length;
            return (
              <li key={g.key} role="treeitem" aria-expanded={expanded} aria-selected={false}>
                <div
                  className="c2-wall-tree__group"
                  draggable
                  onDragStart={(e) =>
                    setCameraDrag(
                      e.dataTransfer,
                      g.cameras.map((c) => c.id),
                    )
                  }
                  data-testid={testIds.wall.treeGroup(g.key)}
                >
                  <button type="button" className="c2-wall-tree__toggle" onClick={() => toggle(g.key)}>
                    <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                    <span className="c2-wall-tree__group-name">{g.name}</span>
                  </button>
                  <span
                    className="c2-wall-tree__count"
                    title={t('videoWall.tree.count', { n: g.cameras.length })}
                  >
                    {g.online}/{g.cameras.length}
                  </span>
                </div>
                {shown.length > 0 && (
                  <ul role="group" className="c2-wall-tree__cameras">
                    {shown.map((c) => (
                      <li
                        key={c.id}
                        role="treeitem"
                        aria-selected={false}
                        tabIndex={0}
                        className="c2-wall-tree__camera"
                        draggable
                        onDragStart={(e) => setCameraDrag(e.dataTransfer, [c.id])}
                        onDoubleClick={() => onOpen(c.id)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') {
                            e.preventDefault();
                            onOpen(c.id);
                          }
                        }}
                        data-testid={testIds.wall.treeCamera(c.id)}
                        data-state={c.status.state}
                        title={`${c.name} · ${c.code} · ${t(`camera.state.${c.status.state}`)}`}
                      >
                        <StatusDot
                          tone={CAMERA_STATE_TONE[c.status.state]}
                          size="sm"
                          label={t(`camera.state.${c.status.state}`)}
                        />
                        <span className="c2-wall-tree__camera-name">{c.name}</span>
                        <span className="c2-wall-tree__camera-code">{c.code}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
          {hidden > 0 && <li className="c2-wall-tree__more">{t('videoWall.tree.more', { n: hidden })}</li>}
        </ul>
      )}
    </aside>
  );
}
