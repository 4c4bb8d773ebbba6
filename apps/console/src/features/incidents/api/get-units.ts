import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** Units with their live CAD status (unit.changed patches the list). */
export const unitsQuery = () =>
  queryOptions({ queryKey: queryKeys.units.list(), queryFn: () => api.units.list(), staleTime: 30_000 });
export const useUnits = () => useQuery(unitsQuery());
