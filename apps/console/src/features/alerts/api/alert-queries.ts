import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { Alert, AlertDetail } from '@c2/api-client/schemas/alert';
import { INCIDENT_TYPE_OF_EVENT } from '@c2/api-client/schemas/incident';
import { api } from '../../../lib/api';
import { patchAlertList } from '../../../lib/live-cache';
import { useAlertToasts } from '../hooks/use-alert-toasts';

export type Scope = 'active' | 'closed' | 'all';

/** The queue is kept current by `alert.changed` entries (patched in place), so it never goes stale. */
export const alertListQuery = (scope: Scope) =>
  queryOptions({
    queryKey: queryKeys.alerts.list(scope),
    queryFn: () => api.alerts.list(scope),
    staleTime: Infinity,
  });
export const useAlertList = (scope: Scope) => useQuery(alertListQuery(scope));

export const alertDetailQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.alerts.detail(id),
    queryFn: () => api.alerts.get(id),
    staleTime: Infinity,
  });
export const useAlertDetail = (id: string | null) =>
  useQuery({ ...alertDetailQuery(id ?? ''), enabled: id !== null });

export const useAlertPeople = () =>
  useQuery({ queryKey: queryKeys.alerts.people(), queryFn: () => api.alerts.people(), staleTime: 60_000 });

export const useMyNotifications = () =>
  useQuery({
    queryKey: queryKeys.alerts.notifications(),
    queryFn: () => api.alerts.notifications(),
    staleTime: 30_000,
  });

export type AlertAction =
  | { kind: 'acknowledge' | 'claim'; id: string }
  | { kind: 'escalate' | 'resolve'; id: string; reason?: string | undefined }
  | { kind: 'false-positive'; id: string; reason: string }
  | { kind: 'assign'; id: string; userId: string }
  | { kind: 'transfer'; id: string; userId: string; reason: string }
  | {
      kind: 'sop-step';
      id: string;
      step: { stepId: string; outcome: 'done' | 'skipped'; answer?: string; note?: string };
    };

function run(a: AlertAction): Promise<Alert> {
  switch (a.kind) {
    case 'acknowledge':
      return api.alerts.acknowledge(a.id);
    case 'claim':
      return api.alerts.claim(a.id);
    case 'escalate':
      return api.alerts.escalate(a.id, a.reason);
    case 'resolve':
      return api.alerts.resolve(a.id, a.reason);
    case 'false-positive':
      return api.alerts.falsePositive(a.id, a.reason);
    case 'assign':
      return api.alerts.assign(a.id, a.userId);
    case 'transfer':
      return api.alerts.transfer(a.id, a.userId, a.reason);
    case 'sop-step':
      return api.alerts.sopStep(a.id, a.step);
  }
}

/**
 * Every action on an alert: the answer patches the queue and the open detail at once (the live entry that follows
 * changes nothing more), the timeline is refetched, and a refusal (someone else was faster) is shown as a toast.
 */
export function useAlertAction() {
  const queryClient = useQueryClient();
  const toasts = useAlertToasts();
  return useMutation({
    mutationFn: run,
    onSuccess: (alert) => {
      const changed = new Map([[alert.id, alert]]);
      for (const [key, old] of queryClient.getQueriesData<Alert[]>({ queryKey: queryKeys.alerts.lists() }))
        if (old) queryClient.setQueryData(key, patchAlertList(old, changed, key[2]));
      queryClient.setQueryData<AlertDetail>(queryKeys.alerts.detail(alert.id), (old) =>
        old ? { ...old, alert } : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.alerts.detail(alert.id) });
    },
    onError: (err) => toasts.error(err),
  });
}

/** Opens an incident from the alert (type suggested by the event kind); the caller goes to it on success. */
export function useOpenIncident() {
  const queryClient = useQueryClient();
  const toasts = useAlertToasts();
  return useMutation({
    mutationFn: (alert: Alert) =>
      api.incidents.create({ type: INCIDENT_TYPE_OF_EVENT[alert.type] ?? 'other', alertIds: [alert.id] }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.all() }),
    onError: (err) => toasts.error(err),
  });
}
