import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Priority } from '@c2/api-client/schemas/alert';
import { prioritySchema } from '@c2/api-client/schemas/alert';
import type { Incident } from '@c2/api-client/schemas/incident';
import { unitStatusSchema, type Unit, type UnitStatus } from '@c2/api-client/schemas/unit';
import { Badge } from '@c2/ui/components/badge/badge';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import type { StatusTone } from '@c2/ui/components/status-dot/status-dot';
import { testIds } from '@c2/ui/test-ids';
import { formatDuration } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { useDispatchSettings, useOpenIncidents, useUnits } from '../api/board-data';
import { checkInOverdue, incidentsByPriority, responseClock, unitsByStatus } from './board-model';
import './dispatch-board.css';

const PRIORITY_TONE: Record<Priority, StatusTone> = { P1: 'danger', P2: 'warn', P3: 'info', P4: 'neutral' };
const UNIT_TONE: Record<UnitStatus, StatusTone> = {
  available: 'ok',
  assigned: 'warn',
  en_route: 'info',
  on_scene: 'danger',
  returning: 'neutral',
  out_of_service: 'neutral',
};

/**
 * The dispatcher board, made for the wall: open incidents by priority and every unit by CAD status on one screen,
 * with running clocks — time since each report, the countdown to an accident's response target, time in status,
 * and a flag on units on scene that have not checked in for longer than the configured interval.
 */
export function DispatchBoard() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const units = useUnits();
  const incidents = useOpenIncidents();
  const settings = useDispatchSettings();
  const now = useNow();

  const byStatus = useMemo(() => unitsByStatus(units.data ?? []), [units.data]);
  const byPriority = useMemo(() => incidentsByPriority(incidents.data ?? []), [incidents.data]);
  const codeOf = useMemo(() => new Map((incidents.data ?? []).map((i) => [i.id, i.code])), [incidents.data]);
  const checkIn = settings.data?.checkInMinutes ?? 15;
  const overdue = (units.data ?? []).filter((u) => checkInOverdue(u, now, checkIn) !== null).length;

  if (units.isPending || incidents.isPending) return <Spinner label={t('app.loading')} />;

  return (
    <div className="c2-board" data-testid={testIds.dispatch.board}>
      <header className="c2-board__bar">
        <h2 className="c2-board__title">{t('dispatch.title')}</h2>
        <span className="c2-board__stat">
          {t('dispatch.openIncidents', { n: incidents.data?.length ?? 0 })}
        </span>
        <span className="c2-board__stat">{t('dispatch.available', { n: byStatus.available.length })}</span>
        <span
          className={`c2-board__stat${overdue > 0 ? ' c2-board__stat--danger' : ''}`}
          data-testid={testIds.dispatch.overdueCount}
          data-value={overdue}
        >
          {t('dispatch.overdue', { n: overdue, minutes: checkIn })}
        </span>
        <time className="c2-board__clock" data-testid={testIds.dispatch.clock}>
          {new Date(now).toLocaleTimeString(i18n.language)}
        </time>
      </header>
      <div className="c2-board__body">
        <section className="c2-board__incidents" aria-label={t('dispatch.incidents')}>
          {prioritySchema.options.map((p) => (
            <div
              key={p}
              className="c2-board__column"
              data-testid={testIds.dispatch.incidentColumn(p)}
              aria-label={`${p} · ${t(`incident.priority.${p}`)}`}
              role="group"
            >
              <h3 className="c2-board__column-title">
                <Badge tone={PRIORITY_TONE[p]} variant="filled">
                  {p}
                </Badge>
                {t(`incident.priority.${p}`)}
                <span className="c2-board__count">{byPriority[p].length}</span>
              </h3>
              <ol className="c2-board__cards">
                {byPriority[p].map((i) => (
                  <IncidentCard
                    key={i.id}
                    incident={i}
                    now={now}
                    onOpen={() => void navigate(`/incidents/${i.id}`)}
                  />
                ))}
              </ol>
            </div>
          ))}
        </section>
        <section className="c2-board__units" aria-label={t('dispatch.units')}>
          {unitStatusSchema.options.map((s) => (
            <div
              key={s}
              className="c2-board__column"
              data-testid={testIds.dispatch.unitColumn(s)}
              aria-label={t(`unit.status.${s}`)}
              role="group"
            >
              <h3 className="c2-board__column-title">
                <span className={`c2-board__swatch c2-board__swatch--${UNIT_TONE[s]}`} aria-hidden="true" />
                {t(`unit.status.${s}`)}
                <span className="c2-board__count">{byStatus[s].length}</span>
              </h3>
              <ol className="c2-board__cards">
                {byStatus[s].map((u) => (
                  <UnitCard
                    key={u.id}
                    unit={u}
                    now={now}
                    incidentCode={u.incidentId ? (codeOf.get(u.incidentId) ?? null) : null}
                    overdue={checkInOverdue(u, now, checkIn)}
                  />
                ))}
              </ol>
            </div>
          ))}
        </section>
      </div>
    </div>
  );
}

function IncidentCard({ incident: i, now, onOpen }: { incident: Incident; now: number; onOpen: () => void }) {
  const { t } = useTranslation();
  const clock = responseClock(i, now);
  const breached =
    (clock.kind === 'waiting' && clock.remaining < 0) || (clock.kind === 'arrived' && clock.breached);
  const units = i.assignments.filter((a) => a.active).map((a) => a.callSign);
  return (
    <li>
      <button
        type="button"
        className={`c2-board__card c2-board__incident${breached ? ' c2-board__card--danger' : ''}`}
        onClick={onOpen}
        data-testid={testIds.dispatch.incidentCard}
        data-incident-id={i.id}
        data-state={i.state}
        data-breached={breached}
      >
        <span className="c2-board__card-head">
          <strong>{t(`incident.type.${i.type}`)}</strong>
          <span className="c2-board__timer">{formatDuration((now - Date.parse(i.detectedAt)) / 1000)}</span>
        </span>
        <span className="c2-board__card-title">{i.title}</span>
        <span className="c2-board__card-foot">
          <span>{t(`incident.state.${i.state}`)}</span>
          {units.length > 0 && <span className="c2-board__units-list">{units.join(', ')}</span>}
        </span>
        {clock.kind === 'waiting' && (
          <span className={clock.remaining < 0 ? 'c2-board__late' : 'c2-board__remaining'}>
            {clock.remaining < 0
              ? t('dispatch.overTarget', { time: formatDuration(-clock.remaining) })
              : t('dispatch.toTarget', { time: formatDuration(clock.remaining) })}
          </span>
        )}
        {clock.kind === 'arrived' && (
          <span className={clock.breached ? 'c2-board__late' : 'c2-board__remaining'}>
            {t(clock.breached ? 'dispatch.arrivedLate' : 'dispatch.arrivedInTime')}
          </span>
        )}
      </button>
    </li>
  );
}

function UnitCard({
  unit: u,
  now,
  incidentCode,
  overdue,
}: {
  unit: Unit;
  now: number;
  incidentCode: string | null;
  overdue: number | null;
}) {
  const { t } = useTranslation();
  return (
    <li
      className={`c2-board__card c2-board__unit${overdue !== null ? ' c2-board__card--danger' : ''}`}
      data-testid={testIds.dispatch.unitCard}
      data-unit-id={u.id}
      data-status={u.status}
      data-overdue={overdue !== null}
    >
      <span className="c2-board__card-head">
        <strong>{u.callSign}</strong>
        <span className="c2-board__timer">{formatDuration((now - Date.parse(u.statusSince)) / 1000)}</span>
      </span>
      {incidentCode && <span className="c2-board__card-title">{incidentCode}</span>}
      {overdue !== null && (
        <span className="c2-board__late">{t('dispatch.checkInLate', { time: formatDuration(overdue) })}</span>
      )}
    </li>
  );
}
