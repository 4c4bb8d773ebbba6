import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { IdentityLookupRequest } from '@c2/api-client/schemas/identity';
import { api } from '../../../lib/api';

/** A registry lookup: never cached (each one is a logged access with its own purpose). */
export const useIdentityLookup = () =>
  useMutation({ mutationFn: (body: IdentityLookupRequest) => api.identity.lookup(body) });

export const accessLogQuery = (userId?: string) =>
  queryOptions({
    queryKey: queryKeys.identity.accessLog(userId ? { userId } : {}),
    queryFn: () => api.identity.accessLog({ ...(userId ? { userId } : {}), limit: 200 }),
    staleTime: 10_000,
  });
export const useAccessLog = (userId?: string) => useQuery(accessLogQuery(userId));
