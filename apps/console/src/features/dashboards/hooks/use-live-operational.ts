import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { LogTopic } from '@c2/api-client/schemas/live';
import { useLiveDeltas } from '../../../lib/live-deltas';

/** What moves the live view: a camera's state, an event, an alert, a unit, an incident. */
const TOPICS: ReadonlySet<LogTopic> = new Set([
  'camera.status',
  'event.new',
  'alert.changed',
  'unit.changed',
  'incident.changed',
]);

/** At most one refetch per this many ms however busy the province: the rollups answer in one small request. */
export const LIVE_REFRESH_MIN_MS = 2_000;

/**
 * Keeps the operational dashboard current from the live socket: any entry of a topic it shows marks its query
 * stale, coalesced so a burst of events costs one request. The poll in the query stays as a floor for quiet times.
 */
export function useLiveOperational(): void {
  const deltas = useLiveDeltas();
  const queryClient = useQueryClient();
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      last = Date.now();
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.operational(null).slice(0, 2) });
    };
    const off = deltas.onEntries((entries) => {
      if (!entries.some((e) => TOPICS.has(e.topic)) || timer) return;
      timer = setTimeout(refresh, Math.max(0, last + LIVE_REFRESH_MIN_MS - Date.now()));
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [deltas, queryClient]);
}
