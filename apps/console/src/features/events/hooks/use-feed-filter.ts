import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  eventTypeSchema,
  severitySchema,
  type EventFilter,
  type EventType,
  type Severity,
} from '@c2/api-client/schemas/event';

function listParam<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  return value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/**
 * The feed's filter lives in the URL (`?type=accident,wrong_way&severity=critical&area=…&camera=…`), so a
 * filtered feed can be shared as a link and survives a reload. Unknown values in a hand-edited URL are dropped.
 */
export function useFeedFilter(): [EventFilter, (next: EventFilter) => void] {
  const [params, setParams] = useSearchParams();
  const type = params.get('type');
  const severity = params.get('severity');
  const area = params.get('area');
  const camera = params.get('camera');
  const filter = useMemo<EventFilter>(
    () => ({
      types: listParam<EventType>(type, eventTypeSchema.options),
      severities: listParam<Severity>(severity, severitySchema.options),
      areaId: area || null,
      cameraId: camera || null,
    }),
    [type, severity, area, camera],
  );
  const setFilter = useCallback(
    (next: EventFilter) => {
      const q = new URLSearchParams();
      if (next.types.length > 0) q.set('type', next.types.join(','));
      if (next.severities.length > 0) q.set('severity', next.severities.join(','));
      if (next.areaId) q.set('area', next.areaId);
      if (next.cameraId) q.set('camera', next.cameraId);
      setParams(q, { replace: true });
    },
    [setParams],
  );
  return [filter, setFilter];
}
