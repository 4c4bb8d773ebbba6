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
  auth: {
    providers: () => ['auth', 'providers'] as const,
    mfa: () => ['auth', 'mfa'] as const,
    sessions: () => ['auth', 'sessions'] as const,
  },
  audit: {
    all: () => ['audit'] as const,
    list: (filters: Record<string, string | number | undefined>) => ['audit', 'list', filters] as const,
    verification: () => ['audit', 'verification'] as const,
  },
  admin: {
    users: () => ['admin', 'users'] as const,
    sharingKeys: () => ['admin', 'sharing-keys'] as const,
  },
};
