import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { ViolationStatus, ViolationType } from '@c2/api-client/schemas/violation';
import { api } from '../../../lib/api';

/** The place and local days a dashboard drill-down narrows the list to. */
export interface DrillDown {
  area?: string;
  road?: string;
  camera?: string;
  from?: string;
  to?: string;
}

export interface QueueFilter extends DrillDown {
  status?: ViolationStatus;
  type?: ViolationType;
  limit: number;
}

/** The review queue; kept current by the live connection (new violations and decisions patch it). */
export const violationsQuery = (filter: QueueFilter) =>
  queryOptions({
    queryKey: queryKeys.violations.list(filter),
    queryFn: () => api.violations.list(filter),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
export const useViolations = (filter: QueueFilter) => useQuery(violationsQuery(filter));
