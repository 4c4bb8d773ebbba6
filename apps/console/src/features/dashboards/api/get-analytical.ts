import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { DashboardQuery } from '@c2/api-client/schemas/dashboard';
import { api } from '../../../lib/api';

export const analyticalQuery = (q: DashboardQuery) =>
  queryOptions({
    queryKey: queryKeys.dashboards.analytical(q),
    queryFn: () => api.dashboards.analytical(q),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
export const useAnalytical = (q: DashboardQuery, enabled = true) =>
  useQuery({ ...analyticalQuery(q), enabled });
