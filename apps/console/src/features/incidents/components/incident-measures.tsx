import { useTranslation } from 'react-i18next';
import type { Incident } from '@c2/api-client/schemas/incident';
import { Badge } from '@c2/ui/components/badge/badge';
import { testIds } from '@c2/ui/test-ids';
import { formatDuration } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';

const STEPS = [
  { key: 'acknowledge', field: 'acknowledgeSeconds' },
  { key: 'dispatch', field: 'dispatchSeconds' },
  { key: 'arrive', field: 'arriveSeconds' },
  { key: 'resolve', field: 'resolveSeconds' },
] as const;

/**
 * Time from the first report to each step, and the response target: a countdown while nobody is on scene, then
 * whether the first unit arrived in time. The clock runs here; the recorded durations come from the BFF.
 */
export function IncidentMeasures({ incident: i }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const m = i.measures;
  const sinceReport = (now - Date.parse(i.detectedAt)) / 1000;
  const target = m.responseTargetSeconds;
  const waiting = target !== null && m.arriveSeconds === null && i.state !== 'closed';
  const breached = m.responseBreached === true || (waiting && sinceReport > target);

  return (
    <section className="c2-incident__measures" aria-label={t('incidents.measures')}>
      {STEPS.map(({ key, field }) => {
        const seconds = m[field];
        return (
          <div key={key} className="c2-incident__measure" data-done={seconds !== null}>
            <span className="c2-incidents__muted">{t(`incidents.measure.${key}`)}</span>
            <span
              className="c2-incident__measure-value"
              data-testid={testIds.incidents.measure(key)}
              data-seconds={seconds ?? ''}
            >
              {seconds === null ? '—' : formatDuration(seconds)}
            </span>
          </div>
        );
      })}
      <div className="c2-incident__measure c2-incident__target">
        {target === null ? (
          <span className="c2-incidents__muted">{t('incidents.noTarget')}</span>
        ) : (
          <>
            <span className="c2-incidents__muted">
              {t('incidents.target', { time: formatDuration(target) })}
            </span>
            {waiting ? (
              <span className={breached ? 'c2-incident__late' : 'c2-incident__measure-value'}>
                {breached
                  ? t('incidents.overBy', { time: formatDuration(sinceReport - target) })
                  : t('incidents.remaining', { time: formatDuration(target - sinceReport) })}
              </span>
            ) : i.arrivedAt ? (
              <span className="c2-incident__measure-value">
                {t('incidents.arrivedAt', { time: new Date(i.arrivedAt).toLocaleTimeString(i18n.language) })}
              </span>
            ) : null}
            {breached ? (
              <Badge tone="danger" variant="filled" data-testid={testIds.incidents.breach}>
                {t('incidents.breach')}
              </Badge>
            ) : m.arriveSeconds !== null ? (
              <Badge tone="ok">{t('incidents.inTime')}</Badge>
            ) : null}
          </>
        )}
        {i.arrivedAt && (
          <time
            className="c2-visually-hidden"
            dateTime={i.arrivedAt}
            data-testid={testIds.incidents.arrivedAt}
          >
            {new Date(i.arrivedAt).toLocaleTimeString(i18n.language)}
          </time>
        )}
      </div>
    </section>
  );
}
