import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { ApiError } from '@c2/api-client/http/api-error';
import { api } from '../../../lib/api';

/** Probes a camera's stream through the VMS. */
export function useProbe(id: string) {
  return useMutation({ mutationKey: ['devices', 'probe', id], mutationFn: () => api.devices.probe(id) });
}

/** Reconnects a camera's stream; the device page then shows the attempt. */
export function useRestart(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['devices', 'restart', id],
    mutationFn: () => api.devices.restart(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.devices.detail(id) }),
  });
}

/** A fresh snapshot as an object URL (the caller revokes it) and when it was taken. */
export function useSnapshot(id: string) {
  return useMutation({
    mutationKey: ['devices', 'snapshot', id],
    mutationFn: async (): Promise<{ url: string; takenAt: string }> => {
      const res = await fetch(api.devices.snapshotUrl(id), { credentials: 'same-origin' });
      if (!res.ok) throw await ApiError.fromResponse(res);
      return { url: URL.createObjectURL(await res.blob()), takenAt: new Date().toISOString() };
    },
  });
}
