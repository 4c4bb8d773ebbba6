import type { EventFilter } from './schemas/event';

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
  incidents: {
    all: () => ['incidents'] as const,
    lists: () => ['incidents', 'list'] as const,
    list: (scope: 'open' | 'closed' | 'all') => ['incidents', 'list', scope] as const,
    detail: (id: string) => ['incidents', 'detail', id] as const,
    timeline: (id: string) => ['incidents', 'timeline', id] as const,
    allSuggestions: () => ['incidents', 'suggestions'] as const,
    suggestions: (id: string) => ['incidents', 'suggestions', id] as const,
    cameras: (id: string) => ['incidents', 'cameras', id] as const,
    /** Recent events that may call for an incident and are not linked to one yet. */
    candidates: () => ['incidents', 'candidates'] as const,
  },
  dispatch: {
    settings: () => ['dispatch', 'settings'] as const,
  },
  field: {
    assignment: () => ['field', 'assignment'] as const,
  },
  events: {
    all: () => ['events'] as const,
    /** One page (overview, panels): data is an `EventPage`. */
    list: (filter: EventFilter, limit: number) => ['events', 'list', filter, limit] as const,
    /** The infinite live feed: data is `{ pages: EventPage[] }`. */
    feed: (filter: EventFilter) => ['events', 'feed', filter] as const,
  },
  deadLetters: {
    list: () => ['dead-letters', 'list'] as const,
  },
  map: {
    context: () => ['map', 'context'] as const,
    basemap: () => ['map', 'basemap'] as const,
    violationHeat: (from: string, to: string, types: string) =>
      ['map', 'violation-heat', from, to, types] as const,
  },
  alerts: {
    all: () => ['alerts'] as const,
    lists: () => ['alerts', 'list'] as const,
    list: (scope: 'active' | 'closed' | 'all') => ['alerts', 'list', scope] as const,
    detail: (id: string) => ['alerts', 'detail', id] as const,
    people: () => ['alerts', 'people'] as const,
    notifications: () => ['alerts', 'notifications'] as const,
  },
  alertAdmin: {
    all: () => ['alert-admin'] as const,
    rules: () => ['alert-admin', 'rules'] as const,
    sops: () => ['alert-admin', 'sops'] as const,
    policies: () => ['alert-admin', 'policies'] as const,
    suppressions: () => ['alert-admin', 'suppressions'] as const,
    roster: () => ['alert-admin', 'roster'] as const,
    people: () => ['alert-admin', 'people'] as const,
    outbox: () => ['alert-admin', 'outbox'] as const,
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
  dashboards: {
    all: () => ['dashboards'] as const,
    operational: (area: string | null) => ['dashboards', 'operational', area] as const,
    analytical: (filter: object) => ['dashboards', 'analytical', filter] as const,
    strategic: (filter: object) => ['dashboards', 'strategic', filter] as const,
    targets: () => ['dashboards', 'targets'] as const,
  },
  devices: {
    all: () => ['devices'] as const,
    list: () => ['devices', 'list'] as const,
    detail: (id: string) => ['devices', 'detail', id] as const,
    history: (id: string, hours: number) => ['devices', 'history', id, hours] as const,
    sla: (from: string, to: string, kind: string | null) => ['devices', 'sla', from, to, kind] as const,
  },
  violations: {
    all: () => ['violations'] as const,
    lists: () => ['violations', 'list'] as const,
    list: (filter: { status?: string; type?: string; limit?: number }) =>
      ['violations', 'list', filter] as const,
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
  wallLayouts: {
    all: () => ['wall-layouts'] as const,
    list: () => ['wall-layouts', 'list'] as const,
  },
};
