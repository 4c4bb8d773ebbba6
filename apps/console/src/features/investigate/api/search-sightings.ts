import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { SearchQuery } from '@c2/api-client/schemas/investigate';
import { api } from '../../../lib/api';

/** A search is a snapshot of the past: it is not refetched behind the investigator's back. */
export const searchQuery = (query: SearchQuery) =>
  queryOptions({
    queryKey: queryKeys.investigate.search({ ...query }),
    queryFn: () => api.investigate.search(query),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
export const useSearchSightings = (query: SearchQuery | null) =>
  useQuery({ ...searchQuery(query ?? { from: '', to: '' }), enabled: query !== null });
