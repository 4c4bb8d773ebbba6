import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CLOSED_STATUSES } from '@c2/api-client/schemas/alert';
import { Button } from '@c2/ui/components/button/button';
import { DescriptionList } from '@c2/ui/components/description-list/description-list';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { testIds } from '@c2/ui/test-ids';
import { useAlertAction, useAlertDetail, useAlertPeople, useOpenIncident } from '../api/alert-queries';
import { AlertTimeline } from './alert-timeline';
import { ReasonForm } from './reason-form';
import { SlaCountdown } from './sla-countdown';
import { CameraLive } from '../../../lib/camera-live';
import { SopChecklist } from './sop-checklist';

export type PendingForm = 'false-positive' | 'escalate' | 'resolve' | 'transfer' | 'assign' | null;

export interface AlertDetailProps {
  id: string;
  now: number;
  canHandle: boolean;
  /** Whether the user may open live video (stream:open): the camera's live stream shows beside the snapshot. */
  canWatch: boolean;
  /** Whether the user may open incidents (incident:manage): the alert can become one. */
  canOpenIncident: boolean;
  form: PendingForm;
  onForm: (form: PendingForm) => void;
}

/** Same-origin or inline images only: the console never fetches from outside (CSP and the network split). */
const showable = (src: string | null): src is string =>
  !!src && (src.startsWith('/') || src.startsWith('data:image/'));

/**
 * One alert: its camera live, its snapshot and the way to its camera on the wall, its facts and SLA, the actions (acknowledge,
 * claim, assign, transfer, escalate, false positive, resolve), its SOP checklist and its timeline.
 */
export function AlertDetailPanel({
  id,
  now,
  canHandle,
  canWatch,
  canOpenIncident,
  form,
  onForm,
}: AlertDetailProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const detail = useAlertDetail(id);
  const action = useAlertAction();
  const openIncident = useOpenIncident();
  const people = useAlertPeople();
  const [userId, setUserId] = useState('');
  const time = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      day: '2-digit',
      month: '2-digit',
    });

  if (detail.isPending) return <Spinner label={t('app.loading')} />;
  if (detail.isError) return <EmptyState title={t('alerts.detailError')} tone="danger" />;
  const { alert, sop, sopRecords, timeline } = detail.data;
  const closed = CLOSED_STATUSES.includes(alert.status);
  const busy = action.isPending;
  const act = (a: Parameters<typeof action.mutate>[0]) => action.mutate(a, { onSuccess: () => onForm(null) });
  const candidates = (people.data ?? []).filter((p) => p.id !== alert.assigneeId);

  return (
    <Panel
      className="c2-alert-detail"
      testId={testIds.alerts.detail}
      title={`${alert.priority} · ${t(`event.type.${alert.type}`)}`}
      actions={<SlaCountdown deadline={alert.slaDeadline} now={now} />}
    >
      <div className="c2-alert-detail__top">
        {canWatch && alert.cameraId ? (
          <figure className="c2-alert-detail__live">
            <CameraLive
              cameraId={alert.cameraId}
              label={alert.cameraName ?? alert.cameraId}
              testId={testIds.alerts.live}
            />
            <figcaption>{t('video.live')}</figcaption>
          </figure>
        ) : null}
        <figure className="c2-alert-detail__snapshot" data-testid={testIds.alerts.snapshot}>
          {showable(alert.snapshot) ? (
            <img
              src={alert.snapshot}
              alt={t('alerts.snapshotAlt', { camera: alert.cameraName ?? alert.cameraId })}
            />
          ) : (
            <div className="c2-alert-detail__no-snapshot">{t('alerts.noSnapshot')}</div>
          )}
          <figcaption>{alert.cameraName ?? alert.cameraId}</figcaption>
        </figure>
        <div className="c2-alert-detail__facts">
          <p className="c2-alert-detail__status">
            <span
              className={`c2-alert-status c2-alert-status--${alert.status}`}
              data-testid={testIds.alerts.detailStatus}
              data-status={alert.status}
            >
              {t(`alerts.status.${alert.status}`)}
            </span>
            <span
              className="c2-alert-detail__level"
              data-testid={testIds.alerts.detailLevel}
              data-level={alert.escalationLevel}
            >
              {t('alerts.level', { level: alert.escalationLevel })}
            </span>
            {alert.slaBreached ? (
              <span className="c2-alert-detail__breach">{t('alerts.sla.breached')}</span>
            ) : null}
          </p>
          <DescriptionList
            items={[
              { key: 'title', term: t('alerts.fields.rule'), detail: alert.title },
              { key: 'created', term: t('alerts.fields.created'), detail: time(alert.createdAt) },
              { key: 'count', term: t('alerts.fields.count'), detail: String(alert.count) },
              {
                key: 'ack',
                term: t('alerts.fields.acknowledged'),
                detail: alert.acknowledgedAt
                  ? `${alert.acknowledgedBy ?? ''} · ${time(alert.acknowledgedAt)}`
                  : '—',
              },
              { key: 'assignee', term: t('alerts.fields.assignee'), detail: alert.assigneeName ?? '—' },
              ...(alert.outcomeNote
                ? [{ key: 'note', term: t('alerts.fields.outcome'), detail: alert.outcomeNote }]
                : []),
            ]}
          />
          {alert.cameraId ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => void navigate(`/wall?cameras=${encodeURIComponent(alert.cameraId!)}`)}
              data-testid={testIds.alerts.openOnWall}
            >
              {t('alerts.openOnWall')}
            </Button>
          ) : null}
          {canOpenIncident ? (
            <Button
              size="sm"
              variant="secondary"
              busy={openIncident.isPending}
              onClick={() =>
                openIncident.mutate(alert, {
                  onSuccess: (incident) => void navigate(`/incidents/${encodeURIComponent(incident.id)}`),
                })
              }
              data-testid={testIds.alerts.openIncident}
            >
              {t('alerts.openIncident')}
            </Button>
          ) : null}
        </div>
      </div>

      {canHandle && !closed ? (
        <div className="c2-alert-detail__actions" role="toolbar" aria-label={t('alerts.actionsLabel')}>
          <Button
            variant="primary"
            size="sm"
            busy={busy}
            disabled={alert.acknowledgedAt !== null}
            onClick={() => act({ kind: 'acknowledge', id })}
            data-testid={testIds.alerts.action('acknowledge')}
          >
            {t('alerts.action.acknowledge')} <kbd>A</kbd>
          </Button>
          <Button
            size="sm"
            busy={busy}
            onClick={() => act({ kind: 'claim', id })}
            data-testid={testIds.alerts.action('claim')}
          >
            {t('alerts.action.claim')} <kbd>C</kbd>
          </Button>
          <Button
            size="sm"
            onClick={() => onForm(alert.assigneeId ? 'transfer' : 'assign')}
            data-testid={testIds.alerts.action(alert.assigneeId ? 'transfer' : 'assign')}
          >
            {t(alert.assigneeId ? 'alerts.action.transfer' : 'alerts.action.assign')}
          </Button>
          <Button
            size="sm"
            variant="danger"
            onClick={() => onForm('escalate')}
            data-testid={testIds.alerts.action('escalate')}
          >
            {t('alerts.action.escalate')} <kbd>E</kbd>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onForm('false-positive')}
            data-testid={testIds.alerts.action('false-positive')}
          >
            {t('alerts.action.falsePositive')} <kbd>F</kbd>
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onForm('resolve')}
            data-testid={testIds.alerts.action('resolve')}
          >
            {t('alerts.action.resolve')} <kbd>R</kbd>
          </Button>
        </div>
      ) : null}

      {form && canHandle && !closed ? (
        <ReasonForm
          key={form}
          title={t(`alerts.form.${form}`)}
          required={form === 'false-positive' || form === 'transfer'}
          busy={busy}
          onCancel={() => onForm(null)}
          onSubmit={(reason) => {
            const r = reason || undefined;
            if (form === 'false-positive') act({ kind: 'false-positive', id, reason });
            else if (form === 'escalate') act({ kind: 'escalate', id, reason: r });
            else if (form === 'resolve') act({ kind: 'resolve', id, reason: r });
            else if (userId && form === 'transfer') act({ kind: 'transfer', id, userId, reason });
            else if (userId) act({ kind: 'assign', id, userId });
          }}
        >
          {form === 'assign' || form === 'transfer' ? (
            <select
              className="c2-reason-form__select"
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              aria-label={t('alerts.form.assignee')}
              data-testid={testIds.alerts.assignSelect}
              required
            >
              <option value="">{t('alerts.form.chooseUser')}</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                  {p.duties.length > 0 ? ` · ${p.duties.map((d) => t(`alerts.duty.${d}`)).join(', ')}` : ''}
                </option>
              ))}
            </select>
          ) : null}
        </ReasonForm>
      ) : null}

      {sop ? (
        <section className="c2-alert-detail__section" aria-label={t('alerts.sop.title')}>
          <h3>
            {t('alerts.sop.title')}: {sop.name}
            {alert.sop ? (
              <span className="c2-alert-detail__progress">
                {t('alerts.sop.progress', { done: alert.sop.done, total: alert.sop.total })}
              </span>
            ) : null}
          </h3>
          <SopChecklist
            sop={sop}
            records={sopRecords}
            closed={closed || !canHandle}
            busy={busy}
            formatTime={time}
            onRecord={(step) => act({ kind: 'sop-step', id, step })}
          />
        </section>
      ) : null}

      <section className="c2-alert-detail__section" aria-label={t('alerts.timeline.title')}>
        <h3>{t('alerts.timeline.title')}</h3>
        <AlertTimeline entries={timeline} sop={sop} formatTime={time} />
      </section>
    </Panel>
  );
}
