import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/**
 * Units proposed for an incident, fastest first. Units move, so proposals age: refreshed every 15 s while shown,
 * and at once when any unit's status changes (the live cache invalidates them).
 */
export const suggestionsQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.incidents.suggestions(id),
    queryFn: () => api.incidents.suggestions(id, 5),
    staleTime: 10_000,
    refetchInterval: 15_000,
  });
export const useSuggestions = (id: string, enabled: boolean) =>
  useQuery({ ...suggestionsQuery(id), enabled });
