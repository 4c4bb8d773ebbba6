import { useTranslation } from 'react-i18next';
import { testIds } from '@c2/ui/test-ids';
import { clock } from './alert-format';

/** Time left on the running SLA; past it, how long overdue, in the danger colour. */
export function SlaCountdown({
  deadline,
  now,
  compact = false,
}: {
  deadline: string | null;
  now: number;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (!deadline) return <span className="c2-sla c2-sla--none">—</span>;
  const left = Date.parse(deadline) - now;
  const overdue = left < 0;
  const tone = overdue ? 'over' : left < 30_000 ? 'soon' : 'ok';
  return (
    <span
      className={`c2-sla c2-sla--${tone}`}
      data-testid={compact ? undefined : testIds.alerts.sla}
      data-overdue={overdue}
      title={t('alerts.sla.title')}
    >
      {overdue ? t('alerts.sla.overdue', { time: clock(left) }) : t('alerts.sla.left', { time: clock(left) })}
    </span>
  );
}
