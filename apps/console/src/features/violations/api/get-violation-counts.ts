import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

export const violationCountsQuery = () =>
  queryOptions({
    queryKey: queryKeys.violations.counts(),
    queryFn: () => api.violations.counts(),
    staleTime: 30_000,
  });
export const useViolationCounts = () => useQuery(violationCountsQuery());
