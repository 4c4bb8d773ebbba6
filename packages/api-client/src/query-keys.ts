/**
 * Query-key factories: the only place TanStack Query keys are spelled. Live updates patch or invalidate by these.
 */
export const queryKeys = {
  session: () => ['session'] as const,
  cameras: {
    all: () => ['cameras'] as const,
    list: () => ['cameras', 'list'] as const,
    detail: (id: string) => ['cameras', 'detail', id] as const,
    summary: () => ['cameras', 'summary'] as const,
    nearest: (lng: number, lat: number, limit: number) => ['cameras', 'nearest', lng, lat, limit] as const,
  },
  units: {
    all: () => ['units'] as const,
    list: () => ['units', 'list'] as const,
  },
  events: {
    all: () => ['events'] as const,
    recent: (limit: number) => ['events', 'recent', limit] as const,
    /** One camera's newest events; the live cache adds only that camera's new events to it. */
    ofCamera: (cameraId: string, limit: number) => ['events', 'camera', cameraId, limit] as const,
  },
  map: {
    context: () => ['map', 'context'] as const,
    basemap: () => ['map', 'basemap'] as const,
    violationHeat: (from: string, to: string, types: string) =>
      ['map', 'violation-heat', from, to, types] as const,
  },
};
