import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { NO_EVENT_FILTER, type EventPage } from '@c2/api-client/schemas/event';
import { api } from '../../../lib/api';

/** The camera list is kept current by the live connection (patched per status change), so it never goes stale. */
export const camerasQuery = () =>
  queryOptions({
    queryKey: queryKeys.cameras.list(),
    queryFn: () => api.cameras.list(),
    staleTime: Infinity,
  });
export const useCameras = () => useQuery(camerasQuery());

export const mapContextQuery = () =>
  queryOptions({ queryKey: queryKeys.map.context(), queryFn: () => api.map.context(), staleTime: Infinity });
export const useMapContext = () => useQuery(mapContextQuery());

/** The offline basemap; not needed (nor fetched) when a tile server's style is configured. */
export const useBasemap = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.map.basemap(),
    queryFn: () => api.map.basemap(),
    staleTime: Infinity,
    enabled,
  });

/** Field units with their CAD status; `unit.changed` patches them, positions arrive as live frames. */
export const useUnits = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.units.list(),
    queryFn: () => api.units.list(),
    staleTime: Infinity,
    enabled,
  });

/** The newest events of the camera whose popover is open; live events of that camera are added as they come. */
export const useCameraEvents = (cameraId: string | null, limit = 6) => {
  const filter = { ...NO_EVENT_FILTER, cameraId };
  return useQuery({
    queryKey: queryKeys.events.list(filter, limit),
    queryFn: () => api.events.list(filter, { limit }),
    enabled: cameraId !== null,
    staleTime: Infinity,
    select: (page: EventPage) => page.events,
  });
};

/** The cameras nearest a clicked point (the BFF applies classification and jurisdiction). */
export const useNearestCameras = (at: { lng: number; lat: number } | null, limit = 8) =>
  useQuery({
    queryKey: queryKeys.cameras.nearest(at?.lng ?? 0, at?.lat ?? 0, limit),
    queryFn: () => api.cameras.nearest({ lng: at!.lng, lat: at!.lat, limit }),
    enabled: at !== null,
    staleTime: 30_000,
  });

/** Violation events per camera over a time range, for the heatmap. */
export const useViolationHeat = (range: { from: string; to: string } | null) =>
  useQuery({
    queryKey: queryKeys.map.violationHeat(range?.from ?? '', range?.to ?? '', ''),
    queryFn: () => api.map.violationHeat(range!),
    enabled: range !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
