import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** The camera list (live-patched), to name the cameras of events and to pick one for an incident by hand. */
export const camerasQuery = () =>
  queryOptions({
    queryKey: queryKeys.cameras.list(),
    queryFn: () => api.cameras.list(),
    staleTime: Infinity,
  });
export const useCameras = () => useQuery(camerasQuery());
