import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection } from 'geojson';
import {
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  type GeoJSONSource,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapContext } from '@c2/api-client/schemas/map';
import type { Sighting } from '@c2/api-client/schemas/investigate';
import { testIds } from '@c2/ui/test-ids';
import { ensureMaplibreWorker } from '../../../lib/maplibre-worker';

const PATH = 'path';
const POINTS = 'sightings';

/** What the path map exposes to end-to-end tests: the points it last drew, in order. */
interface PathProbe {
  ready: boolean;
  points(): Array<{ cameraId: string; order: number }>;
}
declare global {
  interface Window {
    __c2path?: PathProbe;
  }
}

/** A small offline basemap: the province's roads from the map context, dimmed, so the path stands out. */
function baseStyle(context: MapContext): StyleSpecification {
  const roads: FeatureCollection = {
    type: 'FeatureCollection',
    features: context.roads.map((r) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: r.coords },
      properties: { kind: r.kind },
    })),
  };
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  return {
    version: 8,
    sources: {
      roads: { type: 'geojson', data: roads },
      [PATH]: { type: 'geojson', data: empty },
      [POINTS]: { type: 'geojson', data: empty },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0b1524' } },
      {
        id: 'roads',
        type: 'line',
        source: 'roads',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ['match', ['get', 'kind'], 'expressway', '#6b5533', 'national', '#4f4a3a', '#34405a'],
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 13, 5],
        },
      },
      {
        id: PATH,
        type: 'line',
        source: PATH,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#4ea4ff', 'line-width': 4, 'line-dasharray': [2, 1] },
      },
      {
        id: POINTS,
        type: 'circle',
        source: POINTS,
        paint: {
          'circle-radius': 7,
          'circle-color': ['case', ['get', 'violation'], '#ff5f57', '#4ea4ff'],
          'circle-stroke-color': '#0b1524',
          'circle-stroke-width': 2,
        },
      },
    ],
  };
}

/**
 * The vehicle's path across cameras: sightings joined in time order, each numbered (DOM markers, so no glyph
 * server is needed). Self-contained: its own small MapLibre map over the roads of the map context.
 */
export function PathMap({ context, sightings }: { context: MapContext; sightings: readonly Sighting[] }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markers = useRef<Marker[]>([]);
  const [loaded, setLoaded] = useState(false);
  const drawn = useRef<Array<{ cameraId: string; order: number }>>([]);

  useEffect(() => {
    if (!container.current) return;
    ensureMaplibreWorker();
    const map = new MapLibreMap({
      container: container.current,
      style: baseStyle(context),
      bounds: context.bounds,
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => setLoaded(true));
    mapRef.current = map;
    window.__c2path = { ready: false, points: () => drawn.current };
    return () => {
      for (const m of markers.current) m.remove();
      markers.current = [];
      map.remove();
      mapRef.current = null;
      delete window.__c2path;
    };
  }, [context]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const coords = sightings.map((s) => [s.lng, s.lat] as [number, number]);
    (map.getSource(PATH) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features:
        coords.length > 1
          ? [{ type: 'Feature', geometry: { type: 'LineString', coordinates: coords }, properties: {} }]
          : [],
    });
    (map.getSource(POINTS) as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: sightings.map((s) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
        properties: { violation: s.violationId !== null },
      })),
    });
    for (const m of markers.current) m.remove();
    markers.current = sightings.slice(0, 100).map((s, i) => {
      const el = document.createElement('div');
      el.className = 'c2-path__marker';
      el.textContent = String(i + 1);
      el.title = `${i + 1}. ${s.cameraName} · ${new Date(s.ts).toLocaleString()}`;
      return new Marker({ element: el, offset: [12, -12] }).setLngLat([s.lng, s.lat]).addTo(map);
    });
    drawn.current = sightings.map((s, i) => ({ cameraId: s.cameraId, order: i + 1 }));
    if (coords.length > 0) {
      const lngs = coords.map((c) => c[0]);
      const lats = coords.map((c) => c[1]);
      map.fitBounds(
        [
          [Math.min(...lngs) - 0.01, Math.min(...lats) - 0.01],
          [Math.max(...lngs) + 0.01, Math.max(...lats) + 0.01],
        ],
        { padding: 40, duration: 0, maxZoom: 14 },
      );
    }
    if (window.__c2path) window.__c2path.ready = true;
    map.once('idle', () => container.current?.setAttribute('data-ready', 'true'));
  }, [sightings, loaded]);

  return (
    <div
      ref={container}
      className="c2-path"
      data-testid={testIds.investigate.map}
      data-count={sightings.length}
      role="img"
      aria-label={`${t('investigate.map')}. ${t('investigate.mapHint')}`}
    />
  );
}
