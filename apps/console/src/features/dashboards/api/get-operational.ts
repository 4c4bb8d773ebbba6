import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** The floor of the live view's refresh when the socket is quiet (live entries refresh it sooner). */
export const OPERATIONAL_REFRESH_MS = 15_000;

export const operationalQuery = (area: string | null) =>
  queryOptions({
    queryKey: queryKeys.dashboards.operational(area),
    queryFn: () => api.dashboards.operational(area ?? undefined),
    refetchInterval: OPERATIONAL_REFRESH_MS,
    staleTime: OPERATIONAL_REFRESH_MS,
  });
export const useOperational = (area: string | null) => useQuery(operationalQuery(area));
