import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** How often the live view asks again: the rollups move with every stored event, one small request each time. */
export const OPERATIONAL_REFRESH_MS = 5_000;

export const operationalQuery = (area: string | null) =>
  queryOptions({
    queryKey: queryKeys.dashboards.operational(area),
    queryFn: () => api.dashboards.operational(area ?? undefined),
    refetchInterval: OPERATIONAL_REFRESH_MS,
    staleTime: OPERATIONAL_REFRESH_MS,
  });
export const useOperational = (area: string | null) => useQuery(operationalQuery(area));
