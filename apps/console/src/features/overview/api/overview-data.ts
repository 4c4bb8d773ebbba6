import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { NO_EVENT_FILTER, type EventPage } from '@c2/api-client/schemas/event';
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
    queryKey: queryKeys.events.list(NO_EVENT_FILTER, RECENT),
    queryFn: () => api.events.list(NO_EVENT_FILTER, { limit: RECENT }),
    staleTime: Infinity,
    select: (page: EventPage) => page.events,
  });
export const useRecentEvents = () => useQuery(recentEventsQuery());

export const unitsQuery = () =>
  queryOptions({ queryKey: queryKeys.units.list(), queryFn: () => api.units.list(), staleTime: 30_000 });
export const useUnits = (enabled: boolean) => useQuery({ ...unitsQuery(), enabled });
