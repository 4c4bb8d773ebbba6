import type { Device, DeviceKind, DeviceState } from '@c2/api-client/schemas/device';

export type SortKey =
  | 'health'
  | 'code'
  | 'name'
  | 'kind'
  | 'area'
  | 'cpuPct'
  | 'tempC'
  | 'storagePct'
  | 'latencyMs'
  | 'lossPct'
  | 'bitrateKbps'
  | 'fps';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface DeviceFilter {
  text: string;
  kinds: ReadonlySet<DeviceKind>;
  states: ReadonlySet<DeviceState>;
  onlyFaulty: boolean;
}

const STATE_RANK: Record<DeviceState, number> = { offline: 0, unknown: 1, degraded: 2, online: 3 };
const KIND_RANK: Record<DeviceKind, number> = { server: 0, edge_box: 1, camera: 2 };

/** Worst first: open faults, then offline, then degraded; this is how a shift reads the table. */
function healthRank(d: Device): number {
  return (d.faults.length > 0 ? 0 : Object.keys(STATE_RANK).length) + STATE_RANK[d.state];
}

/** Lower-cased, without Vietnamese diacritics, so "bac ninh" finds "Bắc Ninh". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const searchText = new WeakMap<Device, string>();
function haystack(d: Device): string {
  let s = searchText.get(d);
  if (s === undefined) {
    s = fold(`${d.code} ${d.name} ${d.areaName ?? ''} ${d.model} ${d.id}`);
    searchText.set(d, s);
  }
  return s;
}

export function filterDevices(devices: readonly Device[], f: DeviceFilter): Device[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return devices.filter(
    (d) =>
      (f.kinds.size === 0 || f.kinds.has(d.kind)) &&
      (f.states.size === 0 || f.states.has(d.state)) &&
      (!f.onlyFaulty || d.faults.length > 0) &&
      (words.length === 0 || words.every((w) => haystack(d).includes(w))),
  );
}

/** A missing reading sorts last whatever the direction: "no value" is never the most or the least. */
export function sortDevices(devices: readonly Device[], sort: Sort): Device[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byCode = (a: Device, b: Device) => a.code.localeCompare(b.code, 'vi', { numeric: true });
  let cmp: (a: Device, b: Device) => number;
  switch (sort.key) {
    case 'health':
      cmp = (a, b) => sign * (healthRank(a) - healthRank(b)) || byCode(a, b);
      break;
    case 'code':
      cmp = (a, b) => sign * byCode(a, b);
      break;
    case 'name':
      cmp = (a, b) => sign * a.name.localeCompare(b.name, 'vi') || byCode(a, b);
      break;
    case 'kind':
      cmp = (a, b) => sign * (KIND_RANK[a.kind] - KIND_RANK[b.kind]) || byCode(a, b);
      break;
    case 'area':
      cmp = (a, b) => sign * (a.areaName ?? '').localeCompare(b.areaName ?? '', 'vi') || byCode(a, b);
      break;
    default: {
      const key = sort.key;
      cmp = (a, b) => {
        const x = a.metrics[key];
        const y = b.metrics[key];
        if (x === null || y === null) return x === y ? byCode(a, b) : x === null ? 1 : -1;
        return sign * (x - y) || byCode(a, b);
      };
    }
  }
  return [...devices].sort(cmp);
}

/** Counts per state and faulty, for the filter chips. */
export function countDevices(devices: readonly Device[]) {
  const c = { online: 0, degraded: 0, offline: 0, unknown: 0, faulty: 0 };
  for (const d of devices) {
    c[d.state]++;
    if (d.faults.length > 0) c.faulty++;
  }
  return c;
}
