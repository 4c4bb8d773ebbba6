import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { LoginRequest, SessionInfo } from '@c2/api-client/schemas/user';
import {
  isSession,
  type EnrolLoginResult,
  type MfaConfirmRequest,
  type MfaVerifyRequest,
} from '@c2/api-client/schemas/auth';
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

export const providersQuery = () =>
  queryOptions({
    queryKey: queryKeys.auth.providers(),
    queryFn: () => api.auth.providers(),
    staleTime: Infinity,
  });
export const useProviders = () => useQuery(providersQuery());

/** A fresh session replaces everything this browser held for whoever was signed in before. */
function useSignedIn() {
  const queryClient = useQueryClient();
  return (session: SessionInfo) => {
    queryClient.clear();
    queryClient.setQueryData(queryKeys.session(), session);
  };
}

/** First step: password. Answers the session, or the second-factor step the account needs. */
export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.auth.login(body),
    onSuccess: (result) => {
      if (isSession(result)) signedIn(result);
    },
  });
}

export function useVerifyMfa() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: MfaVerifyRequest) => api.auth.verifyMfa(body),
    onSuccess: signedIn,
  });
}

export const useStartLoginEnrolment = () => useMutation({ mutationFn: () => api.auth.startLoginEnrolment() });

/** The session is kept aside until the user has seen the recovery codes (the router would move on at once). */
export function useConfirmLoginEnrolment() {
  return useMutation({ mutationFn: (body: MfaConfirmRequest) => api.auth.confirmLoginEnrolment(body) });
}
export function useFinishEnrolment() {
  const signedIn = useSignedIn();
  return (result: EnrolLoginResult) => signedIn(result.session);
}

/** Ends the session on the server; the caller makes the browser forget what it held (see useSignOut). */
export const useLogout = () => useMutation({ mutationFn: () => api.auth.logout() });
