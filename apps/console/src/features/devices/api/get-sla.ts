import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { DeviceKind } from '@c2/api-client/schemas/device';
import { api } from '../../../lib/api';

export const slaQuery = (from: string, to: string, kind: DeviceKind | null) =>
  queryOptions({
    queryKey: queryKeys.devices.sla(from, to, kind),
    queryFn: () => api.devices.sla(from, to, kind ?? undefined),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
export const useSla = (from: string, to: string, kind: DeviceKind | null) =>
  useQuery(slaQuery(from, to, kind));

/** The CSV export's address: a plain download, audited by the BFF. */
export const slaCsvUrl = (from: string, to: string, kind: DeviceKind | null, lang: 'vi' | 'en') =>
  `${api.devices.slaCsvUrl(from, to, kind ?? undefined)}&lang=${lang}`;
