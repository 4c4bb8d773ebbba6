import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

export const violationSettingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.violations.settings(),
    queryFn: () => api.violations.settings(),
    staleTime: 60_000,
  });
export const useViolationSettings = () => useQuery(violationSettingsQuery());
