import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

export const nearbyCamerasQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.incidents.cameras(id),
    queryFn: () => api.incidents.nearestCameras(id, 6),
    staleTime: 60_000,
  });
export const useNearbyCameras = (id: string) => useQuery(nearbyCamerasQuery(id));
