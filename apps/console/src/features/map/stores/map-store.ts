import type { CameraKind, CameraState } from '@c2/api-client/schemas/camera';
import { createStore } from '../../../lib/create-store';

/** What the operator has narrowed the map to. Empty sets mean "all". */
export interface MapFilters {
  states: ReadonlySet<CameraState>;
  kinds: ReadonlySet<CameraKind>;
  areas: ReadonlySet<string>;
  owners: ReadonlySet<string>;
}

export type OverlayKey = 'units' | 'events' | 'alerts' | 'heatmap' | 'cones';
export type SelectTool = 'pan' | 'box' | 'lasso';
/** Preset or custom range of the violations heatmap. */
export type HeatRange = { preset: '24h' | '7d' | '30d' } | { preset: 'custom'; from: string; to: string };

interface MapState {
  filters: MapFilters;
  overlays: Record<OverlayKey, boolean>;
  tool: SelectTool;
  /** Cameras picked by box or lasso (to send to the wall). */
  selection: readonly string[];
  /** The camera whose popover is open. */
  focusId: string | null;
  /** A point clicked on the map: its nearest cameras are listed. */
  probe: { lng: number; lat: number } | null;
  heatRange: HeatRange;
  toggleFilter<K extends keyof MapFilters>(
    key: K,
    value: MapFilters[K] extends ReadonlySet<infer V> ? V : never,
  ): void;
  clearFilters(): void;
  toggleOverlay(key: OverlayKey): void;
  setTool(tool: SelectTool): void;
  select(ids: readonly string[]): void;
  focus(id: string | null): void;
  setProbe(at: { lng: number; lat: number } | null): void;
  setHeatRange(range: HeatRange): void;
}

const noFilters: MapFilters = { states: new Set(), kinds: new Set(), areas: new Set(), owners: new Set() };

export const useMapStore = createStore<MapState>((set) => ({
  filters: noFilters,
  overlays: { units: true, events: true, alerts: true, heatmap: false, cones: true },
  tool: 'pan',
  selection: [],
  focusId: null,
  probe: null,
  heatRange: { preset: '7d' },
  toggleFilter: (key, value) =>
    set((s) => {
      const next = new Set<unknown>(s.filters[key]);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return { filters: { ...s.filters, [key]: next } };
    }),
  clearFilters: () => set({ filters: noFilters }),
  toggleOverlay: (key) => set((s) => ({ overlays: { ...s.overlays, [key]: !s.overlays[key] } })),
  setTool: (tool) => set({ tool }),
  select: (ids) => set({ selection: ids }),
  focus: (id) => set({ focusId: id, probe: null }),
  setProbe: (at) => set({ probe: at, focusId: null }),
  setHeatRange: (heatRange) => set({ heatRange }),
}));

/** Whether a camera passes the filters (an empty set does not filter). */
export function passes(
  f: MapFilters,
  c: { state: CameraState; kind: CameraKind; areaId: string; owner: string },
): boolean {
  return (
    (f.states.size === 0 || f.states.has(c.state)) &&
    (f.kinds.size === 0 || f.kinds.has(c.kind)) &&
    (f.areas.size === 0 || f.areas.has(c.areaId)) &&
    (f.owners.size === 0 || f.owners.has(c.owner))
  );
}
