import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

const RECENT = 20;

/** Patched by the live connection as statuses change; refetched only after a resync. */
export const cameraSummaryQuery = () =>
  queryOptions({
    queryKey: queryKeys.cameras.summary(),
    queryFn: () => api.cameras.summary(),
    staleTime: Infinity,
  });
export const useCameraSummary = () => useQuery(cameraSummaryQuery());

export const recentEventsQuery = () =>
  queryOptions({
    queryKey: queryKeys.events.recent(RECENT),
    queryFn: () => api.events.recent(RECENT),
    staleTime: Infinity,
  });
export const useRecentEvents = () => useQuery(recentEventsQuery());

export const unitsQuery = () =>
  queryOptions({ queryKey: queryKeys.units.list(), queryFn: () => api.units.list(), staleTime: 30_000 });
export const useUnits = () => useQuery(unitsQuery());
