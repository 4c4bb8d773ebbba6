import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { CreateUser, UpdateUser } from '@c2/api-client/schemas/admin';
import type { CreateSharingKey } from '@c2/api-client/schemas/sharing';
import { api } from '../../../lib/api';

export const usersQuery = () =>
  queryOptions({ queryKey: queryKeys.admin.users(), queryFn: () => api.admin.users() });
export const useUsers = () => useQuery(usersQuery());

/** The province's wards and communes, for scoping an account to its jurisdiction. */
export const useAreas = () =>
  useQuery({
    queryKey: queryKeys.map.context(),
    queryFn: () => api.map.context(),
    staleTime: Infinity,
    select: (ctx) => [...ctx.areas].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  });

function useUserMutation<V>(fn: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.users() }),
  });
}
export const useCreateUser = () => useUserMutation((body: CreateUser) => api.admin.createUser(body));
export const useUpdateUser = () =>
  useUserMutation(({ id, change }: { id: string; change: UpdateUser }) => api.admin.updateUser(id, change));
export const useUserAction = () =>
  useUserMutation(({ id, action }: { id: string; action: 'resetMfa' | 'unlock' | 'forceLogout' }) =>
    api.admin[action](id),
  );

export const keysQuery = () =>
  queryOptions({ queryKey: queryKeys.admin.sharingKeys(), queryFn: () => api.admin.sharingKeys() });
export const useSharingKeys = () => useQuery(keysQuery());

function useKeyMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.sharingKeys() }),
  });
}
export const useCreateSharingKey = () =>
  useKeyMutation((body: CreateSharingKey) => api.admin.createSharingKey(body));
export const useRevokeSharingKey = () => useKeyMutation((id: string) => api.admin.revokeSharingKey(id));
