import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** The camera list is kept current by the live connection (patched per status change), so it never goes stale. */
export const camerasQuery = () =>
  queryOptions({
    queryKey: queryKeys.cameras.list(),
    queryFn: () => api.cameras.list(),
    staleTime: Infinity,
  });
export const useCameras = () => useQuery(camerasQuery());

export const mapContextQuery = () =>
  queryOptions({ queryKey: queryKeys.map.context(), queryFn: () => api.map.context(), staleTime: Infinity });
export const useMapContext = () => useQuery(mapContextQuery());
