import { useTranslation } from 'react-i18next';
import type { Assignment, Incident } from '@c2/api-client/schemas/incident';
import type { Unit } from '@c2/api-client/schemas/unit';
import { Badge } from '@c2/ui/components/badge/badge';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { testIds } from '@c2/ui/test-ids';
import { formatDistance, formatDuration, refusalKey } from '../../../lib/format';
import { useSuggestions } from '../api/get-suggestions';
import { useUnits } from '../api/get-units';
import { useAssign, useRelease } from '../api/incident-mutations';
import { useAbilities } from './abilities';
import { UNIT_TONE } from './tones';

/** Units sent to the incident with the time of every step, and the nearest free units to send, by ETA. */
export function DispatchPanel({ incident: i, active: open }: { incident: Incident; active: boolean }) {
  const { t } = useTranslation();
  // Sending and releasing units is for dispatchers, and only while the incident is being handled.
  const can = useAbilities();
  const active = open && can.dispatch;
  const units = useUnits();
  const byId = new Map((units.data ?? []).map((u) => [u.id, u]));
  const assign = useAssign();
  const release = useRelease();
  const failed = assign.error ?? release.error;
  const current = i.assignments.filter((a) => a.active);
  const past = i.assignments.filter((a) => !a.active);

  return (
    <Panel title={t('incidents.units')} className="c2-incident__units">
      <ol className="c2-incidents__rows" data-testid={testIds.incidents.assignments}>
        {[...current, ...past].map((a) => (
          <AssignmentRow
            key={a.id}
            assignment={a}
            unit={byId.get(a.unitId)}
            onRelease={a.active && active ? () => release.mutate({ id: i.id, unitId: a.unitId }) : undefined}
          />
        ))}
      </ol>
      {i.assignments.length === 0 && <p className="c2-incidents__muted">{t('incidents.noUnitsYet')}</p>}
      {failed && (
        <p className="c2-incidents__error" role="alert" data-testid={testIds.incidents.error}>
          {t(refusalKey(failed))}
        </p>
      )}
      {active && (
        <Suggestions
          incidentId={i.id}
          onAssign={(unitId) => assign.mutate({ id: i.id, unitIds: [unitId] })}
          busy={assign.isPending}
        />
      )}
    </Panel>
  );
}

function AssignmentRow({
  assignment: a,
  unit,
  onRelease,
}: {
  assignment: Assignment;
  unit: Unit | undefined;
  onRelease: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString(i18n.language) : '—');
  const status = a.active && unit ? unit.status : null;
  const steps: [string, string | null][] = [
    ['assigned', a.assignedAt],
    ['accepted', a.acceptedAt],
    ['enRoute', a.enRouteAt],
    ['onScene', a.onSceneAt],
    ['cleared', a.clearedAt],
  ];
  return (
    <li
      className="c2-incident__assignment"
      data-testid={testIds.incidents.assignment}
      data-unit-id={a.unitId}
      data-status={status ?? 'ended'}
      data-active={a.active}
    >
      <div className="c2-incident__assignment-head">
        <strong>{a.callSign}</strong>
        {status ? (
          <Badge tone={UNIT_TONE[status]}>{t(`unit.status.${status}`)}</Badge>
        ) : (
          <Badge tone="neutral">{t(`incidents.ended.${a.endReason ?? 'completed'}`)}</Badge>
        )}
        {a.etaSeconds !== null && (
          <span className="c2-incidents__muted">
            {t('incidents.etaAtAssign', { eta: formatDuration(a.etaSeconds) })}
          </span>
        )}
        {onRelease && (
          <Button
            size="sm"
            variant="ghost"
            onClick={onRelease}
            data-testid={testIds.incidents.assignmentRelease}
          >
            {t('incidents.release')}
          </Button>
        )}
      </div>
      <dl className="c2-incident__steps">
        {steps.map(([key, iso]) => (
          <div key={key} data-done={iso !== null}>
            <dt>{t(`incidents.step.${key}`)}</dt>
            <dd>{time(iso)}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function Suggestions({
  incidentId,
  onAssign,
  busy,
}: {
  incidentId: string;
  onAssign: (unitId: string) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const suggestions = useSuggestions(incidentId, true);
  return (
    <section
      className="c2-incident__suggestions"
      aria-label={t('incidents.suggestions')}
      data-testid={testIds.incidents.suggestions}
    >
      <h3 className="c2-incident__subtitle">{t('incidents.suggestions')}</h3>
      {suggestions.data && suggestions.data.length > 0 ? (
        <ol className="c2-incidents__rows">
          {suggestions.data.map((s, index) => (
            <li
              key={s.unit.id}
              className="c2-incident__suggestion"
              data-testid={testIds.incidents.suggestion}
              data-unit-id={s.unit.id}
              data-call-sign={s.unit.callSign}
              data-eta={s.etaSeconds}
            >
              <span className="c2-incident__suggestion-rank">{index + 1}</span>
              <span className="c2-incident__suggestion-unit">
                <strong>{s.unit.callSign}</strong>
                <span className="c2-incidents__muted">{s.unit.vehicle}</span>
              </span>
              <span className="c2-incident__suggestion-eta">
                <strong>{formatDuration(s.etaSeconds)}</strong>
                <span className="c2-incidents__muted">
                  {formatDistance(s.distanceMeters, i18n.language)} · {t(`incidents.method.${s.method}`)}
                </span>
              </span>
              <Button
                size="sm"
                variant={index === 0 ? 'primary' : 'secondary'}
                disabled={busy}
                onClick={() => onAssign(s.unit.id)}
                data-testid={testIds.incidents.suggestionAssign}
              >
                {t('incidents.assign')}
              </Button>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState title={suggestions.isPending ? t('app.loading') : t('incidents.noFreeUnits')} />
      )}
    </section>
  );
}
