import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import type { Camera } from '@c2/api-client/schemas/camera';
import { api } from './api';

/**
 * The camera list every feature shares (names, areas, status for lists and panels). The live connection patches
 * it per status change, so it never goes stale.
 */
export const camerasQuery = () =>
  queryOptions({
    queryKey: queryKeys.cameras.list(),
    queryFn: () => api.cameras.list(),
    staleTime: Infinity,
  });
export const useCameras = () => useQuery(camerasQuery());

/** Cameras by id, derived once per list change. */
const indexById = (list: Camera[]): ReadonlyMap<string, Camera> => new Map(list.map((c) => [c.id, c]));
const EMPTY: ReadonlyMap<string, Camera> = new Map();
export function useCameraIndex(): ReadonlyMap<string, Camera> {
  // `select` with a stable function is recomputed only when the list changes.
  return useQuery({ ...camerasQuery(), select: indexById }).data ?? EMPTY;
}
