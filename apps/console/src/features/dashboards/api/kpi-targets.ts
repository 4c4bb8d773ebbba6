import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { KpiTargets } from '@c2/api-client/schemas/dashboard';
import { api } from '../../../lib/api';

export const kpiTargetsQuery = () =>
  queryOptions({ queryKey: queryKeys.dashboards.targets(), queryFn: () => api.dashboards.targets() });
export const useKpiTargets = () => useQuery(kpiTargetsQuery());

/** Saves the targets; every dashboard is refetched so the tiles judge against the new ones. */
export function useSaveKpiTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['dashboards', 'targets', 'save'],
    mutationFn: (targets: KpiTargets) => api.dashboards.setTargets(targets),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.dashboards.targets(), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards.all() });
    },
  });
}
