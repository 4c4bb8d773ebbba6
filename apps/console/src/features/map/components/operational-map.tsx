import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StyleSpecification } from 'maplibre-gl';
import type { Camera, NearestCamera } from '@c2/api-client/schemas/camera';
import type { Basemap, MapContext, ViolationHeat } from '@c2/api-client/schemas/map';
import type { Unit } from '@c2/api-client/schemas/unit';
import { testIds } from '@c2/ui/test-ids';
import { useLiveDeltas } from '../../../lib/live-deltas';
import type { MapFilters, OverlayKey, SelectTool } from '../stores/map-store';
import { offlineStyle } from '../basemap/offline-style';
import { MapScene, type Picked, type SceneView } from '../scene/map-scene';
import type { SceneState } from '../layers/scene-layers';
import type { Layer } from '@deck.gl/core';
import { MapTooltip } from './map-tooltip';

/** What the map exposes to end-to-end tests and the benchmark: read from the scene's own models. */
export interface MapProbe {
  ready: boolean;
  cameraState(id: string): string | undefined;
  cameraCount(): number;
  visibleCount(): number;
  /** Where the camera is drawn, in CSS pixels from the map's top-left corner (to click it in a test). */
  cameraPoint(id: string): { x: number; y: number } | undefined;
  /** Every camera that passes the filters and is in view, with its screen point. */
  visibleCameraPoints(): { id: string; x: number; y: number }[];
  zoom(): number;
  scene: MapScene;
  /** Only with `?bench`: the benchmark's naive layer builder. */
  naiveLayers?: (s: SceneState) => Layer[];
}
declare global {
  interface Window {
    __c2map?: MapProbe;
  }
}

export interface OperationalMapProps {
  context: MapContext;
  basemap: Basemap | null;
  cameras: readonly Camera[];
  units: readonly Unit[] | undefined;
  filters: MapFilters;
  overlays: Record<OverlayKey, boolean>;
  selection: readonly string[];
  focusId: string | null;
  heat: ViolationHeat | null;
  probe: { lng: number; lat: number; nearest: readonly NearestCamera[] } | null;
  tool: SelectTool;
  onScene: (scene: MapScene | null) => void;
  onPick: (picked: Picked | null, at: { lng: number; lat: number }) => void;
  onArea: (cameraIds: string[]) => void;
  onView: (view: SceneView) => void;
}

const LABEL_LAYERS = ['ward-labels', 'sea-labels', 'province-labels', 'country-labels', 'archipelago-labels'];

/**
 * The operational map: owns the MapScene (MapLibre + deck.gl) for its lifetime and feeds it. React hands over
 * whole values (camera list, filters, selection); live batches (GPS fixes, new events, alerts) go straight from the
 * live store to the scene without a React render.
 */
export function OperationalMap(props: OperationalMapProps) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [scene, setScene] = useState<MapScene | null>(null);
  const [ready, setReady] = useState(false);
  const [hover, setHover] = useState<{ picked: Picked; x: number; y: number } | null>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const deltas = useLiveDeltas();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const initialLanguage = useRef<'vi' | 'en'>(language);

  // One scene per map context; style and view are fixed at creation.
  useEffect(() => {
    if (!container.current) return;
    const { context, basemap } = latest.current;
    const style: StyleSpecification | string =
      context.styleUrl ?? offlineStyle(context, basemap!, initialLanguage.current);
    const s = new MapScene({
      container: container.current,
      style,
      bounds: context.bounds,
      onClick: (picked, at) => latest.current.onPick(picked, at),
      onHover: (picked, at) => setHover(picked ? { picked, ...at } : null),
      onView: (view) => latest.current.onView(view),
      onReady: () => setReady(true),
    });
    setScene(s);
    latest.current.onScene(s);
    return () => {
      latest.current.onScene(null);
      s.destroy();
      setScene(null);
      setReady(false);
    };
  }, [props.context]);

  // Test and benchmark probe, reading the scene's models (what is drawn, not a copy).
  useEffect(() => {
    if (!scene) return;
    const m = scene.state.cameras;
    window.__c2map = {
      ready,
      scene,
      cameraState: (id) => m.camera(id)?.status.state,
      cameraCount: () => m.length,
      visibleCount: () => m.visible.reduce((n, v) => n + v, 0),
      cameraPoint: (id) => {
        const c = m.camera(id);
        return c ? scene.map.project([c.location.lng, c.location.lat]) : undefined;
      },
      visibleCameraPoints: () => {
        const { width, height } = scene.map.getCanvas().getBoundingClientRect();
        const out: { id: string; x: number; y: number }[] = [];
        for (let i = 0; i < m.length; i++) {
          if (m.visible[i] === 0) continue;
          const p = scene.map.project([m.positions[i * 2]!, m.positions[i * 2 + 1]!]);
          if (p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height)
            out.push({ id: m.cameras[i]!.id, x: p.x, y: p.y });
        }
        return out;
      },
      zoom: () => scene.map.getZoom(),
    };
    // The map benchmark (e2e/bench/map.bench.ts) compares our layers with a naive build in this same page.
    if (new URLSearchParams(window.location.search).has('bench'))
      void import('../bench/naive-layers').then(({ createNaiveLayers }) => {
        if (window.__c2map) window.__c2map.naiveLayers = createNaiveLayers();
      });
    return () => {
      delete window.__c2map;
    };
  }, [scene, ready]);

  useEffect(() => {
    if (scene && props.units) scene.setUnits(props.units);
  }, [scene, props.units]);
  useEffect(() => {
    if (scene) scene.setCameras(props.cameras, latest.current.filters);
  }, [scene, props.cameras]);
  useEffect(() => {
    if (scene) scene.setFilters(props.filters);
  }, [scene, props.filters]);
  useEffect(() => {
    if (scene) scene.setOverlays(props.overlays);
  }, [scene, props.overlays]);
  useEffect(() => {
    if (scene) scene.setSelection(props.selection, props.focusId);
  }, [scene, props.selection, props.focusId]);
  useEffect(() => {
    if (scene) scene.setHeat(props.heat);
  }, [scene, props.heat]);
  useEffect(() => {
    if (scene) scene.setProbe(props.probe);
  }, [scene, props.probe]);

  // Live batches straight to the scene.
  useEffect(() => {
    if (!scene) return;
    const offEntries = deltas.onEntries((entries) => scene.applyEntries(entries));
    const offPositions = deltas.onUnitPositions((frames) => scene.applyUnitFrames(frames));
    return () => {
      offEntries();
      offPositions();
    };
  }, [scene, deltas]);

  // Place names follow the console's language (the offline basemap carries both).
  useEffect(() => {
    if (!scene || !ready || props.context.styleUrl) return;
    for (const id of LABEL_LAYERS)
      if (scene.map.getLayer(id))
        scene.map.setLayoutProperty(id, 'text-field', ['get', language === 'en' ? 'nameEn' : 'name']);
  }, [scene, ready, language, props.context.styleUrl]);

  // Panning is off while a selection tool is in use, so a drag draws instead.
  useEffect(() => {
    if (!scene) return;
    if (props.tool === 'pan') scene.map.dragPan.enable();
    else scene.map.dragPan.disable();
  }, [scene, props.tool]);

  return (
    <div className="c2-map__stage">
      <div
        ref={container}
        className="c2-map__canvas"
        role="region"
        aria-label={t('map.canvasLabel')}
        data-testid={testIds.map.canvas}
        data-ready={ready ? 'true' : 'false'}
      />
      {props.tool !== 'pan' && scene ? (
        <SelectionDrawer tool={props.tool} onDone={(polygon) => props.onArea(scene.camerasInside(polygon))} />
      ) : null}
      {hover ? <MapTooltip picked={hover.picked} x={hover.x} y={hover.y} /> : null}
    </div>
  );
}

/** Draws a box or a lasso over the map with the pointer and hands back the shape in screen points. */
function SelectionDrawer({
  tool,
  onDone,
}: {
  tool: Exclude<SelectTool, 'pan'>;
  onDone: (polygon: { x: number; y: number }[]) => void;
}) {
  const { t } = useTranslation();
  const [points, setPoints] = useState<{ x: number; y: number }[]>([]);
  const drawing = useRef(false);
  const at = (e: ReactPointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const shape = (pts: { x: number; y: number }[]) => {
    if (tool === 'lasso' || pts.length < 2) return pts;
    const a = pts[0]!;
    const b = pts[pts.length - 1]!;
    return [a, { x: b.x, y: a.y }, b, { x: a.x, y: b.y }];
  };
  const drawn = shape(points);
  return (
    <div
      className="c2-map__drawer"
      data-testid={testIds.map.selectionDrawer}
      aria-label={t(tool === 'box' ? 'map.tools.boxHint' : 'map.tools.lassoHint')}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drawing.current = true;
        setPoints([at(e)]);
      }}
      onPointerMove={(e) => {
        if (!drawing.current) return;
        const p = at(e);
        setPoints((prev) => (tool === 'box' ? [prev[0]!, p] : [...prev, p]));
      }}
      onPointerUp={() => {
        drawing.current = false;
        const polygon = shape(points);
        setPoints([]);
        if (polygon.length >= 3) onDone(polygon);
      }}
    >
      {drawn.length >= 2 ? (
        <svg className="c2-map__drawer-shape" aria-hidden="true">
          <polygon points={drawn.map((p) => `${p.x},${p.y}`).join(' ')} />
        </svg>
      ) : null}
    </div>
  );
}
