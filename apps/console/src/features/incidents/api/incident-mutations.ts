import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { CloseRequest, CreateIncidentRequest, Incident } from '@c2/api-client/schemas/incident';
import type { UnitStatus } from '@c2/api-client/schemas/unit';
import { api } from '../../../lib/api';

/** Every incident mutation answers the incident: it goes straight into the cache (the live entry follows). */
function useIncidentMutation<V>(fn: (vars: V) => Promise<Incident>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (incident) => {
      queryClient.setQueryData(queryKeys.incidents.detail(incident.id), incident);
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.timeline(incident.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.suggestions(incident.id) });
    },
  });
}

export function useCreateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIncidentRequest) => api.incidents.create(body),
    onSuccess: (incident) => {
      queryClient.setQueryData(queryKeys.incidents.detail(incident.id), incident);
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.candidates() });
    },
  });
}

export const useAcknowledge = () => useIncidentMutation((id: string) => api.incidents.acknowledge(id));

export const useAssign = () =>
  useIncidentMutation((v: { id: string; unitIds: string[]; reassign?: boolean }) =>
    api.incidents.assign(v.id, { unitIds: v.unitIds, reassign: v.reassign ?? false }),
  );

export const useRelease = () =>
  useIncidentMutation((v: { id: string; unitId: string }) => api.incidents.release(v.id, v.unitId));

export const useResolve = () =>
  useIncidentMutation((v: { id: string; note?: string }) =>
    api.incidents.resolve(v.id, v.note ? { note: v.note } : {}),
  );

export const useClose = () =>
  useIncidentMutation((v: { id: string } & CloseRequest) =>
    api.incidents.close(v.id, { outcome: v.outcome, ...(v.note ? { note: v.note } : {}) }),
  );

export function useAddNote(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.incidents.note(incidentId, { text }),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.timeline(incidentId) }),
  });
}

/** A status change on the crew's behalf (reported by radio). */
export function useUnitStatus() {
  return useMutation({
    mutationFn: (v: { unitId: string; status: UnitStatus }) =>
      api.units.setStatus(v.unitId, { status: v.status }),
  });
}
