import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { WallLayoutInput } from '@c2/api-client/schemas/wall';
import { api } from '../../../lib/api';

/** The camera list, kept current by the live connection (the same cache entry the map reads). */
export const camerasQuery = () =>
  queryOptions({
    queryKey: queryKeys.cameras.list(),
    queryFn: () => api.cameras.list(),
    staleTime: Infinity,
  });
export const useWallCameras = () => useQuery(camerasQuery());

export const layoutsQuery = () =>
  queryOptions({
    queryKey: queryKeys.wallLayouts.list(),
    queryFn: () => api.wallLayouts.list(),
    staleTime: 60_000,
  });
export const useLayouts = () => useQuery(layoutsQuery());

export function useSaveLayout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string | null; body: WallLayoutInput }) =>
      v.id ? api.wallLayouts.update(v.id, v.body) : api.wallLayouts.create(v.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.wallLayouts.all() }),
  });
}

export function useDeleteLayout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.wallLayouts.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.wallLayouts.all() }),
  });
}
