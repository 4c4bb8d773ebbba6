import { useEffect, useRef } from 'react';
import type { LogData, LogTopic } from '@c2/api-client/schemas/live';
import { useLiveDeltas } from './live-deltas';

/**
 * Calls `onData` with the data of every applied live entry of `topic`, for features that react to an event
 * rather than read state (the wall's alarm tile opens a camera when a new alert arrives). State still flows
 * through the query cache; this is the "something just happened" channel over the live deltas. Never called for
 * entries from before it subscribed.
 */
export function useLiveEntries<T extends LogTopic>(topic: T, onData: (data: LogData<T>[]) => void): void {
  const deltas = useLiveDeltas();
  const latest = useRef(onData);
  useEffect(() => {
    latest.current = onData;
  });
  useEffect(
    () =>
      deltas.onEntries((entries) => {
        const data = entries.filter((e) => e.topic === topic).map((e) => e.data as LogData<T>);
        if (data.length > 0) latest.current(data);
      }),
    [deltas, topic],
  );
}
