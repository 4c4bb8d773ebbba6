import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/**
 * The devices table. States and faults are patched live (camera status, device health); readings change every
 * collection interval, so the list is refetched once a minute for them.
 */
export const devicesQuery = () =>
  queryOptions({
    queryKey: queryKeys.devices.list(),
    queryFn: () => api.devices.list(),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
export const useDevices = () => useQuery(devicesQuery());
