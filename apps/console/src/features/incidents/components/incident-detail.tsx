import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { incidentOutcomeSchema, type Incident, type IncidentOutcome } from '@c2/api-client/schemas/incident';
import { Badge } from '@c2/ui/components/badge/badge';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { SelectField } from '@c2/ui/components/select-field/select-field';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { refusalKey } from '../../../lib/format';
import { placeLabel } from '../../../lib/place';
import { useIncident } from '../api/get-incident';
import { useAcknowledge, useClose, useResolve } from '../api/incident-mutations';
import { DispatchPanel } from './dispatch-panel';
import { IncidentMeasures } from './incident-measures';
import { IncidentTimeline } from './incident-timeline';
import { NearbyCameras } from './nearby-cameras';
import { useAbilities } from './abilities';
import { PRIORITY_TONE, STATE_TONE } from './tones';

/** One incident: what and where, the clock against the response target, units, cameras nearby, timeline. */
export function IncidentDetail({
  id,
  onOpenWall,
}: {
  id: string;
  onOpenWall: (cameraIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const incident = useIncident(id);
  if (incident.isPending) return <Spinner label={t('app.loading')} />;
  if (incident.isError) return <EmptyState tone="danger" title={t('incidents.notFound')} />;
  const i = incident.data;
  const active = i.state !== 'resolved' && i.state !== 'closed';

  return (
    <article
      className="c2-incident"
      data-testid={testIds.incidents.detail}
      data-incident-id={i.id}
      data-state={i.state}
    >
      <IncidentHeader incident={i} />
      <IncidentMeasures incident={i} />
      <div className="c2-incident__grid">
        <div className="c2-incident__col">
          <DispatchPanel incident={i} active={active} />
          <NearbyCameras incidentId={i.id} onOpenWall={onOpenWall} />
        </div>
        <IncidentTimeline incident={i} />
      </div>
    </article>
  );
}

function IncidentHeader({ incident: i }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const acknowledge = useAcknowledge();
  const resolve = useResolve();
  const close = useClose();
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState<IncidentOutcome>('handled');
  const can = useAbilities();
  const failed = acknowledge.error ?? resolve.error ?? close.error;
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <header className="c2-incident__header">
      <div className="c2-incident__title-row">
        <Badge tone={PRIORITY_TONE[i.priority]} variant="filled">
          {i.priority} · {t(`incident.priority.${i.priority}`)}
        </Badge>
        <Badge tone="info">{t(`incident.type.${i.type}`)}</Badge>
        <Badge tone={STATE_TONE[i.state]} data-testid={testIds.incidents.state} data-state={i.state}>
          {t(`incident.state.${i.state}`)}
          {i.outcome ? ` · ${t(`incident.outcome.${i.outcome}`)}` : ''}
        </Badge>
        <span className="c2-incident__code" data-testid={testIds.incidents.code}>
          {i.code}
        </span>
      </div>
      <h2 className="c2-incident__title">{i.title}</h2>
      <p className="c2-incidents__muted">
        {[
          // The title is often the address already: say only what it does not.
          i.title === i.address
            ? i.title.includes(i.areaName)
              ? null
              : i.areaName
            : placeLabel(i.address, i.areaName),
          t('incidents.reportedAt', { time: when(i.detectedAt) }),
          i.createdBy ? t('incidents.createdBy', { name: i.createdBy.name }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {i.description && <p className="c2-incident__description">{i.description}</p>}
      <div className="c2-incident__actions" hidden={!can.manage}>
        {i.state === 'open' && (
          <Button
            variant="primary"
            busy={acknowledge.isPending}
            onClick={() => acknowledge.mutate(i.id)}
            data-testid={testIds.incidents.acknowledge}
          >
            {t('incidents.acknowledge')}
          </Button>
        )}
        {['open', 'acknowledged', 'dispatched', 'on_scene'].includes(i.state) && (
          <Button
            busy={resolve.isPending}
            onClick={() => resolve.mutate({ id: i.id })}
            data-testid={testIds.incidents.resolve}
          >
            {t('incidents.resolve')}
          </Button>
        )}
        {i.state !== 'closed' &&
          (closing ? (
            <span className="c2-incident__close">
              <SelectField
                label={t('incidents.outcome')}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as IncidentOutcome)}
                options={incidentOutcomeSchema.options.map((o) => ({
                  value: o,
                  label: t(`incident.outcome.${o}`),
                }))}
                data-testid={testIds.incidents.closeOutcome}
              />
              <Button
                variant="danger"
                busy={close.isPending}
                onClick={() => close.mutate({ id: i.id, outcome }, { onSuccess: () => setClosing(false) })}
                data-testid={testIds.incidents.closeConfirm}
              >
                {t('incidents.closeConfirm')}
              </Button>
              <Button variant="ghost" onClick={() => setClosing(false)}>
                {t('incidents.cancel')}
              </Button>
            </span>
          ) : (
            <Button variant="ghost" onClick={() => setClosing(true)} data-testid={testIds.incidents.close}>
              {t('incidents.close')}
            </Button>
          ))}
      </div>
      {failed && (
        <p className="c2-incidents__error" role="alert" data-testid={testIds.incidents.error}>
          {t(refusalKey(failed))}
        </p>
      )}
    </header>
  );
}
