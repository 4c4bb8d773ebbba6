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
  },
  units: {
    all: () => ['units'] as const,
    list: () => ['units', 'list'] as const,
  },
  events: {
    all: () => ['events'] as const,
    recent: (limit: number) => ['events', 'recent', limit] as const,
  },
  map: {
    context: () => ['map', 'context'] as const,
  },
  devices: {
    all: () => ['devices'] as const,
    list: () => ['devices', 'list'] as const,
    detail: (id: string) => ['devices', 'detail', id] as const,
    history: (id: string, hours: number) => ['devices', 'history', id, hours] as const,
    sla: (from: string, to: string, kind: string | null) => ['devices', 'sla', from, to, kind] as const,
  },
};
