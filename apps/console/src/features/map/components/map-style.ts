import type { FeatureCollection, Point } from 'geojson';
import type { CircleLayerSpecification, FilterSpecification, StyleSpecification } from 'maplibre-gl';
import type { Camera, CameraState } from '@c2/api-client/schemas/camera';
import type { MapContext } from '@c2/api-client/schemas/map';

/** Status colours, the same as the theme's (--c2-ok / --c2-warn / --c2-danger), since WebGL cannot read CSS. */
export const STATE_COLOURS: Record<CameraState, string> = {
  online: '#2fd07f',
  degraded: '#f7b731',
  offline: '#ff5f57',
};
export const CAMERA_LAYER = 'cameras';
export const CAMERA_SOURCE = 'cameras';
export const SELECTION_LAYER = 'camera-selection';

export type CameraCollection = FeatureCollection<Point, { id: string; state: CameraState; kind: string }>;

export function camerasToGeoJson(cameras: readonly Camera[]): CameraCollection {
  return {
    type: 'FeatureCollection',
    features: cameras.map((c) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.location.lng, c.location.lat] },
      properties: { id: c.id, state: c.status.state, kind: c.kind },
    })),
  };
}

/**
 * The embedded basemap, built from the map context: no tile server and no glyphs, so it renders with the network
 * cut. Roads are drawn by class; cameras are circles coloured by live state, offline ones drawn on top.
 */
export function offlineStyle(context: MapContext): StyleSpecification {
  const roads: FeatureCollection = {
    type: 'FeatureCollection',
    features: context.roads.map((r) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: r.coords },
      properties: { id: r.id, kind: r.kind, name: r.name },
    })),
  };
  return {
    version: 8,
    sources: {
      roads: { type: 'geojson', data: roads },
      [CAMERA_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0b1524' } },
      {
        id: 'roads-casing',
        type: 'line',
        source: 'roads',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#050b14',
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 13, 9],
        },
      },
      {
        id: 'roads',
        type: 'line',
        source: 'roads',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': [
            'match',
            ['get', 'kind'],
            'expressway',
            '#c98a3a',
            'national',
            '#8d7a4e',
            'ring',
            '#6f7f9c',
            '#4d5c78',
          ],
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            8,
            ['match', ['get', 'kind'], 'expressway', 2, 'national', 1.5, 1],
            13,
            ['match', ['get', 'kind'], 'expressway', 7, 'national', 5, 3],
          ],
        },
      },
      cameraLayer(),
      selectionLayer(),
    ],
  };
}

/** The cameras as circles coloured by live state, offline ones drawn on top (added to any style, also a remote one). */
export function cameraLayer(): CircleLayerSpecification {
  return {
    id: CAMERA_LAYER,
    type: 'circle',
    source: CAMERA_SOURCE,
    layout: { 'circle-sort-key': ['match', ['get', 'state'], 'offline', 2, 'degraded', 1, 0] },
    paint: {
      'circle-color': [
        'match',
        ['get', 'state'],
        'offline',
        STATE_COLOURS.offline,
        'degraded',
        STATE_COLOURS.degraded,
        STATE_COLOURS.online,
      ],
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        8,
        ['match', ['get', 'state'], 'online', 3, 5],
        14,
        ['match', ['get', 'state'], 'online', 7, 10],
      ],
      'circle-stroke-color': '#0b1524',
      'circle-stroke-width': 1,
    },
  };
}

/** A ring around the camera whose details are open; `selectionFilter` points it at a camera. */
export function selectionLayer(): CircleLayerSpecification {
  return {
    id: SELECTION_LAYER,
    type: 'circle',
    source: CAMERA_SOURCE,
    filter: selectionFilter(null),
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 9, 14, 15],
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  };
}

export function selectionFilter(cameraId: string | null): FilterSpecification {
  return ['==', ['get', 'id'], cameraId ?? ''];
}
