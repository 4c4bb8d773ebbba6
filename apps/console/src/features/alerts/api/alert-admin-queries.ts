import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

const admin = api.alertAdmin;
export const useRules = () =>
  useQuery({ queryKey: queryKeys.alertAdmin.rules(), queryFn: () => admin.rules() });
export const useSops = () => useQuery({ queryKey: queryKeys.alertAdmin.sops(), queryFn: () => admin.sops() });
export const usePolicies = () =>
  useQuery({ queryKey: queryKeys.alertAdmin.policies(), queryFn: () => admin.policies() });
export const useSuppressions = () =>
  useQuery({ queryKey: queryKeys.alertAdmin.suppressions(), queryFn: () => admin.suppressions() });
export const useRoster = () =>
  useQuery({ queryKey: queryKeys.alertAdmin.roster(), queryFn: () => admin.roster() });
export const usePeople = () =>
  useQuery({ queryKey: queryKeys.alertAdmin.people(), queryFn: () => admin.people() });
/** The outbox changes on its own (deliveries, retries): polled while an administrator looks at it. */
export const useOutbox = () =>
  useQuery({
    queryKey: queryKeys.alertAdmin.outbox(),
    queryFn: () => admin.outbox(300),
    refetchInterval: 2000,
  });

/** A configuration change: on success the lists it touches are refetched. */
export function useAdminMutation<A, R>(fn: (arg: A) => Promise<R>, touches: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(touches.map((k) => queryClient.invalidateQueries({ queryKey: k }))),
  });
}
