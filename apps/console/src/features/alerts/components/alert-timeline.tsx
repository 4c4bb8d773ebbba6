import { useTranslation } from 'react-i18next';
import type { SopTemplate, TimelineEntry } from '@c2/api-client/schemas/alert';
import { testIds } from '@c2/ui/test-ids';

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(str).filter(Boolean) : []);

/** What happened to the alert, in order: when, who (or the system), what. */
export function AlertTimeline({
  entries,
  sop,
  formatTime,
}: {
  entries: readonly TimelineEntry[];
  /** The alert's procedure: a recorded answer reads as its label there ("Có"), not its stored value ("yes"). */
  sop: SopTemplate | null;
  formatTime: (iso: string) => string;
}) {
  const { t } = useTranslation();
  function what(e: TimelineEntry): string {
    const d = e.detail;
    switch (e.kind) {
      case 'notified':
        return t('alerts.timeline.notified', {
          level: str(d.level),
          who: list(d.recipients).join(', ') || t('alerts.timeline.nobody'),
          channels: list(d.channels)
            .map((c) => t(`alerts.channel.${c}`))
            .join(', '),
        });
      case 'escalated':
        return t(d.manual ? 'alerts.timeline.escalatedManual' : 'alerts.timeline.escalated', {
          level: str(d.level),
        });
      case 'sop_step':
        return t(`alerts.timeline.sop_${d.outcome === 'skipped' ? 'skipped' : 'done'}`, {
          step: str(d.title),
        });
      case 'assigned':
      case 'transferred':
        return t(`alerts.timeline.${e.kind}`, { to: str(d.to), from: str(d.from) });
      case 'grouped':
        // Entries written before a pass grouped several events at once carry no `added`: they added one.
        return t('alerts.timeline.grouped', { count: str(d.count), added: str(d.added) || '1' });
      case 'sla_breached':
        return t(`alerts.timeline.sla_${d.sla === 'resolve' ? 'resolve' : 'acknowledge'}`);
      case 'acknowledged':
        return t(d.via === 'link' ? 'alerts.timeline.acknowledgedLink' : 'alerts.timeline.acknowledged');
      case 'created':
        return t('alerts.timeline.created', { rule: str(d.rule) });
      default:
        return t(`alerts.timeline.${e.kind}`);
    }
  }
  function answerOf(e: TimelineEntry): string {
    const value = str(e.detail.answer);
    const step = sop?.steps.find((s) => s.id === str(e.detail.stepId));
    return step?.answers.find((a) => a.value === value)?.label ?? value;
  }
  const extra = (e: TimelineEntry) =>
    [answerOf(e), str(e.detail.note), str(e.detail.reason)].filter(Boolean).join(' · ');
  return (
    <ol className="c2-timeline" data-testid={testIds.alerts.timeline}>
      {entries.map((e) => (
        <li
          key={e.id}
          className={`c2-timeline__item c2-timeline__item--${e.kind}`}
          data-testid={testIds.alerts.timelineItem}
          data-kind={e.kind}
        >
          <time dateTime={e.at}>{formatTime(e.at)}</time>
          <span className="c2-timeline__who">{e.actorName ?? t('alerts.timeline.system')}</span>
          <span className="c2-timeline__what">
            {what(e)}
            {extra(e) ? <span className="c2-timeline__extra"> — {extra(e)}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
