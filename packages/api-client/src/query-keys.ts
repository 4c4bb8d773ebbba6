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
  violations: {
    all: () => ['violations'] as const,
    lists: () => ['violations', 'list'] as const,
    list: (filter: { status?: string; type?: string; limit?: number }) => ['violations', 'list', filter] as const,
    counts: () => ['violations', 'counts'] as const,
    detail: (id: string) => ['violations', 'detail', id] as const,
    settings: () => ['violations', 'settings'] as const,
  },
  investigate: {
    all: () => ['investigate'] as const,
    search: (params: Record<string, unknown>) => ['investigate', 'search', params] as const,
    bookmarks: () => ['investigate', 'bookmarks'] as const,
    cases: () => ['investigate', 'cases'] as const,
    case: (id: string) => ['investigate', 'case', id] as const,
  },
  identity: {
    accessLog: (filter: { userId?: string }) => ['identity', 'access-log', filter] as const,
  },
};
