import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

export const deviceHistoryQuery = (id: string, hours: number) =>
  queryOptions({
    queryKey: queryKeys.devices.history(id, hours),
    queryFn: () => api.devices.history(id, hours),
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
export const useDeviceHistory = (id: string, hours: number) => useQuery(deviceHistoryQuery(id, hours));
