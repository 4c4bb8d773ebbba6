import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** Units with live status (patched by unit.changed). */
export const unitsQuery = () =>
  queryOptions({ queryKey: queryKeys.units.list(), queryFn: () => api.units.list(), staleTime: 30_000 });
export const useUnits = () => useQuery(unitsQuery());

/** Open incidents (patched by incident.changed). */
export const openIncidentsQuery = () =>
  queryOptions({
    queryKey: queryKeys.incidents.list('open'),
    queryFn: () => api.incidents.list('open'),
    staleTime: Infinity,
  });
export const useOpenIncidents = () => useQuery(openIncidentsQuery());

/** Check-in interval and response target, as the BFF is configured. */
export const settingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.dispatch.settings(),
    queryFn: () => api.dispatch.settings(),
    staleTime: Infinity,
  });
export const useDispatchSettings = () => useQuery(settingsQuery());
