import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/**
 * Recent events that call for an incident and have none yet (the alert inbox takes this role once alerts exist).
 * New events arrive live on the events topic; this list is refreshed every 10 s rather than filtered client-side,
 * because "has no incident yet" is known only to the server.
 */
export const candidatesQuery = () =>
  queryOptions({
    queryKey: queryKeys.incidents.candidates(),
    queryFn: () => api.incidents.candidates(),
    staleTime: 5_000,
    refetchInterval: 10_000,
  });
export const useCandidates = () => useQuery(candidatesQuery());
