import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** One violation with its sealed evidence and signed decisions (the first open seals the evidence). */
export const violationQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.violations.detail(id),
    queryFn: () => api.violations.get(id),
    staleTime: 30_000,
    // The center seals evidence as it receives it; until every file is sealed, ask again shortly.
    refetchInterval: (query) => (query.state.data?.evidence.some((e) => e.sha256 === null) ? 1500 : false),
  });
export const useViolation = (id: string | null) =>
  useQuery({ ...violationQuery(id ?? ''), enabled: id !== null });
