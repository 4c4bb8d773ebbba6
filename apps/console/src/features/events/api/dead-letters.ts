import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** What the ingest could not accept, newest first; refreshed every half minute while the page is open. */
export const deadLettersQuery = () =>
  queryOptions({
    queryKey: queryKeys.deadLetters.list(),
    queryFn: () => api.deadLetters.list(),
    refetchInterval: 30_000,
  });
export const useDeadLetters = () => useQuery(deadLettersQuery());
