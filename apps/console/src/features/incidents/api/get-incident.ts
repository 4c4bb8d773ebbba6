import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** Replaced by every incident.changed entry for it. */
export const incidentQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.incidents.detail(id),
    queryFn: () => api.incidents.get(id),
    staleTime: Infinity,
  });
export const useIncident = (id: string) => useQuery(incidentQuery(id));

/** Refetched (while on screen) whenever the incident changes. */
export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.incidents.timeline(id),
    queryFn: () => api.incidents.timeline(id),
    staleTime: Infinity,
  });
export const useTimeline = (id: string) => useQuery(timelineQuery(id));
