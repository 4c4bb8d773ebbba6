import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '@c2/api-client/query-keys';
import { api } from '../../../lib/api';

/** The province's roads and areas for the filter lists (shared cache key with the console's maps). */
export const mapContextQuery = () =>
  queryOptions({ queryKey: queryKeys.map.context(), queryFn: () => api.map.context(), staleTime: Infinity });
export const useMapContext = () => useQuery(mapContextQuery());
