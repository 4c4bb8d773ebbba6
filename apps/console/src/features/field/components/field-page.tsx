import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@c2/api-client/http/api-error';
import { PHOTO_TYPES, type FieldAssignment } from '@c2/api-client/schemas/incident';
import type { UnitStatus } from '@c2/api-client/schemas/unit';
import { Badge } from '@c2/ui/components/badge/badge';
import { Button } from '@c2/ui/components/button/button';
import { EmptyState } from '@c2/ui/components/empty-state/empty-state';
import { Spinner } from '@c2/ui/components/spinner/spinner';
import { TextAreaField } from '@c2/ui/components/text-area-field/text-area-field';
import { testIds } from '@c2/ui/test-ids';
import { formatDistance, refusalKey } from '../../../lib/format';
import { placeLabel } from '../../../lib/place';
import {
  useAccept,
  useCheckIn,
  useFieldAssignment,
  useFieldNote,
  useFieldPhoto,
  useFieldStatus,
} from '../api/field-assignment';
import './field-page.css';

const PHOTO_MAX_MB = 8;
const STATUS_TONE: Record<UnitStatus, 'ok' | 'warn' | 'info' | 'danger' | 'neutral'> = {
  available: 'ok',
  assigned: 'warn',
  en_route: 'info',
  on_scene: 'danger',
  returning: 'neutral',
  out_of_service: 'neutral',
};

/** Metres between two points on the earth (enough to tell a crew how far the scene is). */
function metersBetween(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The field view for a unit's phone: its assignment with the scene's location and the dispatcher's notes, one
 * large button for the next step (accept, set off, arrive, done), notes and photos from the scene. Built for a
 * 360-px screen held in one hand.
 */
export function FieldPage() {
  const { t } = useTranslation();
  const view = useFieldAssignment();
  if (view.isPending) return <Spinner label={t('app.loading')} />;
  if (view.isError)
    return (
      <EmptyState
        tone="danger"
        title={
          view.error instanceof ApiError && view.error.status === 403 ? t('field.notLinked') : t('app.error')
        }
      />
    );
  return <FieldView view={view.data} />;
}

function FieldView({ view }: { view: FieldAssignment }) {
  const { t, i18n } = useTranslation();
  const { unit, assignment, incident } = view;
  const accept = useAccept();
  const status = useFieldStatus();
  const checkIn = useCheckIn();
  const failed = accept.error ?? status.error ?? checkIn.error;
  const working = assignment?.active === true;

  return (
    <div className="c2-field" data-testid={testIds.field.page}>
      <section className="c2-field__card c2-field__unit" data-testid={testIds.field.unit}>
        <div className="c2-field__unit-row">
          <strong className="c2-field__callsign">{unit.callSign}</strong>
          <Badge
            tone={STATUS_TONE[unit.status]}
            variant="filled"
            data-testid={testIds.field.unitStatus}
            data-status={unit.status}
          >
            {t(`unit.status.${unit.status}`)}
          </Badge>
        </div>
        <p className="c2-field__muted">{unit.vehicle}</p>
      </section>

      {incident && assignment ? (
        <section
          className="c2-field__card c2-field__incident"
          data-testid={testIds.field.incident}
          data-incident-id={incident.id}
          aria-label={t('field.assignment')}
        >
          <div className="c2-field__unit-row">
            <Badge tone={incident.priority === 'P1' ? 'danger' : 'warn'} variant="filled">
              {incident.priority}
            </Badge>
            <strong>{t(`incident.type.${incident.type}`)}</strong>
            <span className="c2-field__muted c2-field__code">{incident.code}</span>
          </div>
          <h2 className="c2-field__title">{incident.title}</h2>
          <p className="c2-field__muted">
            {t('field.reported', { time: new Date(incident.detectedAt).toLocaleTimeString(i18n.language) })}
          </p>
          {incident.description && <p className="c2-field__description">{incident.description}</p>}
          <div className="c2-field__location" data-testid={testIds.field.location}>
            <div>
              <p className="c2-field__label">{t('field.location')}</p>
              <p>{placeLabel(incident.address, incident.areaName)}</p>
              <p className="c2-field__muted c2-field__coords">
                {incident.location.lat.toFixed(5)}, {incident.location.lng.toFixed(5)}
                {unit.position
                  ? ` · ${t('field.distance', { distance: formatDistance(metersBetween(unit.position, incident.location), i18n.language) })}`
                  : ''}
              </p>
            </div>
            <a
              className="c2-field__navigate"
              href={`geo:${incident.location.lat},${incident.location.lng}?q=${incident.location.lat},${incident.location.lng}`}
              data-testid={testIds.field.navigate}
            >
              {t('field.navigate')}
            </a>
          </div>
          {working ? (
            <NextStep
              status={unit.status}
              accepted={assignment.acceptedAt !== null}
              busy={accept.isPending || status.isPending || checkIn.isPending}
              onAccept={() => accept.mutate()}
              onStatus={(s) => status.mutate(s)}
              onCheckIn={() => checkIn.mutate()}
            />
          ) : (
            <p className="c2-field__finished">{t('field.finished')}</p>
          )}
        </section>
      ) : (
        <section className="c2-field__card" data-testid={testIds.field.idle}>
          <h2 className="c2-field__title">{t('field.idle')}</h2>
          <p className="c2-field__muted">{t('field.idleHint')}</p>
        </section>
      )}

      {!working && (
        <ServiceButtons status={unit.status} busy={status.isPending} onStatus={(s) => status.mutate(s)} />
      )}
      {failed && (
        <p className="c2-field__error" role="alert" data-testid={testIds.field.error}>
          {t(refusalKey(failed))}
        </p>
      )}
      {incident && <Notes view={view} />}
    </div>
  );
}

function NextStep({
  status,
  accepted,
  busy,
  onAccept,
  onStatus,
  onCheckIn,
}: {
  status: UnitStatus;
  accepted: boolean;
  busy: boolean;
  onAccept: () => void;
  onStatus: (s: UnitStatus) => void;
  onCheckIn: () => void;
}) {
  const { t } = useTranslation();
  const big = (
    label: string,
    testId: string,
    onClick: () => void,
    variant: 'primary' | 'danger' = 'primary',
  ) => (
    <Button variant={variant} className="c2-field__big" busy={busy} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
  return (
    <div className="c2-field__actions">
      {status === 'assigned' && !accepted && big(t('field.accept'), testIds.field.accept, onAccept)}
      {status === 'assigned' &&
        accepted &&
        big(t('field.enRoute'), testIds.field.enRoute, () => onStatus('en_route'))}
      {status === 'en_route' && big(t('field.onScene'), testIds.field.onScene, () => onStatus('on_scene'))}
      {status === 'on_scene' && (
        <>
          {big(t('field.done'), testIds.field.done, () => onStatus('returning'))}
          <Button
            className="c2-field__big"
            busy={busy}
            onClick={onCheckIn}
            data-testid={testIds.field.checkIn}
          >
            {t('field.checkIn')}
          </Button>
        </>
      )}
    </div>
  );
}

function ServiceButtons({
  status,
  busy,
  onStatus,
}: {
  status: UnitStatus;
  busy: boolean;
  onStatus: (s: UnitStatus) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="c2-field__actions">
      {(status === 'returning' || status === 'out_of_service') && (
        <Button
          variant="primary"
          className="c2-field__big"
          busy={busy}
          onClick={() => onStatus('available')}
          data-testid={testIds.field.available}
        >
          {t('field.available')}
        </Button>
      )}
      {(status === 'available' || status === 'returning') && (
        <Button className="c2-field__big" busy={busy} onClick={() => onStatus('out_of_service')}>
          {t('field.outOfService')}
        </Button>
      )}
    </div>
  );
}

function Notes({ view }: { view: FieldAssignment }) {
  const { t, i18n } = useTranslation();
  const note = useFieldNote();
  const photo = useFieldPhoto();
  const [text, setText] = useState('');
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const closedOrFailed = note.isError || photo.isError;

  function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    note.mutate(text.trim(), { onSuccess: () => setText('') });
  }

  function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return setPhotoProblem(t('field.photoType'));
    if (file.size > PHOTO_MAX_MB * 1024 * 1024)
      return setPhotoProblem(t('field.photoTooBig', { mb: PHOTO_MAX_MB }));
    setPhotoProblem(null);
    photo.mutate(file, {
      onError: (err) =>
        setPhotoProblem(
          err instanceof ApiError && err.status === 413
            ? t('field.photoTooBig', { mb: PHOTO_MAX_MB })
            : t('field.sendFailed'),
        ),
    });
  }

  return (
    <section className="c2-field__card" aria-label={t('field.notes')}>
      <h2 className="c2-field__subtitle">{t('field.notes')}</h2>
      <form className="c2-field__note-form" onSubmit={send}>
        <TextAreaField
          label={t('field.noteLabel')}
          hideLabel
          placeholder={t('field.notePlaceholder')}
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid={testIds.field.noteInput}
        />
        <div className="c2-field__note-actions">
          <label className="c2-field__photo">
            <input
              type="file"
              accept={PHOTO_TYPES.join(',')}
              capture="environment"
              onChange={pick}
              data-testid={testIds.field.photoInput}
            />
            <span>{photo.isPending ? t('app.loading') : t('field.photo')}</span>
          </label>
          <Button
            type="submit"
            variant="primary"
            busy={note.isPending}
            disabled={!text.trim()}
            data-testid={testIds.field.noteSubmit}
          >
            {t('field.sendNote')}
          </Button>
        </div>
      </form>
      {(photoProblem ?? (closedOrFailed ? t('field.sendFailed') : null)) && (
        <p className="c2-field__error" role="alert">
          {photoProblem ?? t('field.sendFailed')}
        </p>
      )}
      {view.notes.length > 0 ? (
        <ol className="c2-field__notes" data-testid={testIds.field.notes}>
          {view.notes.map((n) => (
            <li key={n.id} className="c2-field__note" data-testid={testIds.field.note} data-kind={n.kind}>
              <span className="c2-field__muted">
                {new Date(n.ts).toLocaleTimeString(i18n.language)}
                {n.actor ? ` · ${n.actor.name}` : ''}
              </span>
              {n.kind === 'note' && <p>{n.data.text}</p>}
              {n.kind === 'attachment' && (
                <img
                  className="c2-field__photo-thumb"
                  src={`/api/field/attachments/${n.data.attachmentId}`}
                  alt={t('field.photoAlt')}
                  loading="lazy"
                />
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="c2-field__muted">{t('field.noNotes')}</p>
      )}
    </section>
  );
}
