import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { SearchResult } from '@c2/api-client/schemas/investigate';
import { api } from '../../../lib/api';

/** Bookmarks an event (or removes the bookmark) and marks it so in every cached search. */
export function useToggleBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ eventId, on }: { eventId: string; on: boolean }) => {
      if (on) await api.investigate.bookmark(eventId, null);
      else await api.investigate.unbookmark(eventId);
      return { eventId, on };
    },
    onSuccess: ({ eventId, on }) => {
      for (const [key, data] of queryClient.getQueriesData<SearchResult>({
        queryKey: [...queryKeys.investigate.all(), 'search'],
      })) {
        if (!data) continue;
        queryClient.setQueryData<SearchResult>(key, {
          ...data,
          items: data.items.map((i) => (i.eventId === eventId ? { ...i, bookmarked: on } : i)),
        });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.investigate.bookmarks() });
    },
  });
}
