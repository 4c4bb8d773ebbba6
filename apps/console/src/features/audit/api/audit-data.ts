import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { AuditQuery } from '@c2/api-client/schemas/audit';
import { api } from '../../../lib/api';

export type AuditFilters = Omit<AuditQuery, 'before' | 'limit'>;

const PAGE = 100;

/** The trail newest first, a page at a time (keyset paging on the entry id). */
export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit.list({ ...filters }),
    queryFn: ({ pageParam }) =>
      api.audit.list({ ...filters, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // The trail only grows; a reader refreshes by applying the filters again.
    staleTime: Infinity,
  });
}

export const useVerifyChain = () => useMutation({ mutationFn: () => api.audit.verify() });

export const exportUrl = (filters: AuditFilters) => api.audit.exportUrl(filters);
