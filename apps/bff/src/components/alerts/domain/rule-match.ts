import type { AnalyticsEvent, Severity } from '@c2/api-client/schemas/event';
import type { AlertRule, Suppression } from '@c2/api-client/schemas/alert';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, minor: 1, major: 2, critical: 3 };
const PRIORITY_RANK = { P1: 1, P2: 2, P3: 3, P4: 4 } as const;

/** Minutes after midnight in Vietnam (UTC+7, no daylight saving), where rule windows are written. */
export function vietnamMinuteOfDay(ts: number): number {
  const d = new Date(ts + 7 * 3600_000);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** Whether a minute falls in [from, to); a window with from > to wraps past midnight (e.g. 22:00–06:00). */
export function inWindow(minute: number, from: number | null, to: number | null): boolean {
  if (from === null || to === null) return true;
  if (from === to) return true;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

type RuleFilter = Pick<
  AlertRule,
  'enabled' | 'eventTypes' | 'minSeverity' | 'areaIds' | 'cameraIds' | 'activeFrom' | 'activeTo' | 'priority'
>;
type EventFacts = Pick<AnalyticsEvent, 'type' | 'severity' | 'areaId' | 'cameraId' | 'ts'>;

export function ruleMatches(rule: RuleFilter, e: EventFacts): boolean {
  return (
    rule.enabled &&
    rule.eventTypes.includes(e.type) &&
    SEVERITY_RANK[e.severity] >= SEVERITY_RANK[rule.minSeverity] &&
    (rule.areaIds === null || rule.areaIds.includes(e.areaId)) &&
    (rule.cameraIds === null || rule.cameraIds.includes(e.cameraId)) &&
    inWindow(vietnamMinuteOfDay(Date.parse(e.ts)), rule.activeFrom, rule.activeTo)
  );
}

/**
 * The rule that raises an alert for an event: of those matching, the most urgent (then the most specific: one
 * naming cameras beats one naming areas beats a catch-all). One event raises at most one alert.
 */
export function pickRule<R extends RuleFilter>(rules: readonly R[], e: EventFacts): R | null {
  const specificity = (r: R) => (r.cameraIds ? 2 : r.areaIds ? 1 : 0);
  let best: R | null = null;
  for (const r of rules) {
    if (!ruleMatches(r, e)) continue;
    if (
      !best ||
      PRIORITY_RANK[r.priority] < PRIORITY_RANK[best.priority] ||
      (r.priority === best.priority && specificity(r) > specificity(best))
    )
      best = r;
  }
  return best;
}

type SuppressionFilter = Pick<Suppression, 'cameraIds' | 'areaIds' | 'eventTypes' | 'startsAt' | 'endsAt'>;

/** The maintenance window covering the event, if any (by when it happened, so a late backlog is judged fairly). */
export function suppressionFor<S extends SuppressionFilter>(windows: readonly S[], e: EventFacts): S | null {
  const t = Date.parse(e.ts);
  return (
    windows.find(
      (w) =>
        Date.parse(w.startsAt) <= t &&
        t < Date.parse(w.endsAt) &&
        (w.cameraIds === null || w.cameraIds.includes(e.cameraId)) &&
        (w.areaIds === null || w.areaIds.includes(e.areaId)) &&
        (w.eventTypes === null || w.eventTypes.includes(e.type)),
    ) ?? null
  );
}
