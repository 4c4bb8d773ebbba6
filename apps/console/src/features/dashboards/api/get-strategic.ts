import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { DashboardQuery } from '@c2/api-client/schemas/dashboard';
import { api } from '../../../lib/api';

export const strategicQuery = (q: DashboardQuery) =>
  queryOptions({
    queryKey: queryKeys.dashboards.strategic(q),
    queryFn: () => api.dashboards.strategic(q),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
export const useStrategic = (q: DashboardQuery) => useQuery(strategicQuery(q));
