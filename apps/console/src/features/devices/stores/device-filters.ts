import { create } from 'zustand';
import type { DeviceKind, DeviceState } from '@c2/api-client/schemas/device';
import type { Sort } from '../components/device-table-model';

interface DeviceFiltersState {
  text: string;
  kinds: ReadonlySet<DeviceKind>;
  states: ReadonlySet<DeviceState>;
  onlyFaulty: boolean;
  sort: Sort;
  setText(text: string): void;
  toggleKind(kind: DeviceKind): void;
  toggleState(state: DeviceState): void;
  setOnlyFaulty(on: boolean): void;
  sortBy(key: Sort['key']): void;
  reset(): void;
}

const initial = {
  text: '',
  kinds: new Set<DeviceKind>(),
  states: new Set<DeviceState>(),
  onlyFaulty: false,
  sort: { key: 'health', dir: 'asc' } as Sort,
};

function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/** The devices table's filters and sort: kept while the user opens devices and comes back. */
export const useDeviceFilters = create<DeviceFiltersState>((set) => ({
  ...initial,
  setText: (text) => set({ text }),
  toggleKind: (kind) => set((s) => ({ kinds: toggled(s.kinds, kind) })),
  toggleState: (state) => set((s) => ({ states: toggled(s.states, state) })),
  setOnlyFaulty: (onlyFaulty) => set({ onlyFaulty }),
  // A second click on the sorted column reverses it; a new column starts ascending (worst first for health).
  sortBy: (key) =>
    set((s) => ({
      sort: { key, dir: s.sort.key === key && s.sort.dir === 'asc' ? 'desc' : 'asc' },
    })),
  reset: () => set({ ...initial, kinds: new Set(), states: new Set() }),
}));
