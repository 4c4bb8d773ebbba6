import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { MfaConfirmRequest } from '@c2/api-client/schemas/auth';
import { api } from '../../../lib/api';

export const mfaStatusQuery = () =>
  queryOptions({ queryKey: queryKeys.auth.mfa(), queryFn: () => api.auth.mfa() });
export const useMfaStatus = () => useQuery(mfaStatusQuery());

export const sessionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.auth.sessions(),
    queryFn: () => api.auth.sessions(),
    staleTime: 10_000,
  });
export const useSessions = () => useQuery(sessionsQuery());

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.auth.revokeSession(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.auth.sessions() }),
  });
}

export const useStartEnrolment = () =>
  useMutation({ mutationFn: (code: string | undefined) => api.auth.startEnrolment(code ? { code } : {}) });

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaConfirmRequest) => api.auth.confirmEnrolment(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.auth.mfa() }),
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.auth.regenerateRecoveryCodes({ code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.auth.mfa() }),
  });
}
