import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { LoginRequest } from '@c2/api-client/schemas/user';
import { ApiError } from '@c2/api-client/http/api-error';
import { api, mayHaveSession } from '../../../lib/api';

export const sessionQuery = () =>
  queryOptions({
    queryKey: queryKeys.session(),
    queryFn: () =>
      mayHaveSession()
        ? api.auth.me()
        : Promise.reject(new ApiError(401, 'unauthorized', 'No session cookie in this browser')),
    retry: false,
    staleTime: 5 * 60_000,
  });

export const useSession = () => useQuery(sessionQuery());

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.auth.login(body),
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session(), session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.logout(),
    // Whatever the server says, this browser forgets everything it held for the user.
    onSettled: () => queryClient.clear(),
  });
}
