import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { FieldAssignment } from '@c2/api-client/schemas/incident';
import type { UnitStatus } from '@c2/api-client/schemas/unit';
import { api } from '../../../lib/api';

/**
 * The crew's own assignment. A field account has no live topic (it may not see other incidents), so the view
 * polls: every 5 s, and at once when the phone comes back to the page.
 */
export const fieldAssignmentQuery = () =>
  queryOptions({
    queryKey: queryKeys.field.assignment(),
    queryFn: () => api.field.assignment(),
    refetchInterval: 5000,
    refetchOnWindowFocus: true,
    staleTime: 2000,
  });
export const useFieldAssignment = () => useQuery(fieldAssignmentQuery());

/** Actions answer the new view: it replaces the cached one at once. */
function useFieldAction<V>(fn: (vars: V) => Promise<FieldAssignment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => queryClient.setQueryData(queryKeys.field.assignment(), view),
  });
}

export const useAccept = () => useFieldAction((_: void) => api.field.accept());
export const useFieldStatus = () => useFieldAction((status: UnitStatus) => api.field.status({ status }));
export const useCheckIn = () => useFieldAction((_: void) => api.field.checkIn());

/** Notes and photos answer the timeline entry; the view is refetched to show it. */
function useFieldPost<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.field.assignment() }),
  });
}

export const useFieldNote = () => useFieldPost((text: string) => api.field.note({ text }));
export const useFieldPhoto = () => useFieldPost((file: File) => api.field.photo(file, file.type));
