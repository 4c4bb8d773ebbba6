import type { MapContext } from '@c2/api-client/schemas/map';

/** Where the map's basemap data and the province's areas come from. */
export interface GeoPort {
  mapContext(): MapContext;
  /** Name of an area (ward/commune) by id, for labels and audit. */
  areaName(areaId: string): string | undefined;
}
