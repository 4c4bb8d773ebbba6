import { createContext, useContext } from 'react';
import type { LogEntry } from '@c2/api-client/schemas/live';
import type { UnitPositionFrame } from '@c2/api-client/schemas/unit';

/**
 * The live store's batches as they arrive, for views that draw thousands of moving things (the map) and must not
 * go through React or the query cache per message: one call per server batch, entries already deduplicated and in
 * seq order (applied to the query cache first), unit positions as the compact frames the BFF pushes.
 */
export interface LiveDeltas {
  onEntries(listener: (entries: readonly LogEntry[]) => void): () => void;
  onUnitPositions(listener: (frames: readonly UnitPositionFrame[]) => void): () => void;
}

export function createLiveDeltas() {
  const entryListeners = new Set<(entries: readonly LogEntry[]) => void>();
  const positionListeners = new Set<(frames: readonly UnitPositionFrame[]) => void>();
  const subscribe =
    <T>(set: Set<T>) =>
    (listener: T) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
  return {
    onEntries: subscribe(entryListeners),
    onUnitPositions: subscribe(positionListeners),
    emitEntries(entries: readonly LogEntry[]) {
      for (const l of entryListeners) l(entries);
    },
    emitUnitPositions(frames: readonly UnitPositionFrame[]) {
      for (const l of positionListeners) l(frames);
    },
  };
}

/** Nothing live (tests, or outside the provider): subscriptions that never fire. */
const silent: LiveDeltas = { onEntries: () => () => undefined, onUnitPositions: () => () => undefined };

export const LiveDeltasContext = createContext<LiveDeltas>(silent);

/** The live batches of the connection the app provides (features read live data here, not from the app). */
export const useLiveDeltas = (): LiveDeltas => useContext(LiveDeltasContext);
