import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** Kept current by the live connection (incident.changed patches every list), so it never goes stale. */
export const incidentsQuery = (scope: 'open' | 'closed' | 'all') =>
  queryOptions({
    queryKey: queryKeys.incidents.list(scope),
    queryFn: () => api.incidents.list(scope),
    staleTime: Infinity,
  });
export const useIncidents = (scope: 'open' | 'closed' | 'all') => useQuery(incidentsQuery(scope));
