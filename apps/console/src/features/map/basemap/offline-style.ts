import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Basemap, MapContext } from '@c2/api-client/schemas/map';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import vietnamese400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import vietnamese600 from '@fontsource/noto-sans/files/noto-sans-vietnamese-600-normal.woff2?url';

/** Unicode ranges of the fontsource subsets (as in their CSS), so each codepoint is drawn from the file that has it. */
const LATIN = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+0304',
  'U+0308',
  'U+0329',
  'U+2000-206F',
  'U+20AC',
  'U+2122',
  'U+2191',
  'U+2193',
  'U+2212',
  'U+2215',
  'U+FEFF',
  'U+FFFD',
];
const VIETNAMESE = [
  'U+0102-0103',
  'U+0110-0111',
  'U+0128-0129',
  'U+0168-0169',
  'U+01A0-01A1',
  'U+01AF-01B0',
  'U+0300-0301',
  'U+0303-0304',
  'U+0308-0309',
  'U+0323',
  'U+0329',
  'U+1EA0-1EF9',
  'U+20AB',
];

const REGULAR = 'Noto Sans Regular';
const SEMIBOLD = 'Noto Sans SemiBold';

/** Absolute URL on our own origin (MapLibre resolves font files itself, outside the page's base URL). */
const own = (path: string) => new URL(path, window.location.origin).href;

/** Local fonts for the labels (MapLibre `font-faces`): woff2 files from @fontsource, served by our origin. */
export function fontFaces(): StyleSpecification['font-faces'] {
  return {
    [REGULAR]: [
      { url: own(latin400), 'unicode-range': LATIN },
      { url: own(vietnamese400), 'unicode-range': VIETNAMESE },
    ],
    [SEMIBOLD]: [
      { url: own(latin600), 'unicode-range': LATIN },
      { url: own(vietnamese600), 'unicode-range': VIETNAMESE },
    ],
  };
}

const C = {
  sea: '#07101b',
  land: '#0f1a2a',
  landBorder: '#2a3a52',
  vietnam: '#13233a',
  province: '#2e4566',
  home: '#17304f',
  homeBorder: '#5b84b8',
  labelCountry: '#a3b3cc',
  labelProvince: '#8197b8',
  labelSea: '#4f6d93',
  labelVietnam: '#e8eef8',
  halo: '#07101b',
};

/** The basemap's place-label text in the console's language. */
const nameIn = (language: 'vi' | 'en'): ExpressionSpecification => [
  'get',
  language === 'en' ? 'nameEn' : 'name',
];

/**
 * The embedded offline style: sea, the region's countries, Vietnam's provinces (the simulated one highlighted),
 * the Hoàng Sa and Trường Sa archipelagos, the simulated road network, and place labels in Noto Sans from our own
 * origin. No tile server, no glyph server: it renders with the network cut.
 */
export function offlineStyle(
  context: MapContext,
  basemap: Basemap,
  language: 'vi' | 'en',
): StyleSpecification {
  const roads: FeatureCollection = {
    type: 'FeatureCollection',
    features: context.roads.map((r) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: r.coords },
      properties: { id: r.id, kind: r.kind, name: r.name, ref: r.ref },
    })),
  };
  const wards: FeatureCollection = {
    type: 'FeatureCollection',
    features: context.areas.map((a) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: a.center },
      properties: { id: a.id, name: a.name, nameEn: a.name },
    })),
  };
  const text = nameIn(language);
  return {
    version: 8,
    'font-faces': fontFaces(),
    sources: {
      countries: { type: 'geojson', data: basemap.countries },
      provinces: { type: 'geojson', data: basemap.provinces },
      archipelagos: { type: 'geojson', data: basemap.archipelagos },
      places: { type: 'geojson', data: basemap.labels },
      roads: { type: 'geojson', data: roads },
      wards: { type: 'geojson', data: wards },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': C.sea } },
      {
        id: 'countries',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['case', ['get', 'vietnam'], C.vietnam, C.land] },
      },
      {
        id: 'country-borders',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': C.landBorder, 'line-width': 1 },
      },
      {
        id: 'provinces',
        type: 'fill',
        source: 'provinces',
        paint: { 'fill-color': ['case', ['==', ['get', 'name'], context.province], C.home, C.vietnam] },
      },
      {
        id: 'province-borders',
        type: 'line',
        source: 'provinces',
        filter: ['!=', ['get', 'name'], context.province],
        paint: {
          'line-color': C.province,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.5, 10, 1.2],
        },
      },
      {
        id: 'home-province-border',
        type: 'line',
        source: 'provinces',
        filter: ['==', ['get', 'name'], context.province],
        paint: {
          'line-color': C.homeBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2.5],
        },
      },
      // The islands are a few hundred metres across: an outline keeps them visible at every zoom.
      { id: 'archipelagos', type: 'fill', source: 'archipelagos', paint: { 'fill-color': C.vietnam } },
      {
        id: 'archipelago-outline',
        type: 'line',
        source: 'archipelagos',
        paint: {
          'line-color': '#9cc0ec',
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 3, 7, 2, 10, 1],
        },
      },
      {
        id: 'roads-casing',
        type: 'line',
        source: 'roads',
        minzoom: 7,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#050b14',
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 13, 9, 16, 16],
        },
      },
      {
        id: 'roads',
        type: 'line',
        source: 'roads',
        minzoom: 7,
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
            16,
            ['match', ['get', 'kind'], 'expressway', 13, 'national', 10, 7],
          ],
        },
      },
      {
        id: 'road-labels',
        type: 'symbol',
        source: 'roads',
        minzoom: 10,
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 420,
          'text-field': ['get', 'ref'],
          'text-font': [SEMIBOLD],
          'text-size': 11,
          'text-letter-spacing': 0.05,
        },
        paint: { 'text-color': '#e6c489', 'text-halo-color': '#050b14', 'text-halo-width': 2 },
      },
      {
        id: 'ward-labels',
        type: 'symbol',
        source: 'wards',
        minzoom: 11,
        layout: { 'text-field': text, 'text-font': [REGULAR], 'text-size': 12, 'text-padding': 6 },
        paint: { 'text-color': C.labelProvince, 'text-halo-color': C.halo, 'text-halo-width': 1.5 },
      },
      {
        id: 'sea-labels',
        type: 'symbol',
        source: 'places',
        filter: ['==', ['get', 'kind'], 'sea'],
        maxzoom: 9,
        layout: {
          'text-field': text,
          'text-font': [REGULAR],
          'text-size': ['match', ['get', 'rank'], 2, 16, 12],
          'text-letter-spacing': 0.2,
        },
        paint: { 'text-color': C.labelSea },
      },
      {
        id: 'province-labels',
        type: 'symbol',
        source: 'places',
        filter: ['==', ['get', 'kind'], 'province'],
        minzoom: 5.5,
        maxzoom: 10.5,
        layout: { 'text-field': text, 'text-font': [REGULAR], 'text-size': 12, 'text-max-width': 8 },
        paint: { 'text-color': C.labelProvince, 'text-halo-color': C.halo, 'text-halo-width': 1.5 },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'places',
        filter: ['==', ['get', 'kind'], 'country'],
        maxzoom: 8,
        layout: {
          'text-field': text,
          'text-font': [SEMIBOLD],
          'text-size': ['match', ['get', 'rank'], 1, 18, 14],
          'text-letter-spacing': 0.1,
          'text-transform': 'uppercase',
        },
        paint: {
          'text-color': ['match', ['get', 'rank'], 1, C.labelVietnam, C.labelCountry],
          'text-halo-color': C.halo,
          'text-halo-width': 1.5,
        },
      },
      {
        id: 'archipelago-labels',
        type: 'symbol',
        source: 'places',
        filter: ['==', ['get', 'kind'], 'archipelago'],
        layout: {
          'text-field': text,
          'text-font': [SEMIBOLD],
          'text-size': 12,
          'text-max-width': 9,
          'text-allow-overlap': true,
        },
        paint: { 'text-color': C.labelVietnam, 'text-halo-color': C.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}
