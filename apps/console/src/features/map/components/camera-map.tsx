import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Map as MapLibreMap, NavigationControl, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { ensureMaplibreWorker } from '../../../lib/maplibre-worker';
import type { Camera, CameraState } from '@c2/api-client/schemas/camera';
import type { MapContext } from '@c2/api-client/schemas/map';
import { testIds } from '@c2/ui/test-ids';
import {
  CAMERA_LAYER,
  CAMERA_SOURCE,
  SELECTION_LAYER,
  cameraLayer,
  camerasToGeoJson,
  offlineStyle,
  selectionFilter,
  selectionLayer,
} from './map-style';

/** What the map exposes to end-to-end tests: read from the data the map itself was last given. */
interface MapProbe {
  ready: boolean;
  cameraState(id: string): string | undefined;
  cameraCount(): number;
  /** Where the camera is drawn, in CSS pixels from the map's top-left corner (to click it in a test). */
  cameraPoint(id: string): { x: number; y: number } | undefined;
}
declare global {
  interface Window {
    __c2map?: MapProbe;
  }
}

export interface CameraMapProps {
  context: MapContext;
  cameras: readonly Camera[];
  hiddenStates: ReadonlySet<CameraState>;
  selectedId: string | null;
  onSelect: (cameraId: string | null) => void;
}

/**
 * The MapLibre map of the province's cameras. Camera updates are coalesced to one `setData` per animation frame,
 * so a burst of status changes costs one upload to the GPU, not one per camera.
 */
export function CameraMap({ context, cameras, hiddenStates, selectedId, onSelect }: CameraMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const shown = useRef(new Map<string, { state: CameraState; lngLat: [number, number] }>());
  const [loaded, setLoaded] = useState(false);
  const [ready, setReady] = useState(false);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    if (!container.current) return;
    ensureMaplibreWorker();
    const map = new MapLibreMap({
      container: container.current,
      style: context.styleUrl ?? offlineStyle(context),
      bounds: context.bounds,
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      // A production style (MAP_STYLE_URL) knows nothing of our cameras: add their source and layer on top.
      if (!map.getSource(CAMERA_SOURCE)) {
        map.addSource(CAMERA_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
        map.addLayer(cameraLayer());
        map.addLayer(selectionLayer());
      }
      setLoaded(true);
    });
    map.on('click', CAMERA_LAYER, (e) => {
      const id = e.features?.[0]?.properties?.id;
      onSelectRef.current(typeof id === 'string' ? id : null);
    });
    map.on('mouseenter', CAMERA_LAYER, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', CAMERA_LAYER, () => (map.getCanvas().style.cursor = ''));
    mapRef.current = map;
    window.__c2map = {
      ready: false,
      cameraState: (id) => shown.current.get(id)?.state,
      cameraCount: () => shown.current.size,
      cameraPoint: (id) => {
        const at = shown.current.get(id)?.lngLat;
        return at ? map.project(at) : undefined;
      },
    };
    return () => {
      map.remove();
      mapRef.current = null;
      delete window.__c2map;
    };
  }, [context]);

  // One setData per frame, whatever the number of changes in between.
  const data = useMemo(() => camerasToGeoJson(cameras), [cameras]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const frame = requestAnimationFrame(() => {
      (map.getSource(CAMERA_SOURCE) as GeoJSONSource | undefined)?.setData(data);
      shown.current = new Map(
        data.features.map((f) => [
          f.properties.id,
          { state: f.properties.state, lngLat: f.geometry.coordinates as [number, number] },
        ]),
      );
      if (window.__c2map) window.__c2map.ready = true;
      setReady(true);
    });
    return () => cancelAnimationFrame(frame);
  }, [data, loaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const hidden = [...hiddenStates];
    map.setFilter(
      CAMERA_LAYER,
      hidden.length > 0 ? ['!', ['in', ['get', 'state'], ['literal', hidden]]] : null,
    );
  }, [hiddenStates, loaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setFilter(SELECTION_LAYER, selectionFilter(selectedId));
  }, [selectedId, loaded]);

  return (
    <div
      ref={container}
      className="c2-map__canvas"
      role="region"
      aria-label={t('map.canvasLabel')}
      data-testid={testIds.map.canvas}
      data-ready={ready ? 'true' : 'false'}
    />
  );
}
