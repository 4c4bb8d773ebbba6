import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { EventFilter } from '@c2/api-client/schemas/event';
import { api } from '../../../lib/api';

const PAGE = 200;

/**
 * The live feed: the first page comes over HTTP, then the live connection prepends new matching events to it
 * (lib/live-cache.ts); older pages are fetched on demand. Never stale: the socket keeps it current.
 */
export const eventFeedQuery = (filter: EventFilter) =>
  infiniteQueryOptions({
    queryKey: queryKeys.events.feed(filter),
    queryFn: ({ pageParam }) => api.events.list(filter, { limit: PAGE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: Infinity,
  });

export const useEventFeed = (filter: EventFilter) => useInfiniteQuery(eventFeedQuery(filter));
