import {
  dashboardQueryString,
  granularitySchema,
  type DashboardQuery,
} from '@c2/api-client/schemas/dashboard';
import { violationTypeSchema } from '@c2/api-client/schemas/violation';

export const DASHBOARD_TABS = ['operational', 'analytical', 'strategic', 'investigative', 'targets'] as const;
export type DashboardTab = (typeof DASHBOARD_TABS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[\w.:-]{1,128}$/;

/**
 * The dashboard filters read from the URL: what is malformed is dropped (the link still opens), so a shared
 * link shows what it says or the defaults, never an error page.
 */
export function filtersFromParams(params: URLSearchParams): DashboardQuery {
  const q: DashboardQuery = {};
  const from = params.get('from');
  const to = params.get('to');
  if (from && DAY.test(from)) q.from = from;
  if (to && DAY.test(to)) q.to = to;
  for (const key of ['area', 'road', 'camera'] as const) {
    const v = params.get(key);
    if (v && ID.test(v)) q[key] = v;
  }
  const type = violationTypeSchema.safeParse(params.get('type'));
  if (type.success) q.type = type.data;
  const granularity = granularitySchema.safeParse(params.get('granularity'));
  if (granularity.success) q.granularity = granularity.data;
  if (params.get('compare') === 'previous') q.compare = 'previous';
  return q;
}

/** The tab named in the URL, or the first one the user may open. */
export function tabFromParams(
  params: URLSearchParams,
  allowed: readonly DashboardTab[],
): DashboardTab | null {
  const tab = params.get('tab');
  const wanted = DASHBOARD_TABS.find((t) => t === tab);
  return wanted && allowed.includes(wanted) ? wanted : (allowed[0] ?? null);
}

/** Writes filters into URL params, keeping the others (tab, big screen). */
export function withFilters(prev: URLSearchParams, q: DashboardQuery): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const key of ['from', 'to', 'area', 'road', 'camera', 'type', 'granularity', 'compare'])
    next.delete(key);
  for (const [k, v] of new URLSearchParams(dashboardQueryString(q))) next.set(k, v);
  return next;
}

/**
 * The violation records behind a figure: the violations page with the dashboard's filters carried along and the
 * one the user clicked (a road, an area, a camera, a type, or a day) added. `status=all`: every status counts.
 */
export function violationsHref(
  q: DashboardQuery,
  resolved: { from: string; to: string },
  pick: Partial<Record<'area' | 'road' | 'camera' | 'type', string>> & { day?: string } = {},
): string {
  const p = new URLSearchParams({ status: 'all' });
  p.set('from', pick.day ?? resolved.from);
  p.set('to', pick.day ?? resolved.to);
  for (const key of ['area', 'road', 'camera', 'type'] as const) {
    const v = pick[key] ?? q[key];
    if (v) p.set(key, v);
  }
  return `/violations?${p.toString()}`;
}
