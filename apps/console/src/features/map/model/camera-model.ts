import type { Camera, CameraKind, CameraState } from '@c2/api-client/schemas/camera';
import { passes, type MapFilters } from '../stores/map-store';
import { STATE_RGBA } from './colours';

export const STATES: readonly CameraState[] = ['online', 'degraded', 'offline', 'unknown'];
export const KINDS: readonly CameraKind[] = ['fixed', 'ptz', 'speed'];
const STATE_INDEX: Record<CameraState, number> = { online: 0, degraded: 1, offline: 2, unknown: 3 };

/** How many visible cameras a cluster holds. */
export const clusterSize = (c: { counts: readonly number[] }) => c.counts.reduce((a, b) => a + b, 0);

/** The state a cluster is drawn in: its worst member's. */
export function clusterState(c: { counts: readonly number[] }): CameraState {
  return c.counts[2] ? 'offline' : c.counts[3] ? 'unknown' : c.counts[1] ? 'degraded' : 'online';
}

/** Zoom levels that show clusters; from CLUSTER_MAX_ZOOM on, every camera is drawn on its own. */
export const CLUSTER_MIN_ZOOM = 5;
export const CLUSTER_MAX_ZOOM = 13;
/** Cluster cell, in screen pixels at the level's zoom. */
const CELL_PX = 72;

/** A cluster of one zoom level: where it is drawn and how many of its visible cameras are in each state. */
export interface Cluster {
  lng: number;
  lat: number;
  /** [online, degraded, offline] among the cameras that pass the filters. */
  /** Visible members per state: online, degraded, offline, unknown. */
  counts: [number, number, number, number];
  members: number[];
}

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

/**
 * The cameras as the GPU wants them: one row per camera in typed arrays (position, colour, filter flag), updated
 * in place for the cameras that changed and handed to deck.gl as binary attributes, so a status change costs a few
 * writes and one buffer upload, never a rebuild of 10,000 objects.
 *
 * A new camera list from the query cache is diffed by reference: the live cache keeps the very same object for a
 * camera that did not change, so finding the few that did is a pointer comparison per camera.
 */
export class CameraModel {
  cameras: Camera[] = [];
  readonly index = new Map<string, number>();
  positions = new Float64Array(0);
  colors = new Uint8Array(0);
  /** 1 when the camera passes the filters, else 0 (the DataFilterExtension's value). */
  visible = new Float32Array(0);
  states = new Uint8Array(0);
  kinds = new Uint8Array(0);
  /** Bumped when the set of cameras changes (every layer rebuilds); `colorVersion`/`visibleVersion` per column. */
  layoutVersion = 0;
  colorVersion = 0;
  visibleVersion = 0;
  clusterVersion = 0;
  private clusterOf: Int32Array[] = [];
  private clusters: Cluster[][] = [];

  get length(): number {
    return this.cameras.length;
  }

  /** Takes a camera list; returns how many cameras changed (all of them when the set itself changed). */
  sync(list: readonly Camera[], filters: MapFilters): number {
    if (this.sameSet(list)) {
      let changed = 0;
      for (let i = 0; i < list.length; i++) {
        const next = list[i]!;
        const before = this.cameras[i]!;
        if (next === before) continue;
        this.cameras[i] = next;
        // A refetched list brings new objects for every camera; only a change of state costs anything.
        if (next.status.state === before.status.state) continue;
        this.writeState(i, next.status.state, filters);
        changed++;
      }
      if (changed > 0) {
        this.colorVersion++;
        this.visibleVersion++;
        this.clusterVersion++;
      }
      return changed;
    }
    this.rebuild(list, filters);
    return list.length;
  }

  /** Applies new filters to every camera (one pass) and recounts the clusters. */
  setFilters(filters: MapFilters): void {
    for (let i = 0; i < this.cameras.length; i++) this.visible[i] = this.passes(i, filters) ? 1 : 0;
    this.recountClusters();
    this.visibleVersion++;
    this.clusterVersion++;
  }

  camera(id: string): Camera | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.cameras[i];
  }

  /** The visible clusters at a zoom (null above the cluster zooms). */
  clustersAt(zoom: number): Cluster[] | null {
    if (zoom >= CLUSTER_MAX_ZOOM) return null;
    const level = Math.max(CLUSTER_MIN_ZOOM, Math.min(CLUSTER_MAX_ZOOM - 1, Math.floor(zoom)));
    return this.clusters[level - CLUSTER_MIN_ZOOM]!.filter((c) => clusterSize(c) > 0);
  }

  private sameSet(list: readonly Camera[]): boolean {
    if (list.length !== this.cameras.length) return false;
    for (let i = 0; i < list.length; i++) if (list[i]!.id !== this.cameras[i]!.id) return false;
    return true;
  }

  private passes(i: number, f: MapFilters): boolean {
    const c = this.cameras[i]!;
    return passes(f, { state: c.status.state, kind: c.kind, areaId: c.areaId, owner: c.owner });
  }

  private writeState(i: number, state: CameraState, filters: MapFilters): void {
    const before = this.states[i]!;
    const wasVisible = this.visible[i] === 1;
    const s = STATE_INDEX[state];
    this.states[i] = s;
    this.colors.set(STATE_RGBA[state], i * 4);
    const nowVisible = this.passes(i, filters);
    this.visible[i] = nowVisible ? 1 : 0;
    // Keep every level's counts right by moving this one camera between states (O(levels), not O(cameras)).
    for (let l = 0; l < this.clusterOf.length; l++) {
      const counts = this.clusters[l]![this.clusterOf[l]![i]!]!.counts;
      if (wasVisible) counts[before as 0 | 1 | 2 | 3]--;
      if (nowVisible) counts[s as 0 | 1 | 2 | 3]++;
    }
  }

  private rebuild(list: readonly Camera[], filters: MapFilters): void {
    const n = list.length;
    this.cameras = [...list];
    this.index.clear();
    this.positions = new Float64Array(n * 2);
    this.colors = new Uint8Array(n * 4);
    this.visible = new Float32Array(n);
    this.states = new Uint8Array(n);
    this.kinds = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = list[i]!;
      this.index.set(c.id, i);
      this.positions[i * 2] = c.location.lng;
      this.positions[i * 2 + 1] = c.location.lat;
      this.states[i] = STATE_INDEX[c.status.state];
      this.kinds[i] = KINDS.indexOf(c.kind);
      this.colors.set(STATE_RGBA[c.status.state], i * 4);
      this.visible[i] = this.passes(i, filters) ? 1 : 0;
    }
    this.buildClusters();
    this.layoutVersion++;
    this.colorVersion++;
    this.visibleVersion++;
    this.clusterVersion++;
  }

  /** Grid clusters per zoom level: cell membership is fixed (cameras do not move), only counts change. */
  private buildClusters(): void {
    const n = this.cameras.length;
    this.clusterOf = [];
    this.clusters = [];
    for (let z = CLUSTER_MIN_ZOOM; z < CLUSTER_MAX_ZOOM; z++) {
      const cell = CELL_PX / (256 * 2 ** z);
      const of = new Int32Array(n);
      const byKey = new Map<number, number>();
      const list: (Cluster & { sx: number; sy: number })[] = [];
      for (let i = 0; i < n; i++) {
        const x = this.positions[i * 2]!;
        const y = this.positions[i * 2 + 1]!;
        const key = Math.floor(mercX(x) / cell) * 1e7 + Math.floor(mercY(y) / cell);
        let k = byKey.get(key);
        if (k === undefined) {
          k = list.length;
          byKey.set(key, k);
          list.push({ lng: 0, lat: 0, sx: 0, sy: 0, counts: [0, 0, 0, 0], members: [] });
        }
        const c = list[k]!;
        c.sx += x;
        c.sy += y;
        c.members.push(i);
        of[i] = k;
      }
      for (const c of list) {
        c.lng = c.sx / c.members.length;
        c.lat = c.sy / c.members.length;
      }
      this.clusterOf.push(of);
      this.clusters.push(list);
    }
    this.recountClusters();
  }

  private recountClusters(): void {
    for (const level of this.clusters)
      for (const c of level) {
        c.counts = [0, 0, 0, 0];
        for (const i of c.members) if (this.visible[i] === 1) c.counts[this.states[i] as 0 | 1 | 2 | 3]++;
      }
  }
}
