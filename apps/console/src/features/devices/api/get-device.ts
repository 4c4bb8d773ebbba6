import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** A device's page; the live cache invalidates it when the device changes (a fault, a reconnect). */
export const deviceQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.devices.detail(id),
    queryFn: () => api.devices.get(id),
    staleTime: 30_000,
  });
export const useDevice = (id: string | null) => useQuery({ ...deviceQuery(id ?? ''), enabled: id !== null });
