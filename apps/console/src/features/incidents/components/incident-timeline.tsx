import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident, TimelineEntry } from '@c2/api-client/schemas/incident';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Panel } from '@c2/ui/components/panel/panel';
import { TextAreaField } from '@c2/ui/components/text-area-field/text-area-field';
import { testIds } from '@c2/ui/test-ids';
import { formatDuration } from '../../../lib/format';
import { useTimeline } from '../api/get-incident';
import { useAddNote } from '../api/incident-mutations';
import { useCameras } from '../api/get-cameras';
import { useAbilities } from './abilities';

/** Everything that happened to the incident, oldest first, with who and when; notes are added at the bottom. */
export function IncidentTimeline({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const timeline = useTimeline(incident.id);
  const addNote = useAddNote(incident.id);
  const [text, setText] = useState('');
  const can = useAbilities();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    addNote.mutate(text.trim(), { onSuccess: () => setText('') });
  }

  return (
    <Panel
      title={t('incidents.timeline')}
      className="c2-incident__timeline"
      testId={testIds.incidents.timeline}
    >
      {timeline.data && timeline.data.length > 0 ? (
        <ol className="c2-timeline">
          {timeline.data.map((entry) => (
            <TimelineItem key={entry.id} entry={entry} />
          ))}
        </ol>
      ) : (
        <EmptyState title={t('app.loading')} />
      )}
      {incident.state !== 'closed' && can.manage && (
        <form className="c2-timeline__note" onSubmit={submit}>
          <TextAreaField
            label={t('incidents.noteLabel')}
            hideLabel
            placeholder={t('incidents.notePlaceholder')}
            value={text}
            rows={2}
            maxLength={4000}
            onChange={(e) => setText(e.target.value)}
            data-testid={testIds.incidents.noteInput}
          />
          <Button
            type="submit"
            size="sm"
            busy={addNote.isPending}
            disabled={!text.trim()}
            data-testid={testIds.incidents.noteSubmit}
          >
            {t('incidents.addNote')}
          </Button>
        </form>
      )}
    </Panel>
  );
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const { i18n } = useTranslation();
  return (
    <li
      className={`c2-timeline__item c2-timeline__item--${entry.kind}`}
      data-testid={testIds.incidents.timelineItem}
      data-kind={entry.kind}
    >
      <time className="c2-timeline__time" dateTime={entry.ts}>
        {new Date(entry.ts).toLocaleTimeString(i18n.language)}
      </time>
      <div className="c2-timeline__body">
        <TimelineText entry={entry} />
        {entry.actor && <span className="c2-timeline__actor">{entry.actor.name}</span>}
      </div>
    </li>
  );
}

function TimelineText({ entry: e }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const cameras = useCameras();
  switch (e.kind) {
    case 'event':
      return (
        <p>
          {t('incidents.tl.event', {
            type: t(`event.type.${e.data.type}`),
            severity: t(`event.severity.${e.data.severity}`),
            camera: cameras.data?.find((c) => c.id === e.data.cameraId)?.name ?? e.data.cameraId,
          })}
        </p>
      );
    case 'alert':
      return <p>{t('incidents.tl.alert', { title: e.data.title })}</p>;
    case 'sop_step':
      return (
        <p>
          {t('incidents.tl.sopStep', { title: e.data.title })}
          {e.data.outcome ? ` — ${e.data.outcome}` : ''}
        </p>
      );
    case 'unit_status': {
      const d = e.data;
      const vars = {
        unit: d.callSign,
        from: d.from ? t(`unit.status.${d.from}`) : '',
        to: t(`unit.status.${d.to}`),
        eta: d.etaSeconds === null ? '—' : formatDuration(d.etaSeconds),
        target: d.reason ?? '',
      };
      return <p>{t(`incidents.tl.unit.${d.change}`, vars)}</p>;
    }
    case 'note':
      return <p className="c2-timeline__note-text">{e.data.text}</p>;
    case 'attachment':
      return (
        <a
          href={`/api/incidents/${e.incidentId}/attachments/${e.data.attachmentId}`}
          target="_blank"
          rel="noreferrer"
        >
          <img
            className="c2-timeline__photo"
            src={`/api/incidents/${e.incidentId}/attachments/${e.data.attachmentId}`}
            alt={t('incidents.tl.photo')}
            loading="lazy"
          />
        </a>
      );
    case 'message':
      return (
        <p>{t('incidents.tl.message', { channel: e.data.channel, to: e.data.to, text: e.data.text })}</p>
      );
    case 'state':
      return (
        <p>
          {t('incidents.tl.state', { state: t(`incident.state.${e.data.to}`) })}
          {e.data.outcome ? ` · ${t(`incident.outcome.${e.data.outcome}`)}` : ''}
          {e.data.note ? ` — ${e.data.note}` : ''}
        </p>
      );
  }
}
