import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Alert } from '@c2/api-client/schemas/alert';
import type { Camera, NearestCamera } from '@c2/api-client/schemas/camera';
import type { AnalyticsEvent } from '@c2/api-client/schemas/event';
import type { LogEntry } from '@c2/api-client/schemas/live';
import type { ViolationHeat } from '@c2/api-client/schemas/map';
import type { Unit, UnitPositionFrame } from '@c2/api-client/schemas/unit';
import type { MapFilters, OverlayKey } from '../stores/map-store';
import { CameraModel, clusterSize, type Cluster } from '../model/camera-model';
import { UnitModel } from '../model/unit-model';
import { AlertModel, PulseModel, type Pulse } from '../model/live-marks';
import { createLayerGroups, type SceneState } from '../layers/scene-layers';
import { exposeTransformForDeck } from './maplibre-compat';

setWorkerUrl(workerUrl);

/**
 * While something moves (units gliding, pulses fading, alerts blinking) the scene redraws at most at this pace
 * rather than every display frame: 20 fps reads as smooth motion. On a machine where a frame is expensive (software
 * WebGL, a weak GPU) the pace drops further, so that animation never takes more than about a quarter of the time
 * and the map stays responsive to the operator.
 */
const ANIMATION_FRAME_MS = 50;
const ANIMATION_MAX_MS = 1000;

/** What the pointer is on. */
export type Picked =
  | { kind: 'camera'; camera: Camera }
  | { kind: 'cluster'; cluster: Cluster; lng: number; lat: number }
  | { kind: 'unit'; unit: Unit }
  | { kind: 'alert'; alert: Alert }
  | { kind: 'event'; pulse: Pulse };

export interface SceneView {
  zoom: number;
  bounds: [number, number, number, number];
}

/** One frame of a layer update, for the benchmark: main-thread work of building and handing layers to deck.gl. */
export interface UpdateTiming {
  layersMs: number;
}

export interface MapSceneOptions {
  container: HTMLElement;
  style: StyleSpecification | string;
  bounds: [number, number, number, number];
  onClick: (picked: Picked | null, lngLat: { lng: number; lat: number }) => void;
  onHover: (picked: Picked | null, at: { x: number; y: number }) => void;
  onView: (view: SceneView) => void;
  onReady: () => void;
}

/**
 * The map outside React: MapLibre for the basemap, deck.gl interleaved on top, and the models the layers are
 * drawn from. Every change (a camera list, a batch of GPS fixes, a filter) marks the scene dirty; layers are rebuilt
 * at most once per animation frame, and only while something moves does the scene keep animating.
 */
export class MapScene {
  readonly map: MapLibreMap;
  readonly overlay: MapboxOverlay;
  readonly state: SceneState;
  /** Milliseconds spent building and handing over layers, per frame (the benchmark reads and clears it). */
  readonly timings: number[] = [];
  private build: (s: SceneState) => Layer[];
  private frame = 0;
  private animation: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** Nothing is drawn before the basemap has loaded: the first frames belong to the style and its sources. */
  private loaded = false;
  /** Smoothed cost of a frame (layers to drawn), which paces the animation. */
  private frameCost = 0;
  private renderStarted = 0;

  constructor(private readonly options: MapSceneOptions) {
    this.build = createLayerGroups();
    this.state = {
      zoom: 9,
      bounds: options.bounds,
      now: performance.now(),
      cameras: new CameraModel(),
      units: new UnitModel(),
      pulses: new PulseModel(),
      alerts: new AlertModel(),
      overlays: { units: true, events: true, alerts: true, heatmap: false, cones: true },
      selection: new Set(),
      focusId: null,
      heat: null,
      probe: null,
    };
    this.map = new MapLibreMap({
      container: options.container,
      style: options.style,
      bounds: options.bounds,
      // Leave the left rail of filters and the search box out of the first view.
      fitBoundsOptions: { padding: { top: 72, bottom: 24, left: 268, right: 48 } },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      boxZoom: false,
      maxZoom: 18,
    });
    exposeTransformForDeck(this.map);
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.overlay = new MapboxOverlay({
      interleaved: true,
      layers: [],
      onHover: (info) => this.onHover(info),
    });
    this.map.addControl(this.overlay);
    this.map.on('render', () => {
      if (!this.renderStarted) return;
      const cost = performance.now() - this.renderStarted;
      this.renderStarted = 0;
      this.frameCost = this.frameCost === 0 ? cost : this.frameCost * 0.8 + cost * 0.2;
    });
    // Clicks come from MapLibre (its click tolerance, one event source for map and layers), picked in deck.gl at
    // that point: deck.gl's own tap recogniser misses clicks when the page is busy.
    this.map.on('click', (e) => {
      const info = this.overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 4 });
      this.options.onClick(info ? this.picked(info) : null, { lng: e.lngLat.lng, lat: e.lngLat.lat });
    });
    this.map.on('move', () => this.readView(false));
    this.map.on('moveend', () => this.readView(true));
    this.map.once('load', () => {
      this.loaded = true;
      this.readView(true);
      this.render();
      options.onReady();
    });
  }

  // --- inputs ---

  setCameras(list: readonly Camera[], filters: MapFilters): void {
    if (this.state.cameras.sync(list, filters) > 0) this.invalidate();
  }

  setFilters(filters: MapFilters): void {
    this.state.cameras.setFilters(filters);
    this.invalidate();
  }

  setUnits(list: readonly Unit[]): void {
    this.state.units.sync(list);
    this.invalidate();
  }

  applyUnitFrames(frames: readonly UnitPositionFrame[]): void {
    this.state.units.applyFrames(frames, performance.now());
    this.invalidate();
  }

  /** Live batches: new events pulse at their camera, alerts change. (Camera status comes with the camera list.) */
  applyEntries(entries: readonly LogEntry[]): void {
    const events: AnalyticsEvent[] = [];
    const alerts: Alert[] = [];
    for (const e of entries) {
      if (e.topic === 'event.new') events.push(e.data);
      else if (e.topic === 'alert.changed') alerts.push(e.data);
    }
    if (events.length > 0) {
      const m = this.state.cameras;
      this.state.pulses.add(
        events,
        (id) => {
          const i = m.index.get(id);
          return i === undefined || m.visible[i] === 0
            ? undefined
            : [m.positions[i * 2]!, m.positions[i * 2 + 1]!];
        },
        performance.now(),
      );
    }
    this.state.alerts.update(alerts);
    if (events.length > 0 || alerts.length > 0) this.invalidate();
  }

  setOverlays(overlays: Record<OverlayKey, boolean>): void {
    this.state.overlays = overlays;
    this.invalidate();
  }

  setSelection(selection: readonly string[], focusId: string | null): void {
    this.state.selection = new Set(selection);
    this.state.focusId = focusId;
    this.invalidate();
  }

  setHeat(heat: ViolationHeat | null): void {
    this.state.heat = heat;
    this.invalidate();
  }

  setProbe(probe: { lng: number; lat: number; nearest: readonly NearestCamera[] } | null): void {
    this.state.probe = probe;
    this.invalidate();
  }

  /** Cameras whose screen position is inside a polygon of screen points (box or lasso selection). */
  camerasInside(polygon: readonly { x: number; y: number }[]): string[] {
    const m = this.state.cameras;
    const [w, s, e, n] = this.state.bounds;
    const out: string[] = [];
    for (let i = 0; i < m.length; i++) {
      if (m.visible[i] === 0) continue;
      const lng = m.positions[i * 2]!;
      const lat = m.positions[i * 2 + 1]!;
      if (lng < w || lng > e || lat < s || lat > n) continue;
      const p = this.map.project([lng, lat]);
      if (insidePolygon(p.x, p.y, polygon)) out.push(m.cameras[i]!.id);
    }
    return out;
  }

  destroy(): void {
    this.destroyed = true;
    cancelAnimationFrame(this.frame);
    if (this.animation) clearTimeout(this.animation);
    this.map.remove();
  }

  /** Swaps how layers are built (the benchmark compares its naive builder with ours in the same page). */
  setLayerBuilder(build: (s: SceneState) => Layer[]): void {
    this.build = build;
    this.invalidate();
  }

  /** Marks the layers dirty: they are rebuilt once, at the next animation frame. */
  invalidate(): void {
    if (this.frame || this.destroyed || !this.loaded) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Builds the layers now (the benchmark calls it to time an update without waiting for a frame). */
  render(): void {
    if (this.destroyed) return;
    const s = this.state;
    const t0 = performance.now();
    this.renderStarted = t0;
    s.now = t0;
    const unitsMoving = s.overlays.units && s.units.step(t0);
    const pulsing = s.overlays.events && s.pulses.prune(t0);
    const blinking = s.overlays.alerts && [...s.alerts.open.values()].some((a) => a.status === 'open');
    this.overlay.setProps({ layers: this.build(s) });
    this.timings.push(performance.now() - t0);
    if (this.timings.length > 2000) this.timings.splice(0, 1000);
    if ((unitsMoving || pulsing || blinking) && !this.animation)
      this.animation = setTimeout(
        () => {
          this.animation = null;
          this.invalidate();
        },
        Math.min(ANIMATION_MAX_MS, Math.max(ANIMATION_FRAME_MS, this.frameCost * 4)),
      );
  }

  private readView(settled: boolean): void {
    const b = this.map.getBounds();
    const view: SceneView = {
      zoom: this.map.getZoom(),
      bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    };
    const crossed = Math.floor(view.zoom) !== Math.floor(this.state.zoom);
    this.state.zoom = view.zoom;
    if (settled) {
      this.state.bounds = view.bounds;
      this.options.onView(view);
      this.invalidate();
    } else if (crossed) this.invalidate();
  }

  private picked(info: PickingInfo): Picked | null {
    if (!info.picked || !info.layer) return null;
    const s = this.state;
    switch (info.layer.id) {
      case 'camera-discs': {
        const camera = s.cameras.cameras[info.index];
        return camera ? { kind: 'camera', camera } : null;
      }
      case 'camera-clusters': {
        const cluster = info.object as Cluster;
        if (clusterSize(cluster) === 1) {
          const i = cluster.members.find((m) => s.cameras.visible[m] === 1);
          const camera = i === undefined ? undefined : s.cameras.cameras[i];
          if (camera) return { kind: 'camera', camera };
        }
        return { kind: 'cluster', cluster, lng: cluster.lng, lat: cluster.lat };
      }
      case 'units': {
        const unit = s.units.units[info.index];
        return unit ? { kind: 'unit', unit } : null;
      }
      case 'alerts':
        return { kind: 'alert', alert: (info.object as { a: Alert }).a };
      case 'event-pulses':
        return { kind: 'event', pulse: info.object as Pulse };
      default:
        return null;
    }
  }

  private onHover(info: PickingInfo): void {
    const picked = this.picked(info);
    this.map.getCanvas().style.cursor = picked ? 'pointer' : '';
    this.options.onHover(picked, { x: info.x, y: info.y });
  }
}

/** Even–odd rule. */
export function insidePolygon(x: number, y: number, polygon: readonly { x: number; y: number }[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
