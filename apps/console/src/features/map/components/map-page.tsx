import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LngLatBounds } from 'maplibre-gl';
import type { Camera } from '@c2/api-client/schemas/camera';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { testIds } from '@c2/ui/test-ids';
import {
  useBasemap,
  useCameras,
  useMapContext,
  useNearestCameras,
  useUnits,
  useViolationHeat,
} from '../api/map-data';
import { passes, useMapStore, type HeatRange } from '../stores/map-store';
import type { MapScene, Picked } from '../scene/map-scene';
import type { SearchHit } from '../model/search';
import { OperationalMap } from './operational-map';
import { CameraPopover } from './camera-popover';
import { MapControls } from './map-controls';
import { MapSearch } from './map-search';
import { NearestPanel } from './nearest-panel';
import { SelectionBar } from './selection-bar';
import './map-page.css';

/** How many cameras one "open on the wall" sends (the wall's largest layout). */
const WALL_MAX = 16;

export interface MapPageProps {
  /** The user may see field units (unit:view) and violation statistics (violation:view). */
  canSeeUnits: boolean;
  canSeeViolations: boolean;
  /** Whether the user may open live video (stream:open): the camera popover plays its sub stream. */
  canWatch: boolean;
}

/** The preset or custom heatmap range as ISO times; presets end at the current 5 minutes so the query key holds. */
function heatWindow(range: HeatRange): { from: string; to: string } {
  if (range.preset === 'custom') return { from: range.from, to: range.to };
  const step = 5 * 60_000;
  const to = Math.ceil(Date.now() / step) * step;
  const days = { '24h': 1, '7d': 7, '30d': 30 }[range.preset];
  return { from: new Date(to - days * 86_400_000).toISOString(), to: new Date(to).toISOString() };
}

/**
 * The operational map: every camera the user may see (clustered with status counts when zoomed out, icons and
 * field-of-view cones when zoomed in), field units moving live, new events pulsing, open alerts, and the
 * violations heatmap; filters, search, box/lasso selection to the video wall, and the cameras nearest any point.
 */
export function MapPage({ canSeeUnits, canSeeViolations, canWatch }: MapPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const context = useMapContext();
  const cameras = useCameras();
  const basemap = useBasemap(context.data !== undefined && context.data.styleUrl === null);
  const units = useUnits(canSeeUnits);
  const { filters, overlays, selection, focusId, probe, tool, heatRange } = useMapStore();
  const { focus, setProbe, select, setTool } = useMapStore.getState();
  const heatRangeIso = useMemo(() => heatWindow(heatRange), [heatRange]);
  const heat = useViolationHeat(canSeeViolations && overlays.heatmap ? heatRangeIso : null);
  const nearest = useNearestCameras(probe);
  const [scene, setScene] = useState<MapScene | null>(null);

  const visible = useMemo(
    () =>
      (cameras.data ?? []).filter((c) =>
        passes(filters, { state: c.status.state, kind: c.kind, areaId: c.areaId, owner: c.owner }),
      ).length,
    [cameras.data, filters],
  );
  const camera = useMemo(() => cameras.data?.find((c) => c.id === focusId) ?? null, [cameras.data, focusId]);
  const anchor = useScreenPoint(scene, camera);
  const probeLinks = useMemo(
    () => (probe ? { ...probe, nearest: nearest.data ?? [] } : null),
    [probe, nearest.data],
  );

  const openOnWall = (ids: readonly string[]) => {
    if (ids.length === 0) return;
    void navigate(`/wall?cameras=${ids.slice(0, WALL_MAX).map(encodeURIComponent).join(',')}`);
  };

  const onPick = (picked: Picked | null, at: { lng: number; lat: number }) => {
    if (!picked) {
      setProbe(at);
      return;
    }
    switch (picked.kind) {
      case 'camera':
        focus(picked.camera.id);
        break;
      case 'cluster':
        scene?.map.easeTo({ center: [picked.lng, picked.lat], zoom: Math.floor(scene.map.getZoom()) + 2 });
        break;
      case 'alert':
        if (picked.alert.cameraId) focus(picked.alert.cameraId);
        break;
      case 'event':
        focus(picked.pulse.cameraId);
        break;
      case 'unit':
        setProbe(
          picked.unit.position ? { lng: picked.unit.position.lng, lat: picked.unit.position.lat } : at,
        );
        break;
    }
  };

  const onSearch = (hit: SearchHit) => {
    if (!scene) return;
    if (hit.kind === 'camera') {
      scene.map.flyTo({
        center: [hit.camera.location.lng, hit.camera.location.lat],
        zoom: 16,
        duration: 800,
      });
      focus(hit.camera.id);
    } else if (hit.kind === 'ward') {
      scene.map.flyTo({ center: hit.center, zoom: 13.5, duration: 800 });
    } else {
      const bounds = hit.coords.reduce((b, p) => b.extend(p), new LngLatBounds(hit.coords[0], hit.coords[0]));
      scene.map.fitBounds(bounds, { padding: 80, duration: 800 });
    }
  };

  // Escape leaves the selection tool, closes the popover or the nearest list.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setTool('pan');
      focus(null);
      setProbe(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focus, setProbe, setTool]);

  if (context.isError || cameras.isError || basemap.isError) {
    return <EmptyState title={t('map.error')} testId={testIds.map.error} />;
  }
  const ready = context.data && cameras.data && (context.data.styleUrl !== null || basemap.data);
  return (
    <section className="c2-map" data-testid={testIds.map.page} aria-label={t('map.title')}>
      {ready ? (
        <>
          <OperationalMap
            context={context.data!}
            basemap={basemap.data ?? null}
            cameras={cameras.data!}
            units={canSeeUnits ? units.data : undefined}
            filters={filters}
            overlays={overlays}
            selection={selection}
            focusId={focusId}
            heat={canSeeViolations && overlays.heatmap ? (heat.data ?? null) : null}
            probe={probeLinks}
            tool={tool}
            onScene={setScene}
            onPick={onPick}
            onArea={(ids) => {
              select(ids);
              setTool('pan');
            }}
            onView={() => undefined}
          />
          <div className="c2-map__top">
            <MapSearch cameras={cameras.data!} context={context.data!} onPick={onSearch} />
          </div>
          <MapControls
            cameras={cameras.data!}
            context={context.data!}
            visible={visible}
            canSeeViolations={canSeeViolations}
            heatTotal={overlays.heatmap ? (heat.data?.total ?? null) : null}
          />
          {camera && anchor ? (
            <CameraPopover
              camera={camera}
              canWatch={canWatch}
              anchor={anchor.point}
              stage={anchor.stage}
              onClose={() => focus(null)}
              onOpenOnWall={openOnWall}
              onNearest={(c) => setProbe({ lng: c.location.lng, lat: c.location.lat })}
            />
          ) : null}
          {probe ? (
            <NearestPanel
              at={probe}
              cameras={nearest.data}
              loading={nearest.isPending}
              failed={nearest.isError}
              onFocus={(id) => focus(id)}
              onOpenOnWall={openOnWall}
              onClose={() => setProbe(null)}
            />
          ) : null}
          {selection.length > 0 ? (
            <SelectionBar ids={selection} onOpenOnWall={openOnWall} onClear={() => select([])} />
          ) : null}
        </>
      ) : (
        <Spinner label={t('app.loading')} />
      )}
    </section>
  );
}

/** Where a camera is on screen, following the map as it moves (one update per frame at most). */
function useScreenPoint(scene: MapScene | null, camera: Camera | null) {
  const [value, setValue] = useState<{
    point: { x: number; y: number };
    stage: { width: number; height: number };
  } | null>(null);
  const lng = camera?.location.lng;
  const lat = camera?.location.lat;
  useEffect(() => {
    if (!scene || lng === undefined || lat === undefined) {
      setValue(null);
      return;
    }
    let frame = 0;
    const read = () => {
      frame = 0;
      const p = scene.map.project([lng, lat]);
      const c = scene.map.getContainer();
      setValue({ point: { x: p.x, y: p.y }, stage: { width: c.clientWidth, height: c.clientHeight } });
    };
    const onMove = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    scene.map.on('move', onMove);
    return () => {
      scene.map.off('move', onMove);
      cancelAnimationFrame(frame);
    };
  }, [scene, lng, lat]);
  return value;
}
