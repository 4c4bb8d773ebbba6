import type { Layer } from '@deck.gl/core';
import { IconLayer, LineLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import type { Alert } from '@c2/api-client/schemas/alert';
import type { NearestCamera } from '@c2/api-client/schemas/camera';
import type { ViolationHeat } from '@c2/api-client/schemas/map';
import type { OverlayKey } from '../stores/map-store';
import {
  CLUSTER_MAX_ZOOM,
  KINDS,
  clusterSize,
  clusterState,
  type CameraModel,
  type Cluster,
} from '../model/camera-model';
import type { UnitModel } from '../model/unit-model';
import { PULSE_MS, type AlertModel, type Pulse, type PulseModel } from '../model/live-marks';
import { PRIORITY_RGBA, SELECTED_RGBA, SEVERITY_RGBA, STATE_RGBA } from '../model/colours';
import { ColumnCache, keepRows, type BinaryData } from './binary';
import { iconAtlas } from './icon-atlas';
import { coneOf } from './cones';

/** Everything the layers are drawn from; the scene owns it and asks for layers once per animation frame. */
export interface SceneState {
  zoom: number;
  /** [west, south, east, north] of the viewport, for the layers drawn only in view (cones). */
  bounds: [number, number, number, number];
  now: number;
  cameras: CameraModel;
  units: UnitModel;
  pulses: PulseModel;
  alerts: AlertModel;
  overlays: Record<OverlayKey, boolean>;
  selection: ReadonlySet<string>;
  focusId: string | null;
  heat: ViolationHeat | null;
  probe: { lng: number; lat: number; nearest: readonly NearestCamera[] } | null;
}

/** Zoom from which field-of-view cones are drawn (a few hundred metres across the screen). */
export const CONE_MIN_ZOOM = 14.5;
/** Zoom from which unit call signs are written. */
const UNIT_LABEL_ZOOM = 14;

const filter = new DataFilterExtension({ filterSize: 1 });
const DARK: [number, number, number, number] = [8, 14, 24, 255];
const FONT = '"Noto Sans", system-ui, sans-serif';
const CHARSET = '0123456789+-. ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The layer groups, bottom to top. Each is a small function of the scene state; a new kind of thing on the map
 * (incidents, next) is one more function here and one more model the scene feeds.
 */
export function createLayerGroups() {
  const columns = new ColumnCache();
  const memo = new Map<string, { key: string; value: unknown }>();
  function remember<T>(slot: string, key: string, make: () => T): T {
    const hit = memo.get(slot);
    if (hit && hit.key === key) return hit.value as T;
    const value = make();
    memo.set(slot, { key, value });
    return value;
  }

  function cameraData(m: CameraModel): BinaryData {
    return remember('camera-data', `${m.layoutVersion}|${m.colorVersion}|${m.visibleVersion}`, () => ({
      length: m.length,
      layout: m.layoutVersion,
      attributes: {
        getPosition: columns.get('cam-pos', m.positions, m.layoutVersion, 2),
        getFillColor: columns.get('cam-color', m.colors, m.colorVersion, 4, true),
        getFilterValue: columns.get('cam-visible', m.visible, m.visibleVersion, 1),
      },
    }));
  }

  function unitData(m: UnitModel): BinaryData {
    return remember('unit-data', `${m.layoutVersion}|${m.positionVersion}|${m.colorVersion}`, () => ({
      length: m.length,
      layout: m.layoutVersion,
      attributes: {
        getPosition: columns.get('unit-pos', m.positions, m.positionVersion, 2),
        getAngle: columns.get('unit-angle', m.angles, m.positionVersion, 1),
        getColor: columns.get('unit-color', m.colors, m.colorVersion, 4, true),
        getFilterValue: columns.get('unit-located', m.located, m.positionVersion, 1),
      },
    }));
  }

  const heat = (s: SceneState): Layer[] =>
    s.overlays.heatmap && s.heat && s.heat.points.length > 0
      ? [
          new HeatmapLayer<ViolationHeat['points'][number]>({
            id: 'violation-heat',
            data: s.heat.points,
            getPosition: (p) => [p.lng, p.lat],
            getWeight: (p) => p.count,
            radiusPixels: 48,
            intensity: 1.2,
            threshold: 0.04,
            colorRange: [
              [255, 237, 160],
              [254, 217, 118],
              [254, 178, 76],
              [253, 141, 60],
              [240, 59, 32],
              [189, 0, 38],
            ],
          }),
        ]
      : [];

  function cones(s: SceneState): Layer[] {
    if (!s.overlays.cones || s.zoom < CONE_MIN_ZOOM) return [];
    const m = s.cameras;
    const [w, so, e, n] = s.bounds;
    const inView = remember('cones', `${m.layoutVersion}|${m.visibleVersion}|${s.bounds.join(',')}`, () => {
      const out: number[] = [];
      for (let i = 0; i < m.length; i++) {
        const x = m.positions[i * 2]!;
        const y = m.positions[i * 2 + 1]!;
        if (m.visible[i] === 1 && x >= w && x <= e && y >= so && y <= n) out.push(i);
      }
      return out;
    });
    return [
      new SolidPolygonLayer<number>({
        id: 'camera-cones',
        data: inView,
        getPolygon: (i) => coneOf(m.cameras[i]!),
        getFillColor: (i) => [m.colors[i * 4]!, m.colors[i * 4 + 1]!, m.colors[i * 4 + 2]!, 56],
        updateTriggers: { getFillColor: m.colorVersion },
      }),
    ];
  }

  function cameras(s: SceneState): Layer[] {
    const m = s.cameras;
    const clusters = m.clustersAt(s.zoom);
    if (clusters) return clusterLayers(clusters, m.clusterVersion, Math.floor(s.zoom));
    const data = cameraData(m);
    const atlas = iconAtlas();
    return [
      new ScatterplotLayer({
        id: 'camera-discs',
        data,
        _dataDiff: keepRows,
        radiusUnits: 'pixels',
        getRadius: 10,
        stroked: true,
        getLineColor: DARK,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 90],
        extensions: [filter],
        filterRange: [0.5, 1],
      } as never),
      new IconLayer({
        id: 'camera-icons',
        data,
        _dataDiff: keepRows,
        // The atlas is a canvas drawn at start; deck.gl takes any image source here (typed as URL or texture).
        iconAtlas: atlas.canvas as never,
        iconMapping: atlas.mapping,
        getIcon: (_: unknown, { index }: { index: number }) => KINDS[m.kinds[index]!]!,
        getSize: 15,
        sizeUnits: 'pixels',
        getColor: DARK,
        extensions: [filter],
        filterRange: [0.5, 1],
        updateTriggers: { getIcon: m.layoutVersion },
      } as never),
    ];
  }

  function clusterLayers(clusters: Cluster[], version: number, level: number): Layer[] {
    const key = `${version}|${level}|${clusters.length}`;
    const badges = remember('cluster-badges', key, () =>
      clusters.flatMap((c) => [
        ...(c.counts[2] > 0 ? [{ c, n: c.counts[2], state: 'offline' as const, dx: 16, dy: -14 }] : []),
        ...(c.counts[1] > 0 ? [{ c, n: c.counts[1], state: 'degraded' as const, dx: 16, dy: 14 }] : []),
        ...(c.counts[3] > 0 ? [{ c, n: c.counts[3], state: 'unknown' as const, dx: -16, dy: -14 }] : []),
      ]),
    );
    const total = clusterSize;
    const many = clusters.filter((c) => total(c) > 1);
    return [
      new ScatterplotLayer<Cluster>({
        id: 'camera-clusters',
        data: clusters,
        getPosition: (c) => [c.lng, c.lat],
        radiusUnits: 'pixels',
        getRadius: (c) => (total(c) === 1 ? 6 : Math.min(24, 11 + 3 * Math.log2(total(c)))),
        getFillColor: (c) => (total(c) === 1 ? STATE_RGBA[clusterState(c)] : [21, 52, 90, 235]),
        stroked: true,
        getLineColor: (c) => (total(c) === 1 ? DARK : STATE_RGBA[clusterState(c)]),
        lineWidthUnits: 'pixels',
        getLineWidth: (c) => (total(c) === 1 ? 1.5 : 2.5),
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 60],
        updateTriggers: { getFillColor: key, getLineColor: key, getRadius: key, getLineWidth: key },
      }),
      new TextLayer<Cluster>({
        id: 'camera-cluster-counts',
        data: many,
        getPosition: (c) => [c.lng, c.lat],
        getText: (c) => String(total(c)),
        getSize: 13,
        getColor: [232, 238, 248, 255],
        fontFamily: FONT,
        fontWeight: 600,
        characterSet: CHARSET,
        updateTriggers: { getText: key },
      }),
      new TextLayer<(typeof badges)[number]>({
        id: 'camera-cluster-badges',
        data: badges,
        getPosition: (b) => [b.c.lng, b.c.lat],
        getText: (b) => String(b.n),
        getPixelOffset: (b) => [b.dx, b.dy],
        getSize: 11,
        getColor: (b) => (b.state === 'offline' ? [255, 255, 255, 255] : [7, 16, 28, 255]),
        background: true,
        getBackgroundColor: (b) => STATE_RGBA[b.state],
        backgroundPadding: [4, 1, 4, 1],
        backgroundBorderRadius: 7,
        fontFamily: FONT,
        fontWeight: 600,
        characterSet: CHARSET,
      }),
    ];
  }

  function selection(s: SceneState): Layer[] {
    const m = s.cameras;
    const ids = [...s.selection, ...(s.focusId ? [s.focusId] : [])];
    const rows = ids.map((id) => m.index.get(id)).filter((i): i is number => i !== undefined);
    if (rows.length === 0) return [];
    return [
      new ScatterplotLayer<number>({
        id: 'camera-selection',
        data: rows,
        getPosition: (i) => [m.positions[i * 2]!, m.positions[i * 2 + 1]!],
        radiusUnits: 'pixels',
        getRadius: (i) => (m.cameras[i]!.id === s.focusId ? 17 : 14),
        filled: false,
        stroked: true,
        getLineColor: SELECTED_RGBA,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        updateTriggers: { getRadius: s.focusId },
      }),
    ];
  }

  function alerts(s: SceneState): Layer[] {
    if (!s.overlays.alerts || s.alerts.open.size === 0) return [];
    const m = s.cameras;
    const placed = remember('alerts', `${s.alerts.version}|${m.layoutVersion}`, () =>
      [...s.alerts.open.values()].flatMap((a) => {
        const i = a.cameraId ? m.index.get(a.cameraId) : undefined;
        return i === undefined
          ? []
          : [{ a, at: [m.positions[i * 2]!, m.positions[i * 2 + 1]!] as [number, number] }];
      }),
    );
    const atlas = iconAtlas();
    const blink = 0.5 + 0.5 * Math.sin((s.now / 400) * Math.PI);
    return [
      new ScatterplotLayer<{ a: Alert; at: [number, number] }>({
        id: 'alert-halo',
        data: placed.filter((p) => p.a.status === 'open'),
        getPosition: (p) => p.at,
        radiusUnits: 'pixels',
        getRadius: 22,
        filled: false,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: (p) => {
          const [r, g, b] = PRIORITY_RGBA[p.a.priority];
          return [r, g, b, Math.round(80 + 175 * blink)];
        },
        updateTriggers: { getLineColor: Math.round(blink * 20) },
      }),
      new IconLayer<{ a: Alert; at: [number, number] }>({
        id: 'alerts',
        data: placed,
        iconAtlas: atlas.canvas as never,
        iconMapping: atlas.mapping,
        getIcon: () => 'alert',
        getPosition: (p) => p.at,
        getPixelOffset: [0, -20],
        getSize: 22,
        sizeUnits: 'pixels',
        getColor: (p) => PRIORITY_RGBA[p.a.priority],
        pickable: true,
      }),
    ];
  }

  function pulses(s: SceneState): Layer[] {
    if (!s.overlays.events || s.pulses.pulses.length === 0) return [];
    const age = (p: Pulse) => Math.min(1, (s.now - p.born) / PULSE_MS);
    return [
      new ScatterplotLayer<Pulse>({
        id: 'event-pulses',
        data: s.pulses.pulses,
        getPosition: (p) => [p.lng, p.lat],
        radiusUnits: 'pixels',
        getRadius: (p) => 8 + 34 * Math.sqrt(age(p)),
        filled: true,
        getFillColor: (p) => {
          const [r, g, b] = SEVERITY_RGBA[p.severity];
          return [r, g, b, Math.round(70 * (1 - age(p)))];
        },
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2.5,
        getLineColor: (p) => {
          const [r, g, b] = SEVERITY_RGBA[p.severity];
          return [r, g, b, Math.round(255 * (1 - age(p)))];
        },
        pickable: true,
        updateTriggers: { getRadius: s.now, getFillColor: s.now, getLineColor: s.now },
      }),
    ];
  }

  function units(s: SceneState): Layer[] {
    if (!s.overlays.units || s.units.length === 0) return [];
    const m = s.units;
    const atlas = iconAtlas();
    const data = unitData(m);
    const layers: Layer[] = [
      new IconLayer({
        id: 'units',
        data,
        _dataDiff: keepRows,
        iconAtlas: atlas.canvas as never,
        iconMapping: atlas.mapping,
        getIcon: () => 'unit',
        getSize: 24,
        sizeUnits: 'pixels',
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 120],
        extensions: [filter],
        filterRange: [0.5, 1],
      } as never),
    ];
    if (s.zoom >= UNIT_LABEL_ZOOM) {
      const rows = remember('unit-rows', String(m.layoutVersion), () => m.units.map((_, i) => i));
      layers.push(
        new TextLayer<number>({
          id: 'unit-labels',
          data: rows,
          getPosition: (i) => m.positionOf(i),
          getText: (i) => m.units[i]!.callSign,
          getPixelOffset: [0, 20],
          getSize: 11,
          getColor: [232, 238, 248, 255],
          background: true,
          getBackgroundColor: [8, 14, 24, 200],
          backgroundPadding: [3, 1, 3, 1],
          fontFamily: FONT,
          characterSet: CHARSET,
          updateTriggers: { getPosition: m.positionVersion, getText: m.layoutVersion },
        }),
      );
    }
    return layers;
  }

  function probe(s: SceneState): Layer[] {
    if (!s.probe) return [];
    const p = s.probe;
    return [
      new LineLayer<NearestCamera>({
        id: 'probe-links',
        data: p.nearest,
        getSourcePosition: () => [p.lng, p.lat],
        getTargetPosition: (c) => [c.location.lng, c.location.lat],
        getColor: [255, 212, 59, 150],
        getWidth: 1.5,
        widthUnits: 'pixels',
      }),
      new ScatterplotLayer<{ lng: number; lat: number }>({
        id: 'probe-point',
        data: [p],
        getPosition: (q) => [q.lng, q.lat],
        radiusUnits: 'pixels',
        getRadius: 7,
        getFillColor: SELECTED_RGBA,
        stroked: true,
        getLineColor: DARK,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
      }),
    ];
  }

  /** Bottom to top. */
  const groups = [heat, cones, cameras, selection, alerts, pulses, units, probe];
  return (s: SceneState): Layer[] => groups.flatMap((g) => g(s));
}

export { CLUSTER_MAX_ZOOM };
